import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JsonBody, TestApi } from './http.js';

/** The bytes of a raw message under test/fixtures/email. */
export function emailFixture(name: string): Buffer {
  return readFileSync(fileURLToPath(new URL(`../../../test/fixtures/email/${name}`, import.meta.url)));
}

/** A raw message with some header fields replaced (or added; `null` removes one), so one fixture serves several cases. */
export function withHeaders(raw: Buffer, headers: Record<string, string | null>): Buffer {
  const text = raw.toString('latin1');
  const split = text.indexOf('\r\n\r\n');
  const fields: string[] = [];
  for (const line of text.slice(0, split).split('\r\n')) {
    if (/^[ \t]/.test(line) && fields.length > 0) fields[fields.length - 1] += `\r\n${line}`;
    else fields.push(line);
  }
  const changed = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  const kept = fields.filter((field) => !changed.has(field.slice(0, field.indexOf(':')).toLowerCase()));
  const added = Object.entries(headers).filter(([, value]) => value !== null).map(([name, value]) => `${name}: ${value}`);
  return Buffer.from([...kept, ...added].join('\r\n') + text.slice(split), 'latin1');
}

/** Posts a raw message to the inbound endpoint as a mail relay would. */
export async function postEmail(api: TestApi, raw: Buffer | string, options: { token?: string; contentType?: string } = {}): Promise<{ status: number; body: JsonBody; headers: Record<string, unknown> }> {
  const response = await api.app.inject({
    method: 'POST',
    url: '/v1/inbound/email',
    headers: { authorization: `Bearer ${options.token ?? api.admin}`, 'content-type': options.contentType ?? 'message/rfc822' },
    payload: raw,
  });
  return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : null, headers: response.headers };
}

import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { DomainError } from '../../domain/errors.js';
import { checkTarget, parseTargetUrl, type AddressClassifier, type CheckedTarget, type WebhookTargetPolicy } from './webhook-target.js';

/** Redirects followed before an attempt fails; each hop is checked like the first URL. */
const MAX_REDIRECTS = 3;
/** Bytes of the response body kept for the delivery log. */
const EXCERPT_BYTES = 1024;

export interface PostOptions {
  policy: WebhookTargetPolicy;
  timeoutMs: number;
  /** Which addresses count as private (the built-in ranges unless given). */
  classify?: AddressClassifier;
}

/** What a receiver answered, or why nothing was answered. */
export interface PostResult {
  httpStatus: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

/**
 * Posts a webhook body: checks the target (and every redirect's) after resolving it, connects to
 * the address that was checked, and gives up after `timeoutMs` in all. Never throws.
 */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostResult> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    let next = parseTargetUrl(url);
    for (let hop = 0; ; hop++) {
      const target = await checkTarget(next, options.policy, options.classify);
      const response = await send(target, body, headers, signal);
      const location = response.headers.location;
      if (!isRedirect(response.statusCode) || location === undefined) return { httpStatus: response.statusCode ?? null, error: null, responseExcerpt: await excerpt(response) };
      response.resume();
      if (hop >= MAX_REDIRECTS) return { httpStatus: response.statusCode ?? null, error: `More than ${MAX_REDIRECTS} redirects.`, responseExcerpt: null };
      next = parseTargetUrl(new URL(location, next).toString());
    }
  } catch (error) {
    return { httpStatus: null, error: describe(error, options.timeoutMs, signal), responseExcerpt: null };
  }
}

function isRedirect(status: number | undefined): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function send(target: CheckedTarget, body: string, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(target.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Switchboard-Webhooks' },
      lookup: pinnedLookup(target),
      signal,
    }, resolve);
    request.on('error', reject);
    request.end(body);
  });
}

/** Answers every lookup of the request with the checked address (TLS still checks the name). */
function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

async function excerpt(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    // The rest is not read: leaving the loop closes the response.
    if (size > EXCERPT_BYTES) break;
  }
  const whole = Buffer.concat(chunks);
  return size > EXCERPT_BYTES ? `${whole.subarray(0, EXCERPT_BYTES).toString('utf8')}…` : whole.toString('utf8');
}

function describe(error: unknown, timeoutMs: number, signal: AbortSignal): string {
  if (error instanceof DomainError) return error.message;
  if (signal.aborted) return `No answer within ${timeoutMs} ms.`;
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code}: ${(error as Error).message}` : (error as Error).message;
}

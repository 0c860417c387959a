import assert from 'node:assert/strict';
import { ERROR_CODES, type ErrorCode } from '../../src/domain/errors.js';
import type { JsonBody, TestApi } from './http.js';

export type ApiResponse = Awaited<ReturnType<TestApi['call']>>;

/**
 * Asserts the one wire shape of errors: `{error: {code, message, details?}}` and nothing else,
 * with a code from the registry whose status is the response's.
 */
export function assertErrorShape(response: ApiResponse): void {
  const { body } = response;
  assert.deepEqual(Object.keys(body ?? {}), ['error'], `not an error body: ${JSON.stringify(body)}`);
  const keys = Object.keys(body.error).sort();
  assert.ok(['code,message', 'code,details,message'].includes(keys.join()), `error keys ${keys.join()}`);
  assert.ok(Object.hasOwn(ERROR_CODES, body.error.code), `${body.error.code} is not in ERROR_CODES`);
  assert.equal(ERROR_CODES[body.error.code as ErrorCode].status, response.status, `status of ${body.error.code}`);
  assert.equal(typeof body.error.message, 'string');
  assert.ok(body.error.message.length > 0);
}

/** Asserts a coded error of the given status and returns its details. */
export function assertError(response: ApiResponse, status: number, code: ErrorCode): JsonBody {
  assert.equal(response.status, status, `expected ${status} ${code}, got ${response.status} ${JSON.stringify(response.body)}`);
  assertErrorShape(response);
  assert.equal(response.body.error.code, code);
  return response.body.error.details;
}

/** Asserts a success status and returns the body. */
export function expectStatus(response: ApiResponse, status: number): JsonBody {
  assert.equal(response.status, status, `expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Creates a ticket (with an admin token unless told) and returns it as the API presents it. */
export async function createTicket(api: TestApi, body: Record<string, unknown>, token?: string): Promise<JsonBody> {
  return expectStatus(await api.call('POST', '/v1/tickets', { body, token }), 201);
}

/** Applies a change to a ticket and returns the changed ticket. */
export async function patchTicket(api: TestApi, id: string, body: Record<string, unknown>): Promise<JsonBody> {
  return expectStatus(await api.call('PATCH', `/v1/tickets/${id}`, { body }), 200);
}

/** Adds an agent and returns it as the API presents it. */
export async function createAgent(api: TestApi, body: Record<string, unknown> = { name: 'Ann' }): Promise<JsonBody> {
  return expectStatus(await api.call('POST', '/v1/agents', { body }), 201);
}

/** Every item of a list, following `next_cursor` page by page. */
export async function listAll(api: TestApi, url: string, token?: string): Promise<JsonBody[]> {
  const items: JsonBody[] = [];
  let cursor: string | null = null;
  do {
    const separator = url.includes('?') ? '&' : '?';
    const page: JsonBody = expectStatus(await api.call('GET', cursor ? `${url}${separator}cursor=${cursor}` : url, { token }), 200);
    items.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

let tagCount = 0;
/** A tag no other test uses, so a test can list just its own tickets. */
export function uniqueTag(): string {
  return `t${process.pid}-${++tagCount}`;
}

import assert from 'node:assert/strict';
import type { Role } from '../../src/domain/auth/roles.js';
import type { JsonBody, TestApi } from './http.js';

/** A signed-in browser: the cookies it holds and the CSRF token it sends with changes. */
export interface BrowserSession {
  cookies: Record<string, string>;
  csrf: string;
  body: JsonBody;
}

export const GOOD_PASSWORD = 'violet-harbour-lantern-42';

/** Adds a person to the workspace through the API (as its admin token) with a password. */
export async function addPerson(api: TestApi, person: { email: string; name?: string; role: Role; agent_id?: string; password?: string }, token = api.admin): Promise<JsonBody> {
  const response = await api.call('POST', '/v1/users', { token, body: { name: person.email.split('@')[0], password: GOOD_PASSWORD, ...person } });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body;
}

/** `POST /v1/auth/sign-in` as a browser would, with any cookies it already holds. */
export async function postSignIn(api: TestApi, body: object, cookies: Record<string, string> = {}, address = '127.0.0.1') {
  return api.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: body, cookies, remoteAddress: address });
}

/** Signs in (to `workspace`, by slug, when given) and keeps the cookies and CSRF token; fails the test when sign-in does not succeed. */
export async function signInBrowser(api: TestApi, email: string, password = GOOD_PASSWORD, address = '127.0.0.1', workspace?: string): Promise<BrowserSession> {
  const response = await postSignIn(api, { email, password, ...(workspace ? { workspace } : {}) }, {}, address);
  assert.equal(response.statusCode, 200, response.body);
  const cookies = Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
  const body = response.json();
  return { cookies, csrf: body.csrf_token, body };
}

/** A request carrying only the browser's cookies (and its CSRF token unless `csrf` is false). */
export async function sessionCall(api: TestApi, session: BrowserSession, method: string, url: string, body?: unknown, csrf = true) {
  const response = await api.app.inject({
    method: method as 'GET', url, cookies: session.cookies,
    headers: csrf ? { 'x-csrf-token': session.csrf } : {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
  const json = String(response.headers['content-type']).startsWith('application/json');
  return { status: response.statusCode, body: (json ? response.json() : {}) as JsonBody, headers: response.headers };
}

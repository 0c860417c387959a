import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROLES, roleAllows, type Role } from '../src/domain/auth/roles.js';
import type { RoutePermission } from '../src/surfaces/http/fastify-types.js';
import { expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { OFFICE_HOURS } from './helpers/sla-fixtures.js';
import { addPerson, signInBrowser, type BrowserSession } from './helpers/sessions.js';

/** Routes whose answer never ends (a stream): only their refusals are checked. */
const STREAMS = new Set(['GET /v1/events/stream']);
/** Routes that end the session they are called with. */
const ENDS_SESSION = new Set(['POST /v1/auth/sign-out', 'DELETE /v1/auth/sessions']);

/** What another workspace owns, by the path prefix whose `:id` names it. */
type Owned = Record<string, string>;

/** Creates one of each kind of resource in the workspace of `token`, by the path prefix that names it. */
async function createEverything(api: TestApi, token: string): Promise<Owned> {
  const post = async (url: string, body: unknown) => expectStatus(await api.call('POST', url, { body, token }), 201).id as string;
  const agent = await post('/v1/agents', { name: 'Other agent', status: 'available' });
  const ticket = await post('/v1/tickets', { title: 'Other workspace' });
  return {
    '/v1/tickets': ticket,
    '/v1/approvals': await post(`/v1/tickets/${ticket}/approvals`, { approvers: { role: 'admin' }, reason: 'other workspace' }),
    '/v1/agents': agent,
    '/v1/automations': await post('/v1/automations', { name: 'other', events: ['ticket.created'], when: 'true', actions: [{ kind: 'add_tags', tags: ['x'] }] }),
    '/v1/business-hours': await post('/v1/business-hours', OFFICE_HOURS),
    '/v1/canned-responses': await post('/v1/canned-responses', { name: 'other', body: 'Hello' }),
    '/v1/kb/articles': await post('/v1/kb/articles', { title: 'Other article', body: 'Other text' }),
    '/v1/sla-policies': await post('/v1/sla-policies', { name: 'other', targets: { normal: { first_response: { minutes: 60 } } } }),
    '/v1/tokens': await post('/v1/tokens', { name: 'other', role: 'viewer' }),
    '/v1/users': (await addPerson(api, { email: `other-${ticket}@example.com`, role: 'agent' }, token)).id,
  };
}

/** A person of the other workspace signed in there: the id of their session. */
async function otherSession(api: TestApi, token: string): Promise<string> {
  const person = await addPerson(api, { email: `session-${Date.now()}@example.org`, role: 'viewer' }, token);
  const browser = await signInBrowser(api, person.email);
  const response = await send(api, 'GET', '/v1/auth/sessions', browser);
  return (response.body as { data: { id: string }[] }).data[0]!.id;
}

/** How a caller proves who they are: a bearer token, or a signed-in browser's cookies and CSRF token. */
type Credential = string | BrowserSession;

function credentialHeaders(credential: Credential) {
  return typeof credential === 'string'
    ? { headers: { authorization: `Bearer ${credential}` } }
    : { headers: { 'x-csrf-token': credential.csrf }, cookies: credential.cookies };
}

/** A request with a token or a session; the body of the answer parsed when it is JSON (a Prometheus page is not). */
async function send(api: TestApi, method: string, url: string, credential: Credential, body?: unknown): Promise<{ status: number; body: { error?: { code?: string; message?: string } } }> {
  const response = await api.app.inject({ method: method as 'GET', url, ...credentialHeaders(credential), ...(body === undefined ? {} : { payload: body as object }) });
  const json = String(response.headers['content-type']).startsWith('application/json');
  return { status: response.statusCode, body: json ? response.json() : {} };
}

/** The URL with each path parameter replaced by `id`. */
const withId = (url: string, id: string) => url.replace(/:\w+/g, id);

for (const backend of BACKENDS) {
  describe(`roles × routes, and other workspaces' ids (${backend.name})`, () => {
    let api: TestApi;
    let tokens: Record<Role, string>;
    let routes: [string, string, RoutePermission][];
    let agentId: string;
    before(async () => {
      api = await startTestApi(backend);
      const agent = expectStatus(await api.call('POST', '/v1/agents', { body: { name: 'Matrix agent' } }), 201);
      agentId = agent.id;
      tokens = { admin: api.admin, supervisor: await api.token('supervisor'), agent: await api.token('agent', agent.id), viewer: await api.token('viewer') };
      routes = [...api.app.routePermissions].map(([key, permission]) => [...key.split(' ') as [string, string], permission]);
    });
    after(() => api.close());

    /** Sends every route to every role, with the credential `callerOf` gives, and checks who the route refused. */
    async function checkRoles(callerOf: (role: Role) => Credential, afterEach: (role: Role, route: string) => Promise<void> = async () => {}) {
      assert.ok(routes.length > 60, `${routes.length} routes`);
      for (const [method, url, permission] of routes) {
        assert.ok(permission !== undefined, `${method} ${url} declares no permission`);
        for (const role of ROLES) {
          const allowed = permission === 'public' || permission === 'authenticated' || roleAllows(role, permission);
          if (allowed && STREAMS.has(`${method} ${url}`)) continue;
          const response = await send(api, method, withId(url, 'no_such_id'), callerOf(role), method === 'GET' || method === 'DELETE' ? undefined : {});
          assert.ok(response.status < 500, `${role} ${method} ${url}: ${response.status}`);
          // A command may still refuse what is not the caller's (an agent changing another's presence); the route may not.
          const refusedByRoute = response.status === 403 && String(response.body.error?.message).includes(`may not do this (${permission})`);
          if (allowed) assert.ok(!refusedByRoute, `${role} may ${method} ${url} (${permission}) but was refused`);
          else assert.ok(refusedByRoute, `${role} may not ${method} ${url} (${permission}) but got ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
          await afterEach(role, `${method} ${url}`);
        }
      }
    }

    it('refuses each role exactly the routes its permissions do not cover, and every route declares one', async () => {
      await checkRoles((role) => tokens[role]);
    });

    it('refuses the same routes to people signed in with a session cookie and its CSRF token', async () => {
      let address = 0;
      const signIn = (role: Role) => signInBrowser(api, `${role}-${backend.name}@example.com`, undefined, `10.7.0.${++address % 250}`, 'main');
      const sessions = {} as Record<Role, BrowserSession>;
      // Each person is an admin of another workspace too: a session carries the role of its own workspace only.
      const elsewhere = await api.otherWorkspace(`elsewhere-${backend.name}`);
      for (const role of ROLES) {
        await addPerson(api, { email: `${role}-${backend.name}@example.com`, role, ...(role === 'agent' ? { agent_id: agentId } : {}) });
        await addPerson(api, { email: `${role}-${backend.name}@example.com`, role: 'admin' }, elsewhere);
        sessions[role] = await signIn(role);
      }
      // Signing out ends the caller's own session: sign in again and go on.
      await checkRoles((role) => sessions[role], async (role, route) => {
        if (ENDS_SESSION.has(route)) sessions[role] = await signIn(role);
      });
    });

    it('refuses every change made with a session cookie but without that session\'s CSRF token', async () => {
      const [session, stranger] = await Promise.all(['own', 'stranger'].map(async (who, i) => {
        const email = `csrf-${who}-${backend.name}@example.com`;
        await addPerson(api, { email, role: 'admin' });
        return signInBrowser(api, email, undefined, `10.9.0.${i + 1}`);
      })) as [BrowserSession, BrowserSession];
      const changes = routes.filter(([method, , permission]) => !['GET', 'HEAD', 'OPTIONS'].includes(method) && permission !== 'public');
      assert.ok(changes.length > 50, `${changes.length} routes that change something`);
      for (const [label, csrf] of [['no token', ''], ['another session\'s token', stranger.csrf]] as const) {
        for (const [method, url] of changes) {
          const response = await send(api, method, withId(url, 'no_such_id'), { ...session, csrf }, method === 'DELETE' ? undefined : {});
          assert.deepEqual([response.status, response.body.error?.code], [403, 'csrf_invalid'], `${label}: ${method} ${url}`);
        }
      }
      assert.equal((await send(api, 'GET', '/v1/me', session)).status, 200, 'the session still works');
    });

    it('answers 404 (or 400 before the lookup) to every route given an id from another workspace', async () => {
      const other = await api.otherWorkspace(`other-${backend.name}`);
      const owned: Owned = { ...(await createEverything(api, other)), '/v1/auth/sessions': await otherSession(api, other) };
      const withIds = routes.filter(([, url]) => url.includes(':id'));
      assert.ok(withIds.length > 30, `${withIds.length} routes with an id`);
      await addPerson(api, { email: `boss-${backend.name}@example.com`, role: 'admin' });
      const adminSession = await signInBrowser(api, `boss-${backend.name}@example.com`, undefined, '10.8.0.1');
      for (const [caller, credential] of [['token', api.admin], ['session', adminSession]] as const) {
        for (const [method, url] of withIds) {
          const prefix = Object.keys(owned).find((p) => url.startsWith(`${p}/`));
          const id = prefix ? owned[prefix]! : owned['/v1/tickets']!;
          const body = method === 'GET' || method === 'DELETE' ? undefined : url.endsWith('/comments') ? { body: 'Hello?' } : {};
          const response = await send(api, method, withId(url, id), credential, body);
          assert.ok([400, 404].includes(response.status), `${caller}: ${method} ${url} with another workspace's id answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
        }
      }
      // The other workspace's things are all still there: nothing above reached them.
      for (const prefix of ['/v1/tickets', '/v1/approvals', '/v1/agents', '/v1/automations', '/v1/business-hours', '/v1/canned-responses', '/v1/kb/articles', '/v1/sla-policies']) {
        assert.equal((await send(api, 'GET', `${prefix}/${owned[prefix]}`, other)).status, 200, `${prefix} of the other workspace`);
      }
      const approval = await api.call('GET', `/v1/approvals/${owned['/v1/approvals']}`, { token: other });
      assert.equal(approval.body.status, 'awaiting', 'its approval was neither answered nor cancelled');
      const people = expectStatus(await api.call('GET', '/v1/users', { token: other }), 200);
      assert.ok(people.data.some((u: { id: string; disabled: boolean; role: string }) => u.id === owned['/v1/users'] && !u.disabled && u.role === 'agent'), 'its member is unchanged');
      const tokens = expectStatus(await api.call('GET', '/v1/tokens', { token: other }), 200);
      assert.ok(tokens.data.some((t: { id: string; revoked_at?: string | null }) => t.id === owned['/v1/tokens'] && !t.revoked_at), 'its token is not revoked');
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROLES, roleAllows, type Role } from '../src/domain/auth/roles.js';
import type { RoutePermission } from '../src/surfaces/http/fastify-types.js';
import { expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { OFFICE_HOURS } from './helpers/sla-fixtures.js';

/** Routes whose answer never ends (a stream): only their refusals are checked. */
const STREAMS = new Set(['GET /v1/events/stream']);

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
  };
}

/** A request with a token; the body of the answer parsed when it is JSON (a Prometheus page is not). */
async function send(api: TestApi, method: string, url: string, token: string, body?: unknown): Promise<{ status: number; body: { error?: { code?: string; message?: string } } }> {
  const response = await api.app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { payload: body as object }) });
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
    before(async () => {
      api = await startTestApi(backend);
      const agent = expectStatus(await api.call('POST', '/v1/agents', { body: { name: 'Matrix agent' } }), 201);
      tokens = { admin: api.admin, supervisor: await api.token('supervisor'), agent: await api.token('agent', agent.id), viewer: await api.token('viewer') };
      routes = [...api.app.routePermissions].map(([key, permission]) => [...key.split(' ') as [string, string], permission]);
    });
    after(() => api.close());

    it('refuses each role exactly the routes its permissions do not cover, and every route declares one', async () => {
      assert.ok(routes.length > 60, `${routes.length} routes`);
      for (const [method, url, permission] of routes) {
        assert.ok(permission !== undefined, `${method} ${url} declares no permission`);
        for (const role of ROLES) {
          const allowed = permission === 'public' || permission === 'authenticated' || roleAllows(role, permission);
          if (allowed && STREAMS.has(`${method} ${url}`)) continue;
          const response = await send(api, method, withId(url, 'no_such_id'), tokens[role], method === 'GET' || method === 'DELETE' ? undefined : {});
          assert.ok(response.status < 500, `${role} ${method} ${url}: ${response.status}`);
          // A command may still refuse what is not the caller's (an agent changing another's presence); the route may not.
          const refusedByRoute = response.status === 403 && String(response.body.error?.message).includes(`may not do this (${permission})`);
          if (allowed) assert.ok(!refusedByRoute, `${role} may ${method} ${url} (${permission}) but was refused`);
          else assert.ok(refusedByRoute, `${role} may not ${method} ${url} (${permission}) but got ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        }
      }
    });

    it('answers 404 (or 400 before the lookup) to every route given an id from another workspace', async () => {
      const other = await api.otherWorkspace(`other-${backend.name}`);
      const owned = await createEverything(api, other);
      const withIds = routes.filter(([, url]) => url.includes(':id'));
      assert.ok(withIds.length > 30, `${withIds.length} routes with an id`);
      for (const [method, url] of withIds) {
        const prefix = Object.keys(owned).find((p) => url.startsWith(`${p}/`));
        const id = prefix ? owned[prefix]! : owned['/v1/tickets']!;
        const body = method === 'GET' || method === 'DELETE' ? undefined : url.endsWith('/comments') ? { body: 'Hello?' } : {};
        const response = await send(api, method, withId(url, id), api.admin, body);
        assert.ok([400, 404].includes(response.status), `${method} ${url} with another workspace's id answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
      }
      // The other workspace's things are all still there: nothing above reached them.
      for (const prefix of ['/v1/tickets', '/v1/approvals', '/v1/agents', '/v1/automations', '/v1/business-hours', '/v1/canned-responses', '/v1/kb/articles', '/v1/sla-policies']) {
        assert.equal((await send(api, 'GET', `${prefix}/${owned[prefix]}`, other)).status, 200, `${prefix} of the other workspace`);
      }
      const approval = await api.call('GET', `/v1/approvals/${owned['/v1/approvals']}`, { token: other });
      assert.equal(approval.body.status, 'awaiting', 'its approval was neither answered nor cancelled');
      const tokens = expectStatus(await api.call('GET', '/v1/tokens', { token: other }), 200);
      assert.ok(tokens.data.some((t: { id: string; revoked_at?: string | null }) => t.id === owned['/v1/tokens'] && !t.revoked_at), 'its token is not revoked');
    });
  });
}

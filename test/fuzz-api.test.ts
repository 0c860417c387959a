import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';

/** Routes whose valid bodies start long work; their bad input has tests of its own. */
const SLOW = new Set(['POST /v1/triage/train', 'POST /v1/simulations']);

interface BodyRoute {
  method: string;
  path: string;
  properties: string[];
}

/** Every route of the OpenAPI document that takes a JSON body, with the top-level keys it names. */
function bodyRoutes(spec: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: { properties?: object } }> } }>> }): BodyRoute[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) => Object.entries(methods).flatMap(([method, operation]) => {
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    if (!schema || SLOW.has(`${method.toUpperCase()} ${path}`)) return [];
    return [{ method: method.toUpperCase(), path, properties: Object.keys(schema.properties ?? {}) }];
  }));
}

/** Bodies with the route's own keys holding any JSON (so validation and commands are reached), or any JSON at all. */
function bodies(route: BodyRoute): fc.Arbitrary<unknown> {
  const shaped = fc.record(Object.fromEntries(route.properties.map((key) => [key, fc.jsonValue({ maxDepth: 3 })])), { requiredKeys: [] });
  return fc.oneof(shaped, shaped, fc.jsonValue({ maxDepth: 4 }));
}

for (const backend of BACKENDS) {
  describe(`every request body, fuzzed (${backend.name})`, () => {
    let api: TestApi;
    let ids: Record<string, string>;
    before(async () => {
      api = await startTestApi(backend);
      const agent = expectStatus(await api.call('POST', '/v1/agents', { body: { name: 'Fuzz', status: 'available' } }), 201);
      const ticket = expectStatus(await api.call('POST', '/v1/tickets', { body: { title: 'Fuzz target' } }), 201);
      ids = { agent: agent.id, ticket: ticket.id };
    });
    after(() => api.close());

    it('answers no request with a 500, and a refused one changes nothing', async () => {
      const spec = expectStatus(await api.call('GET', '/openapi.json'), 200);
      const routes = bodyRoutes(spec);
      assert.ok(routes.length >= 25, `only ${routes.length} routes with a body`);
      const lastEventId = async () => {
        const page = await api.db.store.read((tx) => tx.events.listForWorkspace(api.workspaceId, undefined, 100_000));
        return page.items.at(-1)?.id ?? 0;
      };
      for (const route of routes) {
        // Path parameters get a real ticket's or agent's id (so commands run), or a made-up one.
        const url = route.path.replace(/:(\w+)|\{(\w+)\}/g, () => (route.path.includes('agents') ? ids.agent! : ids.ticket!));
        await fc.assert(fc.asyncProperty(bodies(route), async (body) => {
          const before = await lastEventId();
          const response = await api.call(route.method as 'POST', url, { body });
          assert.ok(response.status < 500, `${route.method} ${route.path} answered ${response.status} to ${JSON.stringify(body)}: ${JSON.stringify(response.body)}`);
          if (response.status >= 400) assert.equal(await lastEventId(), before, `${route.method} ${route.path} refused ${JSON.stringify(body)} but wrote events`);
        }), { numRuns: backend.name === 'sqlite' ? 40 : 15, seed: 42 });
      }
    });
  });
}

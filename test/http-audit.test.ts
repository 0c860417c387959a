import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { runCli } from './helpers/cli.js';

for (const backend of BACKENDS) {
  describe(`audit log (${backend.name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(backend);
    });
    after(() => api.close());

    it('lists changes to the set-up, newest first, with their actor, and leaves tickets out', async () => {
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: { queues: [{ id: 'all', agents: 'true' }], rules: [], default: { queue: 'all' } } }), 200);
      const token = expectStatus(await api.call('POST', '/v1/tokens', { body: { name: 'audited', role: 'viewer' } }), 201);
      expectStatus(await api.call('DELETE', `/v1/tokens/${token.id}`), 204);
      expectStatus(await api.call('POST', '/v1/agents', { body: { name: 'Audited agent' } }), 201);
      expectStatus(await api.call('POST', '/v1/tickets', { body: { title: 'Not an admin change' } }), 201);

      const first = expectStatus(await api.call('GET', '/v1/audit?limit=3'), 200);
      assert.deepEqual(first.data.map((e: { type: string }) => e.type), ['agent.created', 'token.revoked', 'token.created']);
      assert.ok(first.data.every((e: { actor: { name: string | null } }) => e.actor.name === 'test admin'));
      assert.equal(first.data[2].after.role, 'viewer');
      const rest = expectStatus(await api.call('GET', `/v1/audit?limit=50&cursor=${first.next_cursor}`), 200);
      assert.ok(rest.data.some((e: { type: string }) => e.type === 'policy.saved'));
      assert.ok([...first.data, ...rest.data].every((e: { entity: { kind: string } }) => e.entity.kind !== 'ticket'));
      assertError(await api.call('GET', '/v1/audit', { token: await api.token('supervisor') }), 403, 'forbidden');
      assertError(await api.call('GET', '/v1/audit?cursor=bogus'), 400, 'invalid_cursor');
    });

    it('prints the same from the command line', async () => {
      const { code, stdout, stderr } = await runCli(['audit', ...api.db.cliArgs, '--workspace', 'main', '--limit', '2']);
      assert.equal(code, 0, stderr);
      // The newest: the supervisor token the first test issued, then the agent.
      assert.deepEqual(stdout.trim().split('\n').map((line) => line.split('\t')[2]), ['token.created', 'agent.created']);
    });
  });
}

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertError, createAgent, createTicket, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';

/** A stand-in for the built dashboard: a page and one hashed asset. */
function fakeDashboard(): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title><script type="module" src="/assets/app-1a2b.js"></script>');
  writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log("hi");');
  return dir;
}

for (const backend of BACKENDS) {
  describe(`dashboard serving, /v1/me and /v1/workload (${backend.name})`, () => {
    let api: TestApi;
    const dir = fakeDashboard();
    before(async () => {
      api = await startTestApi(backend, { dashboardDir: dir });
    });
    after(async () => {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('serves the dashboard at / with a content security policy that allows no inline script', async () => {
      const page = await api.app.inject({ method: 'GET', url: '/' });
      assert.equal(page.statusCode, 200);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      const csp = String(page.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(page.headers['x-content-type-options'], 'nosniff');
      assert.equal(page.headers['cache-control'], 'no-cache');
      const asset = await api.app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
      assert.equal(asset.statusCode, 200);
      assert.match(String(asset.headers['cache-control']), /immutable/);
    });

    it('keeps the API\'s JSON errors for paths the dashboard does not have', async () => {
      assertError(await api.call('GET', '/nothing-here', { token: '' }), 404, 'route_not_found');
      const health = await api.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(health.headers['x-content-type-options'], 'nosniff');
    });

    it('tells the caller its role, agent and permissions', async () => {
      const admin = expectStatus(await api.call('GET', '/v1/me'), 200);
      assert.equal(admin.role, 'admin');
      assert.equal(admin.agent_id, null);
      assert.ok(admin.permissions.includes('routing:write'));
      const agent = await createAgent(api, { name: 'Kim' });
      const mine = expectStatus(await api.call('GET', '/v1/me', { token: await api.token('agent', agent.id) }), 200);
      assert.equal(mine.role, 'agent');
      assert.equal(mine.agent_id, agent.id);
      assert.ok(mine.permissions.includes('offers:answer'));
      assert.ok(!mine.permissions.includes('routing:write'));
      const viewer = expectStatus(await api.call('GET', '/v1/me', { token: await api.token('viewer') }), 200);
      assert.deepEqual(viewer.permissions.filter((p: string) => p.endsWith(':write')), []);
      assertError(await api.call('GET', '/v1/me', { token: '' }), 401, 'unauthorized');
    });

    it('counts open work per queue and each agent\'s load against capacity', async () => {
      // The default policy routes everything to `general`: Lee takes the first ticket and is then full.
      const agent = await createAgent(api, { name: 'Lee', status: 'available', capacity: { email: 1 } });
      const held = await createTicket(api, { title: 'Held' });
      assert.equal(held.assignee, agent.id);
      await createTicket(api, { title: 'Waiting' });
      const escalated = await createTicket(api, { title: 'Hot' });
      expectStatus(await api.call('POST', `/v1/tickets/${escalated.id}/escalate`, { body: { reason: 'angry customer' } }), 200);
      const workload = expectStatus(await api.call('GET', '/v1/workload', { token: await api.token('viewer') }), 200);
      const desk = workload.queues.find((q: { queue: string }) => q.queue === 'general');
      assert.deepEqual({ open: desk.open, unassigned: desk.unassigned, escalated: desk.escalated }, { open: 3, unassigned: 2, escalated: 1 });
      assert.equal(typeof desk.oldest_unassigned_at, 'string');
      const lee = workload.agents.find((a: { agent_id: string }) => a.agent_id === agent.id);
      assert.deepEqual(lee.load, { email: 1 });
      assert.equal(lee.utilisation, 1);
    });
  });
}

describe('dashboard not built', () => {
  it('answers / with a coded 404 that says how to build it', async () => {
    const api = await startTestApi(BACKENDS[0]!);
    try {
      const response = await api.call('GET', '/', { token: '' });
      assertError(response, 404, 'route_not_found');
      assert.match(response.body.error.message, /build:web/);
    } finally {
      await api.close();
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, createAgent, createTicket, expectStatus, listAll } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';

const HOURS = { timezone: 'Europe/Paris', days: { mon: [{ start: '09:00', end: '17:00' }] } };

for (const backend of BACKENDS) {
  describe(`agents API (${backend.name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(backend);
    });
    after(() => api.close());

    const patchAgent = (id: string, body: Record<string, unknown>, token?: string) => api.call('PATCH', `/v1/agents/${id}`, { body, token });

    it('creates an agent with defaults, and reads it back', async () => {
      const response = await api.call('POST', '/v1/agents', {
        body: { name: ' Ann ', email: 'Ann@Example.com', skills: { Billing: 7 }, teams: ['EMEA'], languages: ['fr', 'en'], working_hours: HOURS },
      });
      const agent = expectStatus(response, 201);
      assert.equal(response.headers.location, `/v1/agents/${agent.id}`);
      assert.equal(agent.name, 'Ann');
      assert.equal(agent.email, 'ann@example.com');
      assert.deepEqual(agent.skills, { billing: 7 });
      assert.deepEqual(agent.teams, ['emea']);
      assert.equal(agent.status, 'offline');
      assert.equal(agent.level, 1);
      assert.equal(agent.version, 1);
      assert.equal(agent.removed_at, null);
      assert.deepEqual(agent.working_hours, HOURS);
      assert.deepEqual(expectStatus(await api.call('GET', `/v1/agents/${agent.id}`), 200), agent);
    });

    it('lists agents by presence, team and skill, and leaves removed ones out', async () => {
      const team = `team-${process.pid}`;
      await createAgent(api, { name: 'Ann', teams: [team], status: 'available', skills: { refunds: 3 } });
      await createAgent(api, { name: 'Bob', teams: [team], status: 'away' });
      const cid = await createAgent(api, { name: 'Cid', teams: [team], status: 'available' });
      const names = async (query: string) => (await listAll(api, `/v1/agents?team=${team}&limit=1${query}`)).map((a) => a.name).sort();
      assert.deepEqual(await names(''), ['Ann', 'Bob', 'Cid']);
      assert.deepEqual(await names('&status=available'), ['Ann', 'Cid']);
      assert.deepEqual(await names('&skill=REFUNDS'), ['Ann']);
      expectStatus(await api.call('DELETE', `/v1/agents/${cid.id}`), 200);
      assert.deepEqual(await names(''), ['Ann', 'Bob']);
      assertError(await api.call('GET', '/v1/agents?status=asleep'), 400, 'validation_failed');
    });

    it('changes an agent and restarts the presence clock only on a presence change', async () => {
      const agent = await createAgent(api, { name: 'Dee' });
      const skilled = expectStatus(await patchAgent(agent.id, { skills: { network: 5 }, level: 2 }), 200);
      assert.deepEqual([skilled.version, skilled.level, skilled.skills], [2, 2, { network: 5 }]);
      assert.equal(skilled.status_changed_at, agent.status_changed_at);
      const present = expectStatus(await patchAgent(agent.id, { status: 'available' }), 200);
      assert.equal(present.status, 'available');
      assert.equal(present.version, 3);
      assert.ok(present.status_changed_at >= agent.status_changed_at);
      assert.deepEqual(expectStatus(await api.call('GET', `/v1/agents/${agent.id}`), 200), present);
    });

    it('removes an agent: history keeps them, nothing can change them or be given to them', async () => {
      const agent = await createAgent(api, { name: 'Eve', status: 'available' });
      const removed = expectStatus(await api.call('DELETE', `/v1/agents/${agent.id}`), 200);
      assert.equal(typeof removed.removed_at, 'string');
      assert.equal(removed.status, 'offline');
      assert.equal(expectStatus(await api.call('GET', `/v1/agents/${agent.id}`), 200).removed_at, removed.removed_at);
      assertError(await patchAgent(agent.id, { status: 'available' }), 404, 'agent_not_found');
      const onCreate = assertError(await api.call('POST', '/v1/tickets', { body: { title: 'For Eve', assignee: agent.id } }), 422, 'invalid_reference');
      assert.equal(onCreate.path, '/assignee');
      const ticket = await createTicket(api, { title: 'Also for Eve' });
      assertError(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { assignee: agent.id } }), 422, 'invalid_reference');
      assertError(await api.call('DELETE', '/v1/agents/agt_missing'), 404, 'agent_not_found');
    });

    it('refuses a skill level outside 1–10 as a schema error naming the field', async () => {
      const details = assertError(await api.call('POST', '/v1/agents', { body: { name: 'Max', skills: { billing: 11 } } }), 400, 'validation_failed');
      assert.ok(details.errors.some((e: { path: string }) => e.path === '/skills/billing'), JSON.stringify(details));
      const agent = await createAgent(api, { name: 'Min' });
      assertError(await patchAgent(agent.id, { skills: { billing: 0 } }), 400, 'validation_failed');
    });

    it('refuses an unknown time zone or inconsistent hours with the path of the mistake', async () => {
      const badZone = { ...HOURS, timezone: 'Europe/Atlantis' };
      assert.equal(assertError(await api.call('POST', '/v1/agents', { body: { name: 'Zed', working_hours: badZone } }), 422, 'invalid_value').path, '/working_hours/timezone');
      const agent = await createAgent(api, { name: 'Zoe' });
      assert.equal(assertError(await patchAgent(agent.id, { working_hours: badZone }), 422, 'invalid_value').path, '/working_hours/timezone');
      const inverted = { ...HOURS, days: { tue: [{ start: '18:00', end: '09:00' }] } };
      assert.equal(assertError(await patchAgent(agent.id, { working_hours: inverted }), 422, 'invalid_value').path, '/working_hours/days/tue/0');
      assert.equal(expectStatus(await api.call('GET', `/v1/agents/${agent.id}`), 200).working_hours, null);
    });

    it('lets an agent token change its own presence and nothing else', async () => {
      const me = await createAgent(api, { name: 'Me' });
      const colleague = await createAgent(api, { name: 'Colleague' });
      const token = await api.token('agent', me.id);
      assert.equal(expectStatus(await patchAgent(me.id, { status: 'busy' }, token), 200).status, 'busy');
      assertError(await patchAgent(colleague.id, { status: 'busy' }, token), 403, 'forbidden');
      assertError(await patchAgent(me.id, { level: 9 }, token), 403, 'forbidden');
      assertError(await patchAgent(me.id, { status: 'available', name: 'Boss' }, token), 403, 'forbidden');
      assertError(await api.call('POST', '/v1/agents', { body: { name: 'Clone' }, token }), 403, 'forbidden');
      assertError(await api.call('DELETE', `/v1/agents/${colleague.id}`, { token }), 403, 'forbidden');
      const [mine, theirs] = [await api.call('GET', `/v1/agents/${me.id}`), await api.call('GET', `/v1/agents/${colleague.id}`)];
      assert.deepEqual([mine.body.level, mine.body.name, theirs.body.status], [1, 'Me', 'offline']);
    });

    it('lets a viewer read but not write', async () => {
      const agent = await createAgent(api, { name: 'Watched' });
      const ticket = await createTicket(api, { title: 'Watched' });
      const token = await api.token('viewer');
      expectStatus(await api.call('GET', `/v1/agents/${agent.id}`, { token }), 200);
      expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}`, { token }), 200);
      assertError(await api.call('POST', '/v1/agents', { body: { name: 'Nope' }, token }), 403, 'forbidden');
      assertError(await patchAgent(agent.id, { status: 'available' }, token), 403, 'forbidden');
      assertError(await api.call('DELETE', `/v1/agents/${agent.id}`, { token }), 403, 'forbidden');
      assertError(await api.call('POST', '/v1/tickets', { body: { title: 'Nope' }, token }), 403, 'forbidden');
      assertError(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { priority: 'high' }, token }), 403, 'forbidden');
      assertError(await api.call('POST', `/v1/tickets/${ticket.id}/comments`, { body: { body: 'Nope' }, token }), 403, 'forbidden');
      assertError(await api.call('POST', '/v1/tokens', { body: { name: 'x', role: 'admin' }, token }), 403, 'forbidden');
      assert.equal(expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}`), 200).version, ticket.version);
    });
  });
}

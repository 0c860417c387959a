import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../src/domain/shared/clock.js';
import { createAgent, createTicket, expectStatus, patchTicket } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';
import { reply } from './helpers/sla-fixtures.js';

const T0 = Date.UTC(2026, 4, 4, 9, 0, 0);
const MINUTE = 60_000;
const WINDOW = `from=${new Date(T0).toISOString()}&to=${new Date(T0 + 24 * 60 * MINUTE).toISOString()}`;

for (const backend of BACKENDS) {
  describe(`first-contact resolution and escalation rate (${backend.name})`, () => {
    let api: TestApi;
    before(async () => {
      const clock = new ManualClock(T0);
      api = await startTestApi(backend, { clock });
      const ann = (await createAgent(api, { name: 'Ann', status: 'away', capacity: { email: 9 } })).id as string;
      const policy = { queues: [{ id: 'general', agents: 'true' }], rules: [], default: { queue: 'general' } };
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: policy }), 200);
      const ticket = async () => (await createTicket(api, { title: 'Question', queue: 'general', assignee: ann })).id as string;
      const [once, twice, reopened, escalated] = [await ticket(), await ticket(), await ticket(), await ticket()];
      clock.set(T0 + 30 * MINUTE);
      // Answered once and resolved: the only first-contact resolution.
      await reply(api, once, 'agent');
      await patchTicket(api, once, { status: 'resolved' });
      // Two agent replies before it was resolved.
      await reply(api, twice, 'agent');
      await reply(api, twice, 'customer');
      await reply(api, twice, 'agent');
      await patchTicket(api, twice, { status: 'resolved' });
      // One reply, resolved, then reopened by the requester and resolved again.
      await reply(api, reopened, 'agent');
      await patchTicket(api, reopened, { status: 'resolved' });
      await patchTicket(api, reopened, { status: 'in_progress' });
      await patchTicket(api, reopened, { status: 'resolved' });
      // Escalated two hours after it arrived (and twice: only the first step counts for the time to escalate).
      clock.set(T0 + 120 * MINUTE);
      expectStatus(await api.call('POST', `/v1/tickets/${escalated}/escalate`, { body: { reason: 'needs a specialist' } }), 200);
      clock.set(T0 + 180 * MINUTE);
      expectStatus(await api.call('POST', `/v1/tickets/${escalated}/escalate`, { body: { reason: 'still stuck' } }), 200);
      clock.set(T0 + 24 * 60 * MINUTE);
    });
    after(() => api.close());

    it('counts as first-contact resolution only work resolved with one agent reply and never reopened', async () => {
      const body: JsonBody = expectStatus(await api.call('GET', `/v1/metrics?${WINDOW}`), 200);
      assert.equal(body.totals.resolved, 3);
      assert.equal(body.totals.first_contact_resolution, 1 / 3);
    });

    it('reports the share of created tickets escalated and the time from arrival to the first escalation', async () => {
      const body: JsonBody = expectStatus(await api.call('GET', `/v1/metrics?${WINDOW}`), 200);
      assert.equal(body.totals.escalation.escalated, 1);
      assert.equal(body.totals.escalation.rate, 1 / 4);
      assert.deepEqual(body.totals.escalation.time_to_escalate_s, { median: 7200, p90: 7200 });
    });
  });
}

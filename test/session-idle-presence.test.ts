import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SESSION_LIFETIMES } from '../src/domain/auth/session-policy.js';
import type { ManualClock } from '../src/domain/shared/clock.js';
import { createTicket } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import type { TestApi } from './helpers/http.js';
import { addAgent, eventTypes, getTicket, putPolicy, startRoutingApi, teamQueue, uniqueTeam } from './helpers/routing-fixtures.js';
import { GOOD_PASSWORD, addPerson, sessionCall, signInBrowser } from './helpers/sessions.js';

const IDLE = DEFAULT_SESSION_LIFETIMES.idleMs;
const MINUTE = 60_000;

for (const backend of BACKENDS) {
  describe(`presence after the idle time-out (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    before(async () => {
      ({ api, clock } = await startRoutingApi(backend));
    });
    after(() => api.close());

    const presence = async (agentId: string) => (await api.call('GET', `/v1/agents/${agentId}`)).body.status;

    it('keeps an agent online while a session is in use, then takes them offline and re-routes their unstarted work', async () => {
      const team = uniqueTeam();
      const gia = await addAgent(api, team, 'Gia', { status: 'offline' });
      const hal = await addAgent(api, team, 'Hal', { status: 'offline' });
      await putPolicy(api, { queues: [teamQueue(`work-${team}`, team)], rules: [], default: { queue: `work-${team}` } });
      await addPerson(api, { email: 'gia@example.com', name: 'Gia', role: 'agent', agent_id: gia.id });
      const browser = await signInBrowser(api, 'gia@example.com', GOOD_PASSWORD);
      assert.equal(await presence(gia.id), 'available');
      const waiting = await createTicket(api, { title: 'Not started yet' });
      assert.equal(waiting.assignee, gia.id);
      await api.call('PATCH', `/v1/agents/${hal.id}`, { body: { status: 'available' } });

      clock.advance(IDLE - 5 * MINUTE);
      assert.equal((await sessionCall(api, browser, 'GET', '/v1/me')).status, 200, 'in use before the time-out');
      clock.advance(10 * MINUTE);
      assert.match(String(await api.fireDueTimers()), /still in use/);
      assert.equal(await presence(gia.id), 'available');

      clock.advance(IDLE);
      assert.equal((await sessionCall(api, browser, 'GET', '/v1/me')).status, 401, 'the session has gone idle');
      assert.match(String(await api.fireDueTimers()), /ended/);
      assert.equal(await presence(gia.id), 'offline');
      const moved = await getTicket(api, waiting.id);
      assert.deepEqual([moved.status, moved.assignee], ['assigned', hal.id]);
      assert.ok((await eventTypes(api, waiting.id)).includes('ticket.redispatched'));
    });

    it('leaves the agent online while another of their sessions is live', async () => {
      const team = uniqueTeam();
      const ivo = await addAgent(api, team, 'Ivo', { status: 'offline' });
      await addPerson(api, { email: 'ivo@example.com', name: 'Ivo', role: 'agent', agent_id: ivo.id });
      await signInBrowser(api, 'ivo@example.com', GOOD_PASSWORD, '10.3.0.1');
      clock.advance(IDLE / 2);
      const laptop = await signInBrowser(api, 'ivo@example.com', GOOD_PASSWORD, '10.3.0.2');
      clock.advance(IDLE / 2 + MINUTE);
      await api.fireDueTimers();
      assert.equal(await presence(ivo.id), 'available', 'the laptop is not idle yet');
      assert.equal((await sessionCall(api, laptop, 'GET', '/v1/me')).status, 200);
      clock.advance(IDLE + MINUTE);
      await api.fireDueTimers();
      assert.equal(await presence(ivo.id), 'offline');
    });
  });
}

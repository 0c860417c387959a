import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ManualClock } from '../src/domain/shared/clock.js';
import { createTicket, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import type { JsonBody, TestApi } from './helpers/http.js';
import {
  addAgent, getTicket, putPolicy, ROUTING_START, routingOf, startRoutingApi, teamQueue, TickingClock, uniqueTeam, workOf,
} from './helpers/routing-fixtures.js';

const MINUTE = 60_000;

for (const backend of BACKENDS) {
  describe(`step time-outs (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    before(async () => {
      ({ api, clock } = await startRoutingApi(backend));
    });
    after(() => api.close());

    /**
     * A rule that tries the first team for two minutes, then the second team. Queue names carry the
     * team so no earlier test's waiting work is in them.
     */
    const escalation = async (firstMode: 'direct' | 'offer' = 'direct', offerTimeout = '45s') => {
      const first = uniqueTeam();
      const second = uniqueTeam();
      const queues = { first: `first-${first}`, second: `second-${second}` };
      await putPolicy(api, {
        queues: [teamQueue(queues.first, first, { mode: firstMode, offer_timeout: offerTimeout }), teamQueue(queues.second, second)],
        rules: [{ name: `escalate-${first}`, when: 'true', targets: [{ queue: queues.first, timeout: '2m' }, { queue: queues.second }] }],
        default: { queue: queues.second },
      });
      return { first, second, queues };
    };
    const outcomes = async (id: string) => (await routingOf(api, id)).decisions.map((d: JsonBody) => [d.outcome, d.explanation.queue, d.explanation.step]);

    it('moves a ticket nobody in the first queue can take to the next step after its time-out, exactly once', async () => {
      const { first, second, queues } = await escalation();
      await addAgent(api, first, 'Away in A', { status: 'away' });
      const bob = await addAgent(api, second, 'Bob in B');
      const ticket = await createTicket(api, { title: 'Nobody in A' });
      assert.deepEqual([ticket.status, ticket.assignee, ticket.queue], ['queued', null, queues.first]);

      clock.advance(MINUTE);
      await api.fireDueTimers();
      assert.equal((await getTicket(api, ticket.id)).queue, queues.first, 'one minute is not yet the time-out');

      clock.advance(MINUTE);
      await api.fireDueTimers();
      const moved = await getTicket(api, ticket.id);
      assert.deepEqual([moved.status, moved.assignee, moved.queue], ['assigned', bob.id, queues.second]);
      const routing = await routingOf(api, ticket.id);
      assert.deepEqual([routing.state.step, routing.state.queue], [1, queues.second]);
      assert.deepEqual(await outcomes(ticket.id), [['assigned', queues.second, 1], ['queued', queues.first, 0]]);

      clock.advance(MINUTE);
      await api.fireDueTimers();
      const again = await getTicket(api, ticket.id);
      assert.equal(again.version, moved.version, 'the timer fired once');
      assert.equal((await routingOf(api, ticket.id)).decisions.length, 2);
    });

    it('does nothing when the ticket was assigned before its step timed out', async () => {
      const { first, queues } = await escalation();
      const ann = await addAgent(api, first, 'Ann in A', { status: 'offline' });
      const ticket = await createTicket(api, { title: 'Ann will come' });
      assert.equal(ticket.queue, queues.first);
      clock.advance(MINUTE);
      expectStatus(await api.call('PATCH', `/v1/agents/${ann.id}`, { body: { status: 'available' } }), 200);
      const taken = await getTicket(api, ticket.id);
      assert.deepEqual([taken.status, taken.assignee], ['assigned', ann.id], 'Ann pulled it when she came');

      clock.advance(2 * MINUTE);
      await api.fireDueTimers();
      const after = await getTicket(api, ticket.id);
      assert.deepEqual([after.assignee, after.queue, after.version], [ann.id, queues.first, taken.version]);
    });

    it('starts the step clock again for a ticket sent back to the queue, and moves it on after the time-out', async () => {
      const { first, second, queues } = await escalation();
      const ann = await addAgent(api, first, 'Ann in A');
      const bob = await addAgent(api, second, 'Bob in B');
      const ticket = await createTicket(api, { title: 'Ann leaves before starting' });
      assert.equal(ticket.assignee, ann.id);
      clock.advance(10 * MINUTE);
      expectStatus(await api.call('PATCH', `/v1/agents/${ann.id}`, { body: { status: 'offline' } }), 200);
      const requeued = await getTicket(api, ticket.id);
      assert.deepEqual([requeued.status, requeued.assignee, requeued.queue], ['queued', null, queues.first]);

      clock.advance(MINUTE);
      await api.fireDueTimers();
      assert.equal((await getTicket(api, ticket.id)).queue, queues.first, 'the step gives A two minutes again');
      clock.advance(MINUTE);
      await api.fireDueTimers();
      const moved = await getTicket(api, ticket.id);
      assert.deepEqual([moved.status, moved.assignee, moved.queue], ['assigned', bob.id, queues.second]);
    });

    it('moves on when an offer made in the first step lapses after the step has timed out', async () => {
      const { first, second, queues } = await escalation('offer', '3m');
      const ann = await addAgent(api, first, 'Ann in A');
      const bob = await addAgent(api, second, 'Bob in B');
      const ticket = await createTicket(api, { title: 'Ann is slow to answer' });
      assert.equal((await workOf(api, ann.id)).offers.length, 1);

      clock.advance(2 * MINUTE);
      await api.fireDueTimers();
      assert.equal((await workOf(api, ann.id)).offers.length, 1, 'an offer being considered is not taken away');
      clock.advance(MINUTE);
      await api.fireDueTimers();
      await api.fireDueTimers();
      const moved = await getTicket(api, ticket.id);
      assert.deepEqual([moved.status, moved.assignee, moved.queue], ['assigned', bob.id, queues.second], 'the step time-out was not lost');
    });
  });

  describe(`step time-outs on a clock that moves while a request runs (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    before(async () => {
      ({ api, clock } = await startRoutingApi(backend, {}, new TickingClock(ROUTING_START)));
    });
    after(() => api.close());

    it('arms the step time-out of a ticket nobody can take, and moves it on when it is due', async () => {
      const nobody = uniqueTeam();
      const second = uniqueTeam();
      await putPolicy(api, {
        queues: [teamQueue(`nobody-${nobody}`, nobody), teamQueue(`general-${second}`, second)],
        rules: [{ name: `wait-${nobody}`, when: 'true', targets: [{ queue: `nobody-${nobody}`, timeout: '2s' }, { queue: `general-${second}` }] }],
        default: { queue: `general-${second}` },
      });
      const bob = await addAgent(api, second, 'Bob in general');
      const ticket = await createTicket(api, { title: 'Nobody is in the first queue' });
      assert.deepEqual([ticket.status, ticket.queue], ['queued', `nobody-${nobody}`]);
      clock.advance(3_000);
      await api.fireDueTimers();
      const moved = await getTicket(api, ticket.id);
      assert.deepEqual([moved.status, moved.assignee, moved.queue], ['assigned', bob.id, `general-${second}`]);
    });
  });
}

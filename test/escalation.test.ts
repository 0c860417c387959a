import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, createTicket, expectStatus, patchTicket } from './helpers/api-fixtures.js';
import type { ManualClock } from '../src/domain/shared/clock.js';
import { BACKENDS } from './helpers/backends.js';
import type { TestApi } from './helpers/http.js';
import { getTicket, putPolicy, startRoutingApi, teamQueue } from './helpers/routing-fixtures.js';
import {
  deskLevels, escalationsOf, handoffBody, historyOf, putEscalation, tieredDesk,
} from './helpers/workflow-fixtures.js';

for (const backend of BACKENDS) {
  describe(`escalation (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    before(async () => {
      ({ api, clock } = await startRoutingApi(backend));
    });
    after(() => api.close());

    it('escalates by hand one level at a time into each level\'s queue, records why, and de-escalates', async () => {
      const desk = await tieredDesk(api);
      await putEscalation(api, { levels: deskLevels(desk), triggers: [] });
      const ticket = await createTicket(api, { title: 'Printer on fire' });
      assert.equal(ticket.assignee, desk.agents.front.id);

      const up = expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/escalate`, { body: { reason: 'needs a specialist' } }), 200);
      assert.deepEqual([up.escalation.from_level, up.escalation.to_level, up.escalation.trigger], [0, 1, 'manual']);
      assert.equal(up.escalation.reason, 'needs a specialist');
      assert.equal(up.escalation.queue, desk.tiers[0]);
      assert.deepEqual(up.escalation.owner, { role: 'supervisor' });
      assert.deepEqual([up.ticket.escalation.level, up.ticket.queue, up.ticket.assignee], [1, desk.tiers[0], desk.agents.l1.id]);

      const two = expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/escalate`, { body: { reason: 'still stuck' } }), 200);
      assert.deepEqual([two.ticket.escalation.level, two.ticket.queue, two.ticket.assignee], [2, desk.tiers[1], desk.agents.l2.id]);
      const watchers = expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/watchers`), 200).data;
      assert.deepEqual(new Set(watchers), new Set([desk.agents.front.id, desk.agents.l2.id, desk.agents.l1.id]), 'owners and informed agents watch');

      // L3 is not configured: the level still rises, the ticket stays where it is.
      const three = expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/escalate`, { body: { reason: 'exec complaint', level: 3 } }), 200);
      assert.deepEqual([three.ticket.escalation.level, three.ticket.queue], [3, desk.tiers[1]]);
      assert.equal(assertError(await api.call('POST', `/v1/tickets/${ticket.id}/escalate`, { body: { reason: 'more' } }), 422, 'invalid_value').path, '/level');

      const down = expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/de-escalate`, { body: { reason: 'handled', level: 1 } }), 200);
      assert.deepEqual([down.escalation.from_level, down.escalation.to_level, down.ticket.queue], [3, 1, desk.tiers[0]]);
      const records = await escalationsOf(api, ticket.id);
      assert.deepEqual(records.map((r: { to_level: number }) => r.to_level), [1, 2, 3, 1]);
      assert.ok(records.every((r: { at: string }) => typeof r.at === 'string'));
      const types = (await historyOf(api, ticket.id)).map((e: { type: string }) => e.type);
      assert.equal(types.filter((t: string) => t === 'ticket.escalated').length, 3);
      assert.ok(types.includes('ticket.de_escalated'));
    });

    it('still escalates when the level\'s queue has left the routing policy, leaving the ticket where it is', async () => {
      const desk = await tieredDesk(api);
      await putEscalation(api, { levels: deskLevels(desk), triggers: [] });
      await putPolicy(api, { queues: [teamQueue(desk.front, desk.front.slice('front-'.length))], rules: [], default: { queue: desk.front } });
      const ticket = await createTicket(api, { title: 'Queue gone' });
      const up = expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/escalate`, { body: { reason: 'specialist' } }), 200);
      assert.deepEqual([up.ticket.escalation.level, up.ticket.queue, up.escalation.queue], [1, desk.front, null]);
    });

    it('stamps the first human reply after each escalation', async () => {
      const ticket = await createTicket(api, { title: 'Slow VPN' });
      expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/escalate`, { body: { reason: 'network team' } }), 200);
      const [before] = await escalationsOf(api, ticket.id);
      assert.equal(before.first_response_at, null);
      const agent = expectStatus(await api.call('POST', '/v1/agents', { body: { name: 'Replying Rita' } }), 201);
      const token = await api.token('agent', agent.id);
      expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/comments`, { token, body: { body: 'Looking now', visibility: 'internal' } }), 201);
      assert.equal((await escalationsOf(api, ticket.id))[0].first_response_at, null, 'an internal note is not a response');
      clock.advance(7 * 60_000);
      expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/comments`, { token, body: { body: 'Fixed, please retry.' } }), 201);
      assert.equal((await escalationsOf(api, ticket.id))[0].first_response_at, new Date(clock.now()).toISOString());
    });

    it('escalates on low AI confidence by the category\'s risk, and always for mandatory review', async () => {
      const desk = await tieredDesk(api);
      await putEscalation(api, { levels: deskLevels(desk), triggers: [{ name: 'unsure AI', preset: 'ai_confidence', level: 2 }] });
      const billing = expectStatus(await api.call('POST', '/v1/handoffs', { body: handoffBody({ intent: 'billing', confidence: 0.7 }) }), 201);
      assert.deepEqual([billing.ticket.escalation.level, billing.ticket.queue], [2, desk.tiers[1]], 'billing is strict: 0.7 < 0.85');
      const [record] = await escalationsOf(api, billing.ticket.id);
      assert.deepEqual([record.trigger, record.reason, record.actor.kind], ['unsure AI', 'AI confidence below the category\'s threshold', 'system']);

      const shipping = expectStatus(await api.call('POST', '/v1/handoffs', { body: handoffBody({ intent: 'shipping', confidence: 0.7 }) }), 201);
      assert.equal(shipping.ticket.escalation.level, 0, 'shipping is standard: 0.7 >= 0.6');
      const legal = expectStatus(await api.call('POST', '/v1/handoffs', { body: handoffBody({ intent: 'legal', confidence: 0.99 }) }), 201);
      assert.equal(legal.ticket.escalation.level, 2, 'legal always gets a person');

      await putEscalation(api, { levels: deskLevels(desk), categories: { shipping: 'strict' }, triggers: [{ name: 'unsure AI', preset: 'ai_confidence' }] });
      const strictShipping = expectStatus(await api.call('POST', '/v1/handoffs', { body: handoffBody({ intent: 'shipping', confidence: 0.7 }) }), 201);
      assert.equal(strictShipping.ticket.escalation.level, 1, 'a category\'s risk is configurable');
    });

    it('escalates when the customer asks for a person, once per trigger', async () => {
      const desk = await tieredDesk(api);
      await putEscalation(api, {
        levels: deskLevels(desk),
        triggers: [{ name: 'wants a human', preset: 'asks_for_human' }, { name: 'angry words', preset: 'keywords', params: { words: ['lawyer'] }, level: 2 }],
      });
      const reactive = expectStatus(await api.call('POST', '/v1/handoffs', { body: handoffBody({ mode: 'reactive', confidence: 0.9 }) }), 201);
      assert.deepEqual([reactive.ticket.escalation.level, reactive.ticket.escalation.reason], [1, 'The customer asked for a person']);

      const typed = await createTicket(api, { title: 'Refund please', description: 'I want to talk to a person about this.' });
      assert.equal(typed.signals.asks_for_human, true);
      assert.deepEqual([typed.escalation.level, typed.queue, typed.assignee], [1, desk.tiers[0], desk.agents.l1.id]);

      await api.call('POST', `/v1/tickets/${typed.id}/de-escalate`, { body: { reason: 'answered by L1' } });
      await patchTicket(api, typed.id, { description: 'I still want to talk to a person.' });
      assert.equal((await getTicket(api, typed.id)).escalation.level, 0, 'a trigger escalates a ticket once; a person\'s de-escalation sticks');
      await patchTicket(api, typed.id, { description: 'I will call my lawyer.' });
      assert.equal((await getTicket(api, typed.id)).escalation.level, 2, 'another trigger may still fire');
    });

    it('escalates a ticket re-routed more than N times', async () => {
      const desk = await tieredDesk(api);
      await putEscalation(api, { levels: deskLevels(desk), triggers: [{ name: 'ping-pong', preset: 'rerouted', params: { more_than: 1 } }] });
      await api.call('PATCH', `/v1/agents/${desk.agents.front.id}`, { body: { status: 'away' } });
      await api.call('PATCH', `/v1/agents/${desk.agents.l2.id}`, { body: { status: 'away' } });
      await api.call('PATCH', `/v1/agents/${desk.agents.l3.id}`, { body: { status: 'away' } });
      const ticket = await createTicket(api, { title: 'Nobody knows whose this is' });
      await patchTicket(api, ticket.id, { queue: desk.tiers[1] });
      assert.equal((await getTicket(api, ticket.id)).escalation.level, 0);
      await patchTicket(api, ticket.id, { queue: desk.tiers[2] });
      const now = await getTicket(api, ticket.id);
      assert.deepEqual([now.escalation.level, now.queue, now.assignee], [1, desk.tiers[0], desk.agents.l1.id]);
      assert.equal((await escalationsOf(api, ticket.id))[0].trigger, 'ping-pong');
    });

    it('escalates a ticket left idle, from the worker\'s scheduled check', async () => {
      const desk = await tieredDesk(api);
      await putEscalation(api, { levels: deskLevels(desk), triggers: [{ name: 'forgotten', preset: 'idle', params: { hours: 24 } }] });
      const ticket = await createTicket(api, { title: 'Quiet one', queue: desk.tiers[2] });
      await api.runWorkflows();
      assert.equal((await getTicket(api, ticket.id)).escalation.level, 0);
      clock.advance(25 * 3_600_000);
      await api.runWorkflows();
      const now = await getTicket(api, ticket.id);
      assert.deepEqual([now.escalation.level, now.escalation.reason], [1, 'No update for too long']);
    });

    it('refuses a config with mistakes, with the path of each, and keeps the one in force', async () => {
      const desk = await tieredDesk(api);
      const saved = await putEscalation(api, { levels: deskLevels(desk), triggers: [] });
      const details = assertError(await api.call('PUT', '/v1/escalation', {
        body: {
          levels: [{ level: 1, queue: 'nowhere', owner: { agent: 'agt_missing' } }, { level: 1, queue: desk.tiers[0], owner: { role: 'admin' } }, { level: 5, queue: desk.tiers[1], owner: { role: 'admin' } }],
          triggers: [
            { name: 'typo', when: 'ticket.custmer.tier == "vip"' },
            { name: 'both', preset: 'idle', when: 'true' },
            { name: 'bad preset', preset: 'moon_phase' },
            { name: 'bad param', preset: 'rerouted', params: { more_than: -3, colour: 'red' } },
          ],
        },
      }), 422, 'invalid_escalation');
      const paths = details.errors.map((e: { path: string }) => e.path);
      for (const path of ['/levels/0/queue', '/levels/0/owner/agent', '/levels/1/level', '/triggers/0/when', '/triggers/1', '/triggers/2/preset', '/triggers/3/params/more_than', '/triggers/3/params/colour']) {
        assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
      }
      assert.ok(details.errors.find((e: { path: string }) => e.path === '/triggers/0/when').position);
      assert.equal(expectStatus(await api.call('GET', '/v1/escalation'), 200).version, saved.version);
      const presets = expectStatus(await api.call('GET', '/v1/escalation/presets'), 200).data;
      assert.ok(presets.some((p: { name: string; when: string }) => p.name === 'idle' && p.when === 'idle_hours >= 48'));
    });
  });
}

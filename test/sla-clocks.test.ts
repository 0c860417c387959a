import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../src/domain/shared/clock.js';
import { createAgent, createTicket } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';
import { addBusinessHours, addTaggedPolicy, clockOf, local, patchTicket, reply, slaEvents, stockholm } from './helpers/sla-fixtures.js';

/**
 * Due times through the API: a target, the moment the ticket opens (Stockholm time) and when the
 * target falls due. Rows run in time order on one clock that only moves forward.
 */
const DUE_TIMES: { name: string; opens: string; minutes: number; business: boolean; due: string }[] = [
  { name: '4 business hours from Friday 16:00 end Monday 12:00', opens: '2024-03-01T16:00', minutes: 240, business: true, due: '2024-03-04T12:00' },
  { name: 'the weekend the clocks go forward changes nothing in business hours', opens: '2024-03-29T16:00', minutes: 240, business: true, due: '2024-04-01T12:00' },
  { name: '24 calendar hours over the spring change (a 23-hour Sunday) end at 13:00', opens: '2024-03-30T12:00', minutes: 1440, business: false, due: '2024-03-31T13:00' },
  { name: 'the weekend the clocks go back changes nothing in business hours', opens: '2024-10-25T16:00', minutes: 240, business: true, due: '2024-10-28T12:00' },
  { name: '24 calendar hours over the autumn change (a 25-hour Sunday) end at 11:00', opens: '2024-10-26T12:00', minutes: 1440, business: false, due: '2024-10-27T11:00' },
  { name: 'Christmas holidays are skipped: Monday 16:00 plus 4 hours is Friday 12:00', opens: '2024-12-23T16:00', minutes: 240, business: true, due: '2024-12-27T12:00' },
];

for (const backend of BACKENDS) {
  describe(`SLA clocks (${backend.name})`, () => {
    const clock = new ManualClock(stockholm('2024-03-01T08:00'));
    let api: TestApi;
    let office: string;
    let agent: string;
    before(async () => {
      api = await startTestApi(backend, { clock });
      office = (await addBusinessHours(api)).id;
      agent = (await createAgent(api, { name: 'Astrid', status: 'available' })).id;
    });
    after(() => api.close());

    /** Moves the shared clock forward to a Stockholm time (never back: timers and ids follow it). */
    const at = (time: string) => {
      const target = stockholm(time);
      assert.ok(target >= clock.now(), `cases must run in time order: ${time}`);
      clock.set(target);
    };
    const target = (minutes: number, business = true) => ({ minutes, business_hours: business ? office : null });
    /** Opens a ticket held by the agent (so it can go pending) under a policy of its own. */
    const open = async (time: string, targets: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<JsonBody> => {
      at(time);
      const { tag } = await addTaggedPolicy(api, targets);
      return createTicket(api, { title: `SLA case at ${time}`, tags: [tag], assignee: agent, ...extra });
    };

    for (const row of DUE_TIMES) {
      it(row.name, async () => {
        const ticket = await open(row.opens, { normal: { resolution: target(row.minutes, row.business) } });
        const resolution = await clockOf(api, ticket.id, 'resolution');
        assert.equal(local(resolution.due_at), row.due);
        assert.equal(resolution.status, 'running');
        assert.equal(resolution.remaining_minutes, row.minutes);
      });
    }

    it('pending pauses resolution with the time it had left; back in progress, it resumes from there', async () => {
      const ticket = await open('2025-01-13T10:00', { normal: { resolution: target(240) } });
      assert.equal(local((await clockOf(api, ticket.id, 'resolution')).due_at), '2025-01-13T14:00');
      at('2025-01-13T11:00');
      await patchTicket(api, ticket.id, { status: 'pending' });
      const paused = await clockOf(api, ticket.id, 'resolution');
      assert.deepEqual([paused.status, paused.paused, paused.due_at, paused.remaining_minutes], ['paused', true, null, 180]);
      at('2025-01-13T15:00');
      await reply(api, ticket.id, 'customer');
      const resumed = await clockOf(api, ticket.id, 'resolution');
      assert.deepEqual([resumed.status, local(resumed.due_at), resumed.remaining_minutes], ['running', '2025-01-14T10:00', 180]);
      at('2025-01-13T16:00');
      assert.equal((await clockOf(api, ticket.id, 'resolution')).remaining_minutes, 120, 'time left counts business hours only');
    });

    it('on hold pauses too; resolving meets the target, reopening runs it again with the time kept', async () => {
      const ticket = await open('2025-01-14T09:00', { normal: { resolution: target(120) } });
      at('2025-01-14T09:30');
      await patchTicket(api, ticket.id, { status: 'on_hold' });
      at('2025-01-14T13:00');
      await patchTicket(api, ticket.id, { status: 'in_progress' });
      assert.equal(local((await clockOf(api, ticket.id, 'resolution')).due_at), '2025-01-14T14:30');
      at('2025-01-14T13:30');
      await patchTicket(api, ticket.id, { status: 'resolved' });
      const met = await clockOf(api, ticket.id, 'resolution');
      assert.deepEqual([met.status, local(met.fulfilled_at), met.due_at, met.remaining_minutes, met.breached], ['fulfilled', '2025-01-14T13:30', null, 60, false]);
      at('2025-01-15T09:00');
      await patchTicket(api, ticket.id, { status: 'in_progress' });
      const reopened = await clockOf(api, ticket.id, 'resolution');
      assert.deepEqual([reopened.status, local(reopened.due_at)], ['running', '2025-01-15T10:00']);
    });

    it('a change of policy mid-way keeps the time already run and applies the new target', async () => {
      const { tag: vip } = await addTaggedPolicy(api, { normal: { resolution: target(120) } });
      const ticket = await open('2025-01-16T09:00', { normal: { resolution: target(480) } });
      assert.equal(ticket.sla.policy_name, `policy ${ticket.tags[0]}`);
      assert.equal(local((await clockOf(api, ticket.id, 'resolution')).due_at), '2025-01-16T17:00');
      at('2025-01-16T10:00');
      const moved = await patchTicket(api, ticket.id, { tags: [...ticket.tags, vip] });
      assert.equal(moved.sla.policy_name, `policy ${vip}`);
      const clock = await clockOf(api, ticket.id, 'resolution');
      assert.deepEqual([local(clock.started_at), local(clock.due_at), clock.remaining_minutes], ['2025-01-16T09:00', '2025-01-16T11:00', 60]);
    });

    it('a priority change re-targets; a target already passed breaches at once', async () => {
      const ticket = await open('2025-01-17T09:00', { normal: { resolution: target(480) }, urgent: { resolution: target(60) } });
      at('2025-01-17T11:00');
      await patchTicket(api, ticket.id, { priority: 'urgent' });
      const clock = await clockOf(api, ticket.id, 'resolution');
      assert.deepEqual([clock.target_minutes, local(clock.due_at), clock.remaining_minutes], [60, '2025-01-17T10:00', -60]);
      await api.fireDueTimers();
      assert.deepEqual(await slaEvents(api, ticket.id), [['sla.warning', 'resolution'], ['sla.breached', 'resolution']]);
      assert.equal(local((await clockOf(api, ticket.id, 'resolution')).breached_at), '2025-01-17T10:00');
    });

    it('first reply ends at the first public agent reply; next reply runs from the oldest unanswered requester comment', async () => {
      const ticket = await open('2025-01-20T09:00', {
        normal: { first_response: target(60, false), next_response: target(30, false), periodic_update: target(120, false) },
      });
      assert.equal(await clockOf(api, ticket.id, 'next_response'), undefined, 'no next reply is owed before the first');
      at('2025-01-20T09:20');
      await api.call('POST', `/v1/tickets/${ticket.id}/comments`, { body: { body: 'internal', visibility: 'internal', author: { kind: 'agent', id: 'a' } } });
      assert.equal((await clockOf(api, ticket.id, 'first_response')).status, 'running', 'an internal note is not a reply');
      at('2025-01-20T09:30');
      await reply(api, ticket.id, 'agent');
      assert.equal(local((await clockOf(api, ticket.id, 'first_response')).fulfilled_at), '2025-01-20T09:30');
      assert.equal(local((await clockOf(api, ticket.id, 'periodic_update')).due_at), '2025-01-20T11:30');
      at('2025-01-20T10:00');
      await reply(api, ticket.id, 'customer');
      at('2025-01-20T10:10');
      await reply(api, ticket.id, 'customer');
      const next = await clockOf(api, ticket.id, 'next_response');
      assert.deepEqual([next.cycle, local(next.started_at), local(next.due_at)], [1, '2025-01-20T10:00', '2025-01-20T10:30']);
      at('2025-01-20T10:20');
      await reply(api, ticket.id, 'agent');
      const answered = await clockOf(api, ticket.id, 'next_response');
      assert.deepEqual([answered.status, answered.breached], ['fulfilled', false]);
      const update = await clockOf(api, ticket.id, 'periodic_update');
      assert.deepEqual([update.cycle, local(update.due_at)], [2, '2025-01-20T12:20']);
      at('2025-01-20T11:00');
      await reply(api, ticket.id, 'customer');
      assert.deepEqual([(await clockOf(api, ticket.id, 'next_response')).cycle, (await clockOf(api, ticket.id, 'next_response')).status], [2, 'running']);
    });

    it('a ticket no policy matches has no SLA', async () => {
      at('2025-01-21T09:00');
      const ticket = await createTicket(api, { title: 'No SLA here' });
      assert.equal(ticket.sla, null);
    });
  });
}

import { ManualClock } from '../../src/domain/shared/clock.js';
import { createAgent, createTicket, expectStatus, patchTicket } from './api-fixtures.js';
import type { TestApi } from './http.js';
import { addTaggedPolicy, reply } from './sla-fixtures.js';

/** Monday 2 March 2026, 08:00 UTC: the start of the day the scenario's report covers. */
export const T0 = Date.UTC(2026, 2, 2, 8, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A clock for `startTestApi` that starts two days before T0, when the scenario begins. */
export const scenarioClock = () => new ManualClock(T0 - 2 * DAY);

export interface MetricsScenario {
  ann: string;
  bob: string;
  tickets: { t1: string; t2: string; t3: string; t4: string; t5: string };
}

/** Sets the triage prediction a trained model would have made for the ticket. */
async function predict(api: TestApi, ticketId: string, label: string): Promise<void> {
  await api.db.store.transaction(async (tx) => {
    const ticket = (await tx.tickets.get(api.workspaceId, ticketId))!;
    const ai = { label, confidence: 0.9, priority: null, priorityConfidence: 0, modelVersion: 1, source: 'local' as const };
    await tx.tickets.update({ ...ticket, ai, version: ticket.version + 1 }, ticket);
  });
}

/**
 * Five tickets whose every figure can be worked out by hand (docs/metrics.md; the expected
 * values are in test/metrics.test.ts). Agents are away, so nothing is routed by itself: every
 * assignment below is made by hand at a known time.
 */
export async function loadMetricsScenario(api: TestApi): Promise<MetricsScenario> {
  const clock = api.clock as ManualClock;
  const at = (ms: number) => clock.set(ms);
  const ann = (await createAgent(api, { name: 'Ann', status: 'away', capacity: { email: 5, chat: 2, phone: 1 } })).id as string;
  const bob = (await createAgent(api, { name: 'Bob', status: 'away', capacity: { email: 3 } })).id as string;
  const policy = { queues: [{ id: 'billing', agents: 'true' }, { id: 'general', agents: 'true' }], rules: [], default: { queue: 'general' } };
  expectStatus(await api.call('PUT', '/v1/routing/policy', { body: policy }), 200);
  const { tag } = await addTaggedPolicy(api, { normal: { first_response: { minutes: 30 } }, high: { first_response: { minutes: 30 } } });

  // T5: an older ticket, still held by Ann: backlog, nothing else.
  const t5 = (await createTicket(api, { title: 'Old question', queue: 'general', assignee: ann })).id as string;

  // T1: Ann answers after 10 minutes and resolves after an hour, within its SLA; predicted "general".
  at(T0);
  const t1 = (await createTicket(api, { title: 'Refund', type: 'support', channel: 'email', queue: 'billing', assignee: ann, tags: [tag] })).id as string;
  await predict(api, t1, 'general');
  at(T0 + 10 * MINUTE);
  await reply(api, t1, 'agent');
  at(T0 + HOUR);
  await patchTicket(api, t1, { status: 'resolved' });

  // T2: Bob's; breaches its 30-minute first response, is escalated, answered 20 minutes later, resolved at +4h.
  const t2 = (await createTicket(api, { title: 'Outage', type: 'incident', channel: 'chat', priority: 'high', queue: 'billing', assignee: bob, tags: [tag] })).id as string;
  await predict(api, t2, 'billing');
  at(T0 + HOUR + 31 * MINUTE);
  await api.fireDueTimers();
  at(T0 + HOUR + 40 * MINUTE);
  expectStatus(await api.call('POST', `/v1/tickets/${t2}/escalate`, { body: { reason: 'customer is angry' } }), 200);
  at(T0 + 2 * HOUR);
  await reply(api, t2, 'agent');

  // T3: waits in general, is moved to billing (a re-route), given to Ann at +3h, answered, resolved at +5h.
  const t3 = (await createTicket(api, { title: 'Invoice address', type: 'support', queue: 'general' })).id as string;
  await patchTicket(api, t3, { queue: 'billing' });
  at(T0 + 3 * HOUR);
  await patchTicket(api, t3, { assignee: ann });

  // T4: Bob's phone ticket, never answered: backlog.
  const t4 = (await createTicket(api, { title: 'Call me', type: 'support', channel: 'phone', priority: 'low', queue: 'general', assignee: bob })).id as string;
  at(T0 + 3 * HOUR + 30 * MINUTE);
  await reply(api, t3, 'agent');
  at(T0 + 4 * HOUR);
  await patchTicket(api, t2, { status: 'resolved' });
  at(T0 + 5 * HOUR);
  await patchTicket(api, t3, { status: 'resolved' });
  at(T0 + 2 * DAY);
  return { ann, bob, tickets: { t1, t2, t3, t4, t5 } };
}

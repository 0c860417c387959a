import type { SlaState } from '../sla/sla-state.js';
import type { Priority } from '../ticket/ticket.js';
import type { WaitingOrder } from './policy.js';

const PRIORITY_HEAD_START: Record<Priority, number> = { urgent: 3, high: 2, normal: 1, low: 0 };
/** Tickets without a deadline sort after every ticket with one under `sla_deadline` ordering. */
const NO_DEADLINE_OFFSET = 10 * 365 * 86_400_000;

/** What a waiting ticket's place depends on. */
export interface RankedTicket {
  priority: Priority;
  createdAt: number;
  dueAt: number | null;
  sla?: SlaState | null;
}

/**
 * The key waiting work is served by (lowest first). Under `priority_age` a ticket counts as if it
 * had arrived one aging period earlier per priority class above `low`: an urgent ticket goes
 * before a low one that arrived less than three periods earlier, and any ticket that has waited
 * long enough overtakes newer, more urgent work, so nothing starves. Under `sla_deadline` the
 * earliest deadline goes first and the rest follow by the same aged order.
 */
export function waitingRank(ticket: RankedTicket, ordering: WaitingOrder, agingMs: number): number {
  const aged = ticket.createdAt - PRIORITY_HEAD_START[ticket.priority] * agingMs;
  if (ordering === 'sla_deadline') return deadlineOf(ticket) ?? aged + NO_DEADLINE_OFFSET;
  return aged;
}

/** Promises the earliest time the ticket is due: its own due date or a running SLA target, or null. */
export function deadlineOf(ticket: RankedTicket): number | null {
  let earliest = ticket.dueAt;
  for (const metric of ticket.sla?.metrics ?? []) {
    if (metric.dueAt !== null && metric.fulfilledAt === null && (earliest === null || metric.dueAt < earliest)) earliest = metric.dueAt;
  }
  return earliest;
}

/** Promises whether a change moves a waiting ticket's place: its priority or its deadline changed. */
export function placeChanged(before: RankedTicket, after: RankedTicket): boolean {
  return before.priority !== after.priority || deadlineOf(before) !== deadlineOf(after);
}

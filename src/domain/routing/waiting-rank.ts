import type { Priority } from '../ticket/ticket.js';
import type { WaitingOrder } from './policy.js';

const PRIORITY_HEAD_START: Record<Priority, number> = { urgent: 3, high: 2, normal: 1, low: 0 };
/** Tickets without a deadline sort after every ticket with one under `sla_deadline` ordering. */
const NO_DEADLINE_OFFSET = 10 * 365 * 86_400_000;

/**
 * The key waiting work is served by (lowest first). Under `priority_age` a ticket counts as if it
 * had arrived one aging period earlier per priority class above `low`: an urgent ticket goes
 * before a low one that arrived less than three periods earlier, and any ticket that has waited
 * long enough overtakes newer, more urgent work, so nothing starves. Under `sla_deadline` the
 * earliest deadline goes first and the rest follow by the same aged order.
 */
export function waitingRank(
  ticket: { priority: Priority; createdAt: number; dueAt: number | null },
  ordering: WaitingOrder,
  agingMs: number,
): number {
  const aged = ticket.createdAt - PRIORITY_HEAD_START[ticket.priority] * agingMs;
  if (ordering === 'sla_deadline') return ticket.dueAt ?? aged + NO_DEADLINE_OFFSET;
  return aged;
}

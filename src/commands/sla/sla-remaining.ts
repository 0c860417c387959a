import { remainingAt } from '../../domain/sla/sla-clock.js';
import type { SlaMetric } from '../../domain/sla/sla-state.js';
import type { StoreTx } from '../../domain/store/store.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import { catalogOf } from './sla-catalog.js';

/** Target time left (ms, in each target's own hours) on every running SLA clock of the ticket at `now`. */
export async function slaRemainingQuery(tx: StoreTx, ticket: Ticket, now: number): Promise<Map<SlaMetric, number>> {
  const remaining = new Map<SlaMetric, number>();
  const running = ticket.sla?.metrics.filter((m) => m.runningSince !== null) ?? [];
  if (running.length === 0) return remaining;
  const catalog = catalogOf([], await tx.businessHours.list(ticket.workspaceId));
  for (const clock of running) remaining.set(clock.metric, remainingAt(clock, catalog.calendarOf(clock.businessHoursId), now));
  return remaining;
}

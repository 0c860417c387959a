import type { Timer } from '../../domain/routing/timer.js';
import { applySlaTimer } from '../../domain/sla/sla-timers.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { saveTicket } from '../load-ticket.js';
import { recordEvent } from '../record-event.js';

const EVENT_OF = { sla_warning: 'sla.warning', sla_breach: 'sla.breached' } as const;

/**
 * Fires an SLA warning or breach timer inside the caller's transaction: records it on the ticket
 * and writes `sla.warning` or `sla.breached`. A timer whose due time has moved on (paused,
 * re-targeted, met, or already recorded) does nothing, so each cycle warns and breaches once.
 */
export async function fireSlaTimerCommand(ctx: CommandContext, timer: Timer & { kind: 'sla_warning' | 'sla_breach' }): Promise<string> {
  const ticket = await ctx.tx.tickets.get(ctx.workspaceId, timer.ticketId);
  const hit = ticket && applySlaTimer(ticket.sla, timer.kind, timer.ref);
  if (!ticket || !hit) return `ticket ${timer.ticketId}: ${timer.ref} no longer stands`;
  // Only the SLA changed: `updatedAt` stays, so "idle for N hours" is not reset by the clock itself.
  const next: Ticket = { ...ticket, sla: hit.state, version: ticket.version + 1 };
  await saveTicket(ctx, next, ticket);
  const { clock } = hit;
  const at = timer.kind === 'sla_warning' ? clock.warnAt! : clock.dueAt!;
  await recordEvent(ctx, {
    entityKind: 'ticket', entityId: ticket.id, ticketId: ticket.id, type: EVENT_OF[timer.kind],
    data: {
      metric: clock.metric, cycle: clock.cycle, policy_id: hit.state.policyId, policy_name: hit.state.policyName,
      target_minutes: clock.targetMinutes, business_hours: clock.businessHoursId,
      at: new Date(at).toISOString(), due_at: clock.dueAt === null ? null : new Date(clock.dueAt).toISOString(),
    },
  });
  return `ticket ${ticket.id}: ${EVENT_OF[timer.kind]} (${clock.metric})`;
}

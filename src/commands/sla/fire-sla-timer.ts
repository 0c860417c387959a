import { fail } from '../../domain/errors.js';
import type { Timer } from '../../domain/scheduling/timer.js';
import { applySlaTimer, type SlaTimerHit } from '../../domain/sla/sla-timers.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';
import type { TimerHandler } from '../scheduling/timer-handler.js';

const EVENT_OF = { sla_warning: 'sla.warning', sla_breach: 'sla.breached' } as const;
const ATTEMPTS = 3;

type SlaTimer = Timer & { kind: 'sla_warning' | 'sla_breach' };

/** The SLA's timers: the warning share of a target reached, a target missed. */
export const slaTimers: TimerHandler = {
  kinds: new Set(Object.keys(EVENT_OF)),
  fire: (ctx, timer) => fireSlaTimerCommand(ctx, timer as SlaTimer),
};

/**
 * Fires an SLA warning or breach timer inside the caller's transaction: records it on the ticket
 * and writes `sla.warning` or `sla.breached`. A timer whose due time has moved on (paused,
 * re-targeted, met, or already recorded) does nothing, so each cycle warns and breaches once.
 */
export async function fireSlaTimerCommand(ctx: CommandContext, timer: SlaTimer): Promise<string> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const ticket = await ctx.tx.tickets.get(ctx.workspaceId, timer.ticketId);
    const hit = ticket && applySlaTimer(ticket.sla, timer.kind, timer.ref);
    if (!ticket || !hit) return `ticket ${timer.ticketId}: ${timer.ref} no longer stands`;
    // Only the SLA changed: `updatedAt` stays, so "idle for N hours" is not reset by the clock itself.
    const next: Ticket = { ...ticket, sla: hit.state, version: ticket.version + 1 };
    // Another node firing this ticket's other timer (or a reply) may commit first; the ticket is
    // then read again (each statement sees the latest commit) and the timer tried on it anew.
    if (await ctx.tx.tickets.update(next, ticket)) return record(ctx, timer, ticket, hit);
  }
  throw fail('version_conflict', `Ticket ${timer.ticketId} kept changing while ${timer.ref} fired; it is tried again.`, { id: timer.ticketId });
}

async function record(ctx: CommandContext, timer: SlaTimer, ticket: Ticket, { state, clock }: SlaTimerHit): Promise<string> {
  const at = timer.kind === 'sla_warning' ? clock.warnAt! : clock.dueAt!;
  await recordEvent(ctx, {
    entityKind: 'ticket', entityId: ticket.id, ticketId: ticket.id, type: EVENT_OF[timer.kind],
    data: {
      metric: clock.metric, cycle: clock.cycle, policy_id: state.policyId, policy_name: state.policyName,
      target_minutes: clock.targetMinutes, business_hours: clock.businessHoursId,
      at: new Date(at).toISOString(), due_at: clock.dueAt === null ? null : new Date(clock.dueAt).toISOString(),
    },
  });
  return `ticket ${ticket.id}: ${EVENT_OF[timer.kind]} (${clock.metric})`;
}

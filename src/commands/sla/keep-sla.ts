import { advanceSla } from '../../domain/sla/sla-engine.js';
import { selectSlaPolicy } from '../../domain/sla/sla-policy.js';
import type { SlaState } from '../../domain/sla/sla-state.js';
import type { Comment } from '../../domain/ticket/comment.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { saveTicket } from '../load-ticket.js';
import { recordEvent } from '../record-event.js';
import type { RouteOutcome } from '../routing/placement.js';
import { catalogOf } from './sla-catalog.js';

/**
 * The ticket's SLA state after a change (or a comment): the first matching policy's targets for
 * its priority, clocks started, paused, resumed or met, and warning and breach timers armed for
 * due times that moved. Call it before saving the ticket and store the result in `ticket.sla`.
 * `before` is null at intake.
 */
export async function slaAfterChange(ctx: CommandContext, before: Ticket | null, after: Ticket, comment: Comment | null = null): Promise<SlaState | null> {
  const policies = await ctx.tx.slaPolicies.list(ctx.workspaceId);
  if (policies.length === 0 && after.sla === null) return null;
  const catalog = catalogOf(policies, await ctx.tx.businessHours.list(ctx.workspaceId));
  const now = ctx.clock.now();
  const policy = selectSlaPolicy(catalog.policies, after, now);
  const outcome = advanceSla({ before, after, comment, policy, calendarOf: catalog.calendarOf, now });
  for (const timer of outcome.timers) {
    await ctx.tx.timers.insert({
      id: ctx.ids.next('tmr'), workspaceId: ctx.workspaceId, kind: timer.kind, ticketId: after.id, ref: timer.ref, dueAt: timer.dueAt, firedAt: null,
    });
  }
  const previousId = after.sla?.policyId ?? null;
  if ((outcome.state?.policyId ?? null) !== previousId) {
    await recordEvent(ctx, {
      entityKind: 'ticket', entityId: after.id, ticketId: after.id, type: 'sla.policy_applied',
      before: { policy_id: previousId, policy_name: after.sla?.policyName ?? null },
      after: { policy_id: outcome.state?.policyId ?? null, policy_name: outcome.state?.policyName ?? null },
    });
  }
  return outcome.state;
}

/** Applies the SLA to a ticket just taken in (after routing, which may have set its priority). */
export async function applySlaAtIntake(ctx: CommandContext, outcome: RouteOutcome): Promise<RouteOutcome> {
  const sla = await slaAfterChange(ctx, null, outcome.ticket);
  if (sla === null) return outcome;
  const ticket: Ticket = { ...outcome.ticket, sla, version: outcome.ticket.version + 1 };
  await saveTicket(ctx, ticket, outcome.ticket);
  return { ...outcome, ticket };
}

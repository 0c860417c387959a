import type { Ticket } from '../../domain/ticket/ticket.js';
import type { Timer } from '../../domain/routing/timer.js';
import { fireApprovalTimerCommand } from '../approval/approval-timers.js';
import { fireSlaTimerCommand } from '../sla/fire-sla-timer.js';
import { expireOfferCommand } from './offer-commands.js';
import { stepRef } from '../../domain/routing/placement.js';
import { routeTicket } from './route-ticket.js';
import type { RoutingContext } from './routing-context.js';

/**
 * Fires one due timer inside the caller's transaction. A timer whose situation has moved on
 * (the offer was answered, the ticket left the step) does nothing, so firing it late or after a
 * restart is harmless; the caller marks it fired in the same transaction.
 */
export async function fireTimerCommand(ctx: RoutingContext, timer: Timer): Promise<string> {
  if (timer.kind === 'sla_warning' || timer.kind === 'sla_breach') return fireSlaTimerCommand(ctx, { ...timer, kind: timer.kind });
  if (timer.kind === 'approval_reminder' || timer.kind === 'approval_escalation') return fireApprovalTimerCommand(ctx, timer);
  if (timer.kind === 'offer_timeout') {
    const outcome = await expireOfferCommand(ctx, timer.ref);
    return outcome ? `offer ${timer.ref} expired; ticket ${outcome.outcome}` : `offer ${timer.ref} was already answered`;
  }
  const ticket = await ctx.tx.tickets.get(ctx.workspaceId, timer.ticketId);
  const atStep = ticket && ticket.status === 'queued' && ticket.assigneeId === null && ticket.routing
    && stepRef(ticket.routing) === timer.ref;
  if (!atStep) return `ticket ${timer.ticketId} left the step`;
  if (ticket.routing!.offerId !== null && (await waitForOffer(ctx, ticket, timer))) {
    return `ticket ${ticket.id} is offered; its step time-out waits for the answer`;
  }
  const outcome = await routeTicket(ctx, ticket, { nextStep: true });
  return `ticket ${ticket.id} moved to ${outcome.decision?.queue ?? 'its next step'}: ${outcome.outcome}`;
}

/**
 * An agent is considering the ticket when its step times out: the offer is left to run, and the
 * step time-out is set again for when the offer ends. Otherwise, if the offer lapsed or was
 * declined and nobody else at the step could take it, the ticket would wait at this step for
 * ever (its one step timer already spent). True when the timer was set again.
 */
async function waitForOffer(ctx: RoutingContext, ticket: Ticket, timer: Timer): Promise<boolean> {
  const offer = await ctx.tx.offers.get(ctx.workspaceId, ticket.routing!.offerId!);
  if (!offer || offer.status !== 'pending') return false;
  await ctx.tx.timers.insert({
    id: ctx.ids.next('tmr'), workspaceId: ctx.workspaceId, kind: 'step_timeout', ticketId: ticket.id,
    ref: timer.ref, dueAt: Math.max(offer.expiresAt, ctx.clock.now()), firedAt: null,
  });
  return true;
}

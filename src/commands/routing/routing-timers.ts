import type { Ticket } from '../../domain/ticket/ticket.js';
import type { Timer } from '../../domain/scheduling/timer.js';
import type { TimerHandler } from '../scheduling/timer-handler.js';
import { expireOfferCommand } from './offer-commands.js';
import { stepRef } from '../../domain/routing/placement.js';
import { routeTicket } from './route-ticket.js';
import { canRoute, type RoutingContext } from './routing-context.js';

/** Routing's timers: an offer nobody answered in time, a step whose time is up. */
export const routingTimers: TimerHandler = {
  kinds: new Set(['offer_timeout', 'step_timeout']),
  fire: (ctx, timer) => (canRoute(ctx) ? fireRoutingTimer(ctx, timer) : Promise.resolve(`${timer.kind} ${timer.id}: this process does not route`)),
};

/**
 * Fires an offer or step time-out. An offer answered meanwhile, or a ticket that left the step,
 * makes it do nothing.
 */
async function fireRoutingTimer(ctx: RoutingContext, timer: Timer): Promise<string> {
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

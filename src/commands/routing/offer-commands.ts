import { fail } from '../../domain/errors.js';
import type { Offer } from '../../domain/routing/offer.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import { loadTicket, saveTicket } from '../load-ticket.js';
import { recordEvent } from '../record-event.js';
import { pullWork } from './pull-work.js';
import { routeTicket } from './route-ticket.js';
import type { RouteOutcome } from './placement.js';
import type { RoutingContext } from './routing-context.js';

/** The offer, or `offer_not_found`; an agent token may only answer its own offers. */
async function loadOffer(ctx: RoutingContext, id: string, asAgent: string | null): Promise<Offer> {
  const offer = await ctx.tx.offers.get(ctx.workspaceId, id);
  if (!offer) throw fail('offer_not_found', `No offer ${id}.`);
  if (asAgent !== null && offer.agentId !== asAgent) throw fail('forbidden', 'This offer was made to another agent.');
  return offer;
}

function assertAnswerable(offer: Offer, now: number): void {
  if (offer.status === 'expired' || (offer.status === 'pending' && now >= offer.expiresAt)) {
    throw fail('offer_expired', `Offer ${offer.id} expired at ${new Date(offer.expiresAt).toISOString()}.`);
  }
  if (offer.status !== 'pending') throw fail('offer_not_pending', `Offer ${offer.id} was already ${offer.status}.`);
}

/** The agent takes the offered ticket: it becomes theirs (their capacity was reserved by the offer). */
export async function acceptOfferCommand(ctx: RoutingContext, offerId: string, asAgent: string | null): Promise<Ticket> {
  const now = ctx.clock.now();
  const offer = await loadOffer(ctx, offerId, asAgent);
  assertAnswerable(offer, now);
  const ticket = await loadTicket(ctx, offer.ticketId);
  if (ticket.routing?.offerId !== offer.id || !(await ctx.tx.offers.answer(ctx.workspaceId, offer.id, 'accepted', now))) {
    throw fail('offer_not_pending', `Offer ${offer.id} is no longer open.`);
  }
  const next: Ticket = {
    ...ticket, status: 'assigned', assigneeId: offer.agentId, routing: { ...ticket.routing, offerId: null },
    queueRank: null, version: ticket.version + 1, updatedAt: now,
  };
  await saveTicket(ctx, next, ticket);
  await recordEvent(ctx, {
    entityKind: 'ticket', entityId: ticket.id, ticketId: ticket.id, type: 'offer.accepted',
    before: { status: ticket.status, assigneeId: null }, after: { status: 'assigned', assigneeId: offer.agentId },
    data: { offer_id: offer.id, agent: offer.agentId },
  });
  // The turn moved when the offer was made; accepting only restarts the agent's idle time.
  const router = await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, now);
  router?.pool.markAssigned(offer.agentId, now);
  return next;
}

/** The agent passes: the ticket is offered to the next candidate (a re-route). */
export async function declineOfferCommand(ctx: RoutingContext, offerId: string, asAgent: string | null): Promise<RouteOutcome> {
  const offer = await loadOffer(ctx, offerId, asAgent);
  assertAnswerable(offer, ctx.clock.now());
  return closeOfferAndReroute(ctx, offer, 'declined');
}

/** An offer nobody answered in time (fired by its timer); a no-op if it was answered meanwhile. */
export async function expireOfferCommand(ctx: RoutingContext, offerId: string): Promise<RouteOutcome | null> {
  const offer = await ctx.tx.offers.get(ctx.workspaceId, offerId);
  if (!offer || offer.status !== 'pending') return null;
  return closeOfferAndReroute(ctx, offer, 'expired');
}

/** Withdraws an offer without counting it against the ticket (the agent went away). */
export async function cancelOfferCommand(ctx: RoutingContext, offer: Offer): Promise<RouteOutcome | null> {
  if (offer.status !== 'pending') return null;
  return closeOfferAndReroute(ctx, offer, 'cancelled');
}

/**
 * Withdraws the offer of a ticket that no longer waits for it (someone assigned or closed the
 * ticket by hand): the offer stops holding the agent's capacity and can no longer be accepted,
 * and its timer finds it answered. The ticket is left as the hand change made it.
 */
export async function withdrawOfferCommand(ctx: RoutingContext, offerId: string, ticketId: string): Promise<Offer | null> {
  const offer = await ctx.tx.offers.get(ctx.workspaceId, offerId);
  if (!offer || offer.status !== 'pending' || !(await ctx.tx.offers.answer(ctx.workspaceId, offer.id, 'cancelled', ctx.clock.now()))) return null;
  await recordEvent(ctx, {
    entityKind: 'ticket', entityId: ticketId, ticketId, type: 'offer.cancelled',
    data: { offer_id: offer.id, agent: offer.agentId, reason: 'the ticket was changed by hand' },
  });
  const router = await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, ctx.clock.now());
  if (router) ctx.routing.addLoad(ctx, router, offer.agentId, offer.capacityClass, -offer.loadUnits);
  return offer;
}

async function closeOfferAndReroute(ctx: RoutingContext, offer: Offer, status: 'declined' | 'expired' | 'cancelled'): Promise<RouteOutcome> {
  const now = ctx.clock.now();
  const ticket = await loadTicket(ctx, offer.ticketId);
  if (!(await ctx.tx.offers.answer(ctx.workspaceId, offer.id, status, now)) || ticket.routing?.offerId !== offer.id) {
    throw fail('offer_not_pending', `Offer ${offer.id} is no longer open.`);
  }
  // A withdrawn offer (the agent went away) is neither a re-route nor a refusal: the agent may be
  // offered the ticket again when they return.
  const counted = status !== 'cancelled';
  const declined = counted ? [...ticket.routing.declined, offer.agentId] : ticket.routing.declined;
  const next: Ticket = {
    ...ticket,
    reroutes: ticket.reroutes + (counted ? 1 : 0),
    routing: { ...ticket.routing, offerId: null, declined },
    version: ticket.version + 1,
    updatedAt: now,
  };
  await saveTicket(ctx, next, ticket);
  await recordEvent(ctx, {
    entityKind: 'ticket', entityId: ticket.id, ticketId: ticket.id, type: `offer.${status}`,
    data: { offer_id: offer.id, agent: offer.agentId, reroutes: next.reroutes },
  });
  const router = await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, now);
  if (router) ctx.routing.addLoad(ctx, router, offer.agentId, offer.capacityClass, -offer.loadUnits);
  const outcome = await routeTicket(ctx, next, { resume: true });
  // The room the offer held is free again: other waiting work may go to the agent who passed on this one.
  if (counted) await pullWork(ctx, offer.agentId);
  return outcome;
}

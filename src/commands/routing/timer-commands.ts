import type { Timer } from '../../domain/routing/timer.js';
import { expireOfferCommand } from './offer-commands.js';
import { stepRef } from './placement.js';
import { routeTicket } from './route-ticket.js';
import type { RoutingContext } from './routing-context.js';

/**
 * Fires one due timer inside the caller's transaction. A timer whose situation has moved on
 * (the offer was answered, the ticket left the step) does nothing, so firing it late or after a
 * restart is harmless; the caller marks it fired in the same transaction.
 */
export async function fireTimerCommand(ctx: RoutingContext, timer: Timer): Promise<string> {
  if (timer.kind === 'offer_timeout') {
    const outcome = await expireOfferCommand(ctx, timer.ref);
    return outcome ? `offer ${timer.ref} expired; ticket ${outcome.outcome}` : `offer ${timer.ref} was already answered`;
  }
  const ticket = await ctx.tx.tickets.get(ctx.workspaceId, timer.ticketId);
  const waiting = ticket && ticket.status === 'queued' && ticket.assigneeId === null && ticket.routing
    && ticket.routing.offerId === null && stepRef(ticket.routing) === timer.ref;
  if (!waiting) return `ticket ${timer.ticketId} left the step`;
  const outcome = await routeTicket(ctx, ticket, { nextStep: true });
  return `ticket ${ticket.id} moved to ${outcome.decision?.queue ?? 'its next step'}: ${outcome.outcome}`;
}

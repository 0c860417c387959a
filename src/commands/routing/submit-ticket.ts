import type { Ticket, TicketDraft } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { createTicketCommand } from '../create-ticket.js';
import type { RouteOutcome } from './placement.js';
import { canRoute } from './routing-context.js';
import { routeTicket } from './route-ticket.js';

/** Intake: creates the ticket and, where the context can route, routes it in the same transaction. */
export async function submitTicketCommand(ctx: CommandContext, draft: TicketDraft): Promise<RouteOutcome> {
  const ticket: Ticket = await createTicketCommand(ctx, draft);
  if (!canRoute(ctx) || ticket.status !== 'queued') return { ticket, decision: null, outcome: 'not_routed' };
  return routeTicket(ctx, ticket);
}

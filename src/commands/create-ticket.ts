import { createTicket } from '../domain/ticket/ticket-changes.js';
import type { Ticket, TicketDraft } from '../domain/ticket/ticket.js';
import type { CommandContext } from './context.js';
import { commit } from './pipeline/commit.js';
import { assertAssignable, assertValidLinks } from './ticket-references.js';
import { ticketSnapshot } from '../domain/ticket/ticket-snapshot.js';

/** Takes a ticket in: checks its references, stores it with its links and writes `ticket.created`. */
export async function createTicketCommand(ctx: CommandContext, draft: TicketDraft): Promise<Ticket> {
  const ticket = createTicket(draft, ctx.ids.next('tkt'), ctx.workspaceId, ctx.clock.now());
  if (ticket.assigneeId) await assertAssignable(ctx, ticket.assigneeId, '/assignee');
  if (ticket.links.length > 0) await assertValidLinks(ctx, ticket.id, ticket.links);
  await commit(ctx, { before: null, after: ticket, events: [{ type: 'ticket.created', after: ticketSnapshot(ticket) }] });
  return ticket;
}

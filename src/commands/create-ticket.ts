import { createTicket } from '../domain/ticket/ticket-changes.js';
import type { Ticket, TicketDraft } from '../domain/ticket/ticket.js';
import type { CommandContext } from './context.js';
import { recordEvent } from './record-event.js';
import { assertAssignable, assertValidLinks } from './ticket-references.js';
import { ticketSnapshot } from './ticket-snapshot.js';

/** Takes a ticket in: checks its references, stores it with its links and writes `ticket.created`. */
export async function createTicketCommand(ctx: CommandContext, draft: TicketDraft): Promise<Ticket> {
  const ticket = createTicket(draft, ctx.ids.next('tkt'), ctx.workspaceId, ctx.clock.now());
  if (ticket.assigneeId) await assertAssignable(ctx, ticket.assigneeId, '/assignee');
  if (ticket.links.length > 0) await assertValidLinks(ctx, ticket.id, ticket.links);
  await ctx.tx.tickets.insert(ticket);
  await recordEvent(ctx, {
    entityKind: 'ticket',
    entityId: ticket.id,
    ticketId: ticket.id,
    type: 'ticket.created',
    after: ticketSnapshot(ticket),
  });
  return ticket;
}

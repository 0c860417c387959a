import { fail } from '../domain/errors.js';
import type { Ticket, TicketLink } from '../domain/ticket/ticket.js';
import type { CommandContext } from './context.js';
import { loadTicket, saveTicket } from './load-ticket.js';
import { recordEvent } from './record-event.js';
import { assertValidLinks } from './ticket-references.js';

/** Links a ticket to another (related, duplicate_of, blocked_by); a link that exists already is a no-op. */
export async function linkTicketCommand(ctx: CommandContext, ticketId: string, link: TicketLink): Promise<Ticket> {
  const current = await loadTicket(ctx, ticketId);
  if (current.links.some((l) => l.kind === link.kind && l.ticketId === link.ticketId)) return current;
  if (link.kind === 'duplicate_of' && current.links.some((l) => l.kind === 'duplicate_of')) {
    throw fail('invalid_link', 'A ticket is a duplicate of one ticket at most.', { path: '/kind' });
  }
  await assertValidLinks(ctx, ticketId, [link]);
  const now = ctx.clock.now();
  await ctx.tx.tickets.addLink(ctx.workspaceId, ticketId, link, now);
  const ticket = { ...current, links: [...current.links, link], version: current.version + 1, updatedAt: now };
  await saveTicket(ctx, ticket, current);
  await recordEvent(ctx, {
    entityKind: 'ticket',
    entityId: ticketId,
    ticketId,
    type: 'ticket.linked',
    data: { kind: link.kind, ticket_id: link.ticketId },
  });
  return ticket;
}

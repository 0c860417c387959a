import { fail } from '../domain/errors.js';
import type { Ticket } from '../domain/ticket/ticket.js';
import type { CommandContext } from './context.js';

/** The ticket, or `ticket_not_found` (also for ids of other workspaces). */
export async function loadTicket(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, id: string): Promise<Ticket> {
  const ticket = await ctx.tx.tickets.get(ctx.workspaceId, id);
  if (!ticket) throw fail('ticket_not_found', `No ticket ${id}.`);
  return ticket;
}

/** Writes a changed ticket; a concurrent change since it was read is `version_conflict`. */
export async function saveTicket(ctx: CommandContext, ticket: Ticket, previous: Ticket): Promise<void> {
  if (!(await ctx.tx.tickets.update(ticket, previous))) {
    throw fail('version_conflict', `Ticket ${ticket.id} was changed by someone else.`, { id: ticket.id });
  }
  ctx.unit?.noteSaved(ticket);
}

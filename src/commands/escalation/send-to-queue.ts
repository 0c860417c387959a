import { fail } from '../../domain/errors.js';
import { DONE_STATUSES } from '../../domain/ticket/status.js';
import { diffTickets } from '../../domain/ticket/ticket-changes.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { loadTicket } from '../load-ticket.js';
import { commit } from '../pipeline/commit.js';
import { assertQueueExists, canRoute } from '../routing/routing-context.js';
import { updateTicketCommand } from '../update-ticket.js';

/**
 * Sends a ticket to a queue and has it routed there, as an escalation or an automation asks.
 * Waiting work is transferred (a re-route, as when a person moves it); work someone holds or has
 * not been routed yet is sent back to wait in the new queue, released by its holder, and routed
 * within that queue. Without a routing policy only the queue changes.
 */
export async function sendToQueueCommand(ctx: CommandContext, ticketId: string, queue: string): Promise<Ticket> {
  const ticket = await loadTicket(ctx, ticketId);
  if (DONE_STATUSES.has(ticket.status)) throw fail('invalid_value', `A ${ticket.status} ticket cannot be sent to a queue.`, { path: '/queue' });
  const router = canRoute(ctx) ? await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, ctx.clock.now()) : null;
  const waiting = ticket.status === 'queued' && ticket.assigneeId === null;
  if (!canRoute(ctx) || !router || waiting) {
    return ticket.queue === queue ? ticket : updateTicketCommand(ctx, ticketId, { queue });
  }
  await assertQueueExists(ctx, queue);
  const now = ctx.clock.now();
  const moved: Ticket = {
    ...ticket, queue, status: 'queued', assigneeId: null, routing: null, queueRank: null, version: ticket.version + 1, updatedAt: now,
  };
  const changes = diffTickets(ticket, moved);
  // Routing reacts to the change as to a hand change: the holder's room is freed and the ticket routed in its new queue.
  await commit(ctx, { before: ticket, after: moved, events: [{ type: 'ticket.updated', before: changes.before, after: changes.after, data: { sent_to_queue: queue } }] });
  return loadTicket(ctx, ticketId);
}

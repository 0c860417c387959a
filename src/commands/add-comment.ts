import { isFirstResponse, type Comment, type CommentVisibility } from '../domain/ticket/comment.js';
import type { Ticket } from '../domain/ticket/ticket.js';
import type { CommandContext } from './context.js';
import { loadTicket, saveTicket } from './load-ticket.js';
import { dispatchTicketEvents } from './automation/dispatch.js';
import { recordEvent } from './record-event.js';
import { slaAfterChange } from './sla/keep-sla.js';
import { waitingPlaceAfterChange } from './routing/waiting-place.js';

export interface CommentInput {
  body: string;
  visibility: CommentVisibility;
}

/**
 * Adds a public reply or an internal note by the context's actor. The first public agent reply
 * stamps the first response; a requester's reply to a pending ticket puts it back in progress.
 */
export async function addCommentCommand(
  ctx: CommandContext,
  ticketId: string,
  input: CommentInput,
): Promise<{ comment: Comment; ticket: Ticket }> {
  const current = await loadTicket(ctx, ticketId);
  const now = ctx.clock.now();
  const comment: Comment = {
    id: ctx.ids.next('cmt'),
    workspaceId: ctx.workspaceId,
    ticketId,
    visibility: input.visibility,
    authorKind: ctx.actor.kind,
    authorId: ctx.actor.id,
    authorName: ctx.actor.name,
    body: input.body,
    createdAt: now,
  };
  await ctx.tx.comments.insert(comment);
  const ticket = { ...current, updatedAt: now, version: current.version + 1 };
  if (isFirstResponse(comment, current.firstResponseAt)) ticket.firstResponseAt = now;
  if (current.status === 'pending' && comment.authorKind === 'customer' && comment.visibility === 'public') {
    ticket.status = 'in_progress';
  }
  ticket.sla = await slaAfterChange(ctx, current, ticket, comment);
  ticket.queueRank = await waitingPlaceAfterChange(ctx, current, ticket);
  await saveTicket(ctx, ticket, current);
  const eventId = await recordEvent(ctx, {
    entityKind: 'ticket',
    entityId: ticketId,
    ticketId,
    type: 'comment.added',
    before: ticket.status === current.status ? null : { status: current.status },
    after: ticket.status === current.status ? null : { status: ticket.status },
    data: { comment_id: comment.id, visibility: comment.visibility, author_kind: comment.authorKind },
  });
  // Escalation triggers and automations react in the same transaction, and may change the ticket again.
  return { comment, ticket: (await dispatchTicketEvents(ctx, ticketId, eventId)) ?? ticket };
}

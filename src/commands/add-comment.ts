import { isFirstResponse, type Comment, type CommentVisibility } from '../domain/ticket/comment.js';
import type { Ticket } from '../domain/ticket/ticket.js';
import type { CommandContext } from './context.js';
import { loadTicket } from './load-ticket.js';
import { commit } from './pipeline/commit.js';
import { inUnitOfWork } from './pipeline/unit-of-work.js';
import { waitingPlaceAfterChange } from './routing/waiting-place.js';
import { slaAfterChange } from './sla/keep-sla.js';

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
  return inUnitOfWork(ctx, async (ctx) => {
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
    const sla = await slaAfterChange(ctx, current, ticket, comment);
    ticket.sla = sla.sla;
    ticket.queueRank = await waitingPlaceAfterChange(ctx, current, ticket);
    const changed = ticket.status !== current.status;
    await commit(ctx, {
      before: current,
      after: ticket,
      events: [...sla.events, {
        type: 'comment.added',
        before: changed ? { status: current.status } : null,
        after: changed ? { status: ticket.status } : null,
        data: { comment_id: comment.id, visibility: comment.visibility, author_kind: comment.authorKind },
      }],
      timers: sla.timers,
    });
    return { comment, ticket };
  }, async (ctx, result) => ({ ...result, ticket: ctx.unit?.ticket(ticketId) ?? result.ticket }));
}

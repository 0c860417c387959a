import { fail } from '../../domain/errors.js';
import { ratedResolution, ratingAdjustment, outcomeCategory, MAX_SCORE, MIN_SCORE, type CsatRating } from '../../domain/portal/csat.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { Comment } from '../../domain/ticket/comment.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { TicketType } from '../../domain/ticket/ticket-type.js';
import { addCommentCommand } from '../add-comment.js';
import type { CommandContext } from '../context.js';
import type { RoutingContext } from '../routing/routing-context.js';
import { updateTicketCommand } from '../update-ticket.js';
import { inUnitOfWork } from '../pipeline/unit-of-work.js';
import { recordEvent } from '../record-event.js';
import { checkRequesterLink } from './requester-links.js';

type ReadContext = Pick<CommandContext, 'workspaceId' | 'clock' | 'tx'>;

/** Everything the status page shows, before the presenter picks what a requester may see. */
export interface RequesterView {
  ticket: Ticket;
  type: TicketType | null;
  /** Public replies only, oldest first: internal notes never reach a requester. */
  conversation: Comment[];
  ratings: CsatRating[];
}

/** The most replies a status page lists; a conversation longer than this shows its first ones. */
const CONVERSATION_LIMIT = 500;

/** The one ticket a status link grants; `link_invalid` for a link of another workspace or a ticket gone since. */
export async function ticketOfLink(ctx: ReadContext, token: string): Promise<Ticket> {
  const claims = await checkRequesterLink(ctx, 'status', token);
  const ticket = await ctx.tx.tickets.get(ctx.workspaceId, claims.subject);
  if (!ticket) throw fail('link_invalid');
  return ticket;
}

async function publicReplies(ctx: ReadContext, ticketId: string): Promise<Comment[]> {
  const replies: Comment[] = [];
  let after: string | undefined;
  do {
    const page = await ctx.tx.comments.list(ctx.workspaceId, ticketId, after, 200);
    replies.push(...page.items.filter((comment) => comment.visibility === 'public'));
    after = page.nextCursor ?? undefined;
  } while (after && replies.length < CONVERSATION_LIMIT);
  return replies.slice(0, CONVERSATION_LIMIT);
}

/** What the holder of a status link may read about their request. */
export async function requesterViewQuery(ctx: ReadContext, token: string): Promise<RequesterView> {
  const ticket = await ticketOfLink(ctx, token);
  return {
    ticket,
    type: (await ctx.tx.ticketTypes.get(ctx.workspaceId, ticket.type)) ?? null,
    conversation: await publicReplies(ctx, ticket.id),
    ratings: await ctx.tx.portal.ratingsFor(ctx.workspaceId, ticket.id),
  };
}

/** The requester as the actor of what they do through their link. */
export function requesterActor(ticket: Ticket): Actor {
  return { kind: 'customer', id: ticket.customer?.id ?? null, name: ticket.customer?.name ?? ticket.customer?.email ?? null };
}

/** A public reply by the requester (a pending request goes back in progress); a closed request takes none. */
export async function requesterReplyCommand(ctx: RoutingContext, token: string, body: string): Promise<Comment> {
  const ticket = await ticketOfLink(ctx, token);
  if (ticket.status === 'closed') throw fail('request_closed');
  const { comment } = await addCommentCommand({ ...ctx, actor: requesterActor(ticket) }, ticket.id, { body, visibility: 'public' });
  return comment;
}

/** "Close my request": an open request becomes resolved by its requester, a resolved one closed. */
export async function requesterCloseCommand(ctx: RoutingContext, token: string): Promise<Ticket> {
  const ticket = await ticketOfLink(ctx, token);
  if (ticket.status === 'closed') throw fail('request_closed');
  return updateTicketCommand({ ...ctx, actor: requesterActor(ticket) }, ticket.id, { status: ticket.status === 'resolved' ? 'closed' : 'resolved' });
}

/**
 * Rates the latest resolution, once: the rating is kept, written to the ticket's history
 * (`ticket.rated`, which automations can answer) and counted toward the resolving agent's
 * performance in the category.
 */
export async function rateRequestCommand(ctx: RoutingContext, token: string, input: { score: number; comment: string | null }): Promise<CsatRating> {
  const ticket = await ticketOfLink(ctx, token);
  if (!Number.isInteger(input.score) || input.score < MIN_SCORE || input.score > MAX_SCORE) {
    throw fail('invalid_value', `A rating is a whole number from ${MIN_SCORE} to ${MAX_SCORE}.`, { path: '/score' });
  }
  const rating: CsatRating = {
    id: ctx.ids.next('csat'), workspaceId: ctx.workspaceId, ticketId: ticket.id, resolvedAt: ratedResolution(ticket),
    score: input.score, comment: input.comment?.trim() || null, agentId: ticket.assigneeId, category: outcomeCategory(ticket), ratedAt: ctx.clock.now(),
  };
  if (!(await ctx.tx.portal.insertRating(rating))) throw fail('already_rated', undefined, { resolved_at: new Date(rating.resolvedAt).toISOString() });
  await inUnitOfWork(ctx, (ctx) => recordEvent({ ...ctx, actor: requesterActor(ticket) }, {
    entityKind: 'ticket', entityId: ticket.id, ticketId: ticket.id, type: 'ticket.rated',
    data: { score: rating.score, comment: rating.comment, resolved_at: rating.resolvedAt, agent_id: rating.agentId },
  }));
  const adjustment = ratingAdjustment(rating, ticket);
  if (adjustment) {
    await ctx.tx.performance.add(ctx.workspaceId, adjustment);
    const router = await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, ctx.clock.now());
    if (router) ctx.tx.afterCommit(() => router.performance.add(adjustment));
  }
  return rating;
}

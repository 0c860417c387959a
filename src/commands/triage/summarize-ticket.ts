import type { Comment } from '../../domain/ticket/comment.js';
import { summarize, type SummarySentence } from '../../domain/triage/summaries/extractive-summary.js';
import type { CommandContext } from '../context.js';
import { loadTicket } from '../load-ticket.js';

/** A conversation longer than this is summarised from its first comments. */
const MAX_COMMENTS = 1_000;

/** Where a summary sentence was written: the description, or a comment with its visibility. */
export interface SummarySource {
  kind: 'description' | 'comment';
  commentId: string | null;
  visibility: Comment['visibility'] | null;
}

export interface TicketSummary {
  ticketId: string;
  sentences: (SummarySentence & { source: SummarySource })[];
  /** How many comments were read besides the description. */
  comments: number;
}

/**
 * An extractive summary of a ticket's description and conversation (public replies and internal
 * notes), for agents and hand-off packets: its `count` most central sentences, each with where
 * it was written.
 */
export async function summarizeTicket(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, ticketId: string, count: number): Promise<TicketSummary> {
  const ticket = await loadTicket(ctx, ticketId);
  const comments = await conversation(ctx, ticketId);
  const sources: SummarySource[] = [
    { kind: 'description', commentId: null, visibility: null },
    ...comments.map((c) => ({ kind: 'comment' as const, commentId: c.id, visibility: c.visibility })),
  ];
  const parts = [ticket.description || ticket.title, ...comments.map((c) => c.body)];
  const sentences = summarize(parts, count).map((sentence) => ({ ...sentence, source: sources[sentence.part]! }));
  return { ticketId, sentences, comments: comments.length };
}

async function conversation(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, ticketId: string): Promise<Comment[]> {
  const comments: Comment[] = [];
  let after: string | undefined;
  do {
    const page = await ctx.tx.comments.list(ctx.workspaceId, ticketId, after, 200);
    comments.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined && comments.length < MAX_COMMENTS);
  return comments.slice(0, MAX_COMMENTS);
}

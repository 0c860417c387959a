import type { Store } from '../../domain/store/store.js';
import type { Comment } from '../../domain/ticket/comment.js';
import { summarize, type SummarySentence } from '../../domain/triage/summaries/extractive-summary.js';
import type { PredictionSource } from '../../domain/triage/ticket-insights.js';
import type { CommandContext } from '../context.js';
import { loadTicket } from '../load-ticket.js';
import { LOCAL_TRIAGE, type TriageServices } from './triage-services.js';

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
  /** The summary to show: the external model's prose, or the extractive sentences in order. */
  text: string;
  /** Who wrote `text`. */
  source: PredictionSource;
}

/**
 * A summary of a ticket's description and conversation (public replies and internal notes) for
 * agents and hand-off packets: written by the external model when one is configured and answers
 * (asked outside any transaction), else extractive. The extractive sentences, with where each was
 * written, come with it either way.
 */
export async function ticketSummaryCommand(
  store: Pick<Store, 'read'>,
  ctx: Pick<CommandContext, 'workspaceId'>,
  ticketId: string,
  count: number,
  triage: Pick<TriageServices, 'external'> = LOCAL_TRIAGE,
): Promise<TicketSummary> {
  const parts = await store.read((tx) => readParts({ tx, workspaceId: ctx.workspaceId }, ticketId));
  const summary = extractive(parts, count);
  const written = await triage.external?.summarize(`${parts.title}\n\n${parts.texts.join('\n\n')}`, count);
  return written ? { ...summary, text: written, source: 'external' } : summary;
}

interface TicketParts {
  ticketId: string;
  title: string;
  /** The description (or the title when there is none), then each comment's body. */
  texts: string[];
  sources: SummarySource[];
}

async function readParts(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, ticketId: string): Promise<TicketParts> {
  const ticket = await loadTicket(ctx, ticketId);
  const comments = await conversation(ctx, ticketId);
  const sources: SummarySource[] = [
    { kind: 'description', commentId: null, visibility: null },
    ...comments.map((c) => ({ kind: 'comment' as const, commentId: c.id, visibility: c.visibility })),
  ];
  return { ticketId, title: ticket.title, texts: [ticket.description || ticket.title, ...comments.map((c) => c.body)], sources };
}

function extractive(parts: TicketParts, count: number): TicketSummary {
  const sentences = summarize(parts.texts, count).map((sentence) => ({ ...sentence, source: parts.sources[sentence.part]! }));
  const text = sentences.map((s) => s.text).join(' ');
  return { ticketId: parts.ticketId, sentences, comments: parts.sources.length - 1, text, source: 'local' };
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

import { salientTerms, searchTerms, sharesEnoughWords } from '../../domain/kb/search-terms.js';
import type { KbSearchHit } from '../../domain/store/kb-store.js';
import type { CommandContext } from '../context.js';
import { loadTicket } from '../load-ticket.js';

type ReadContext = Pick<CommandContext, 'tx' | 'workspaceId'>;

export interface ArticleSearch {
  query: string;
  publishedOnly: boolean;
  language?: string;
  limit: number;
}

/** The workspace's articles that hold every word of the query, best match first, each with a snippet. */
export function searchArticles(ctx: ReadContext, search: ArticleSearch): Promise<KbSearchHit[]> {
  return ctx.tx.kbArticles.search({
    workspaceId: ctx.workspaceId,
    terms: searchTerms(search.query),
    match: 'all',
    publishedOnly: search.publishedOnly,
    language: search.language,
    limit: search.limit,
  });
}

/**
 * Published articles that may answer a ticket: those the engine ranks for any of the ticket's
 * salient words (BM25 on SQLite, ts_rank on PostgreSQL), best first, less those that hold too few
 * of the words (MIN_SHARED_WEIGHT): a weak match is left out rather than shown.
 */
export async function suggestArticlesForText(ctx: ReadContext, title: string, description: string, limit: number): Promise<KbSearchHit[]> {
  const terms = salientTerms(title, description);
  const hits = await ctx.tx.kbArticles.search({
    workspaceId: ctx.workspaceId,
    terms,
    match: 'any',
    publishedOnly: true,
    limit,
  });
  return hits.filter(({ article }) => sharesEnoughWords(terms, `${article.title} ${article.tags.join(' ')}`, article.body));
}

/** Suggestions for a stored ticket (see suggestArticlesForText); `ticket_not_found` for ids of other workspaces. */
export async function suggestArticlesForTicket(ctx: ReadContext, ticketId: string, limit: number): Promise<KbSearchHit[]> {
  const ticket = await loadTicket(ctx, ticketId);
  return suggestArticlesForText(ctx, ticket.title, ticket.description, limit);
}

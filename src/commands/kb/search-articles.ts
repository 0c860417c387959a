import { salientTerms, searchTerms } from '../../domain/kb/search-terms.js';
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
 * Published articles that may answer a ticket: those sharing any of the ticket's salient words,
 * best match first.
 */
export async function suggestArticlesForText(ctx: ReadContext, title: string, description: string, limit: number): Promise<KbSearchHit[]> {
  return ctx.tx.kbArticles.search({
    workspaceId: ctx.workspaceId,
    terms: salientTerms(title, description),
    match: 'any',
    publishedOnly: true,
    limit,
  });
}

/** Suggestions for a stored ticket (see suggestArticlesForText); `ticket_not_found` for ids of other workspaces. */
export async function suggestArticlesForTicket(ctx: ReadContext, ticketId: string, limit: number): Promise<KbSearchHit[]> {
  const ticket = await loadTicket(ctx, ticketId);
  return suggestArticlesForText(ctx, ticket.title, ticket.description, limit);
}

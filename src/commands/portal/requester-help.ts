import { fail } from '../../domain/errors.js';
import type { KbSearchHit } from '../../domain/store/kb-store.js';
import type { Store } from '../../domain/store/store.js';
import type { PrefillSuggestion } from '../../domain/triage/prefill.js';
import type { CommandContext } from '../context.js';
import { loadArticle } from '../kb/article-commands.js';
import { suggestArticlesForText } from '../kb/search-articles.js';
import { prefillTicketCommand } from '../triage/prefill-ticket.js';
import type { TriageServices } from '../triage/triage-services.js';

/** What the form offers while the requester types: articles that may answer them, and a guess at type and priority. */
export interface RequesterHelp {
  articles: KbSearchHit[];
  prefill: PrefillSuggestion | null;
}

const SUGGESTED_ARTICLES = 3;

/** Published articles sharing the text's salient words, and the triage prefill of it (none while nothing is typed). */
export async function requesterHelpQuery(
  store: Pick<Store, 'read'>, ctx: Pick<CommandContext, 'workspaceId'>, text: { title: string; description: string }, triage: Pick<TriageServices, 'external'>,
): Promise<RequesterHelp> {
  const articles = await store.read((tx) => suggestArticlesForText({ tx, workspaceId: ctx.workspaceId }, text.title, text.description, SUGGESTED_ARTICLES));
  const whole = `${text.title}\n${text.description}`;
  const prefill = whole.trim() ? await prefillTicketCommand(store, ctx, whole, triage) : null;
  return { articles, prefill };
}

/** Counts a published article that answered a requester before they asked; `article_not_found` for anything else. */
export async function recordDeflectionCommand(ctx: CommandContext, articleId: string): Promise<void> {
  const article = await loadArticle(ctx, articleId);
  if (!article.published) throw fail('article_not_found', `No article ${articleId}.`);
  await ctx.tx.portal.insertDeflection({ id: ctx.ids.next('dfl'), workspaceId: ctx.workspaceId, articleId, at: ctx.clock.now() });
}

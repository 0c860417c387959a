import { fail } from '../../domain/errors.js';
import { createArticle, patchArticle, type KbArticle, type KbArticleDraft, type KbArticlePatch } from '../../domain/kb/article.js';
import type { CommandContext } from '../context.js';

type ReadContext = Pick<CommandContext, 'tx' | 'workspaceId'>;

/** The article, or `article_not_found` (also for ids of other workspaces). */
export async function loadArticle(ctx: ReadContext, id: string): Promise<KbArticle> {
  const article = await ctx.tx.kbArticles.get(ctx.workspaceId, id);
  if (!article) throw fail('article_not_found', `No article ${id}.`);
  return article;
}

/** Adds an article to the workspace's knowledge base; the database indexes it in the same transaction. */
export async function createArticleCommand(ctx: CommandContext, draft: KbArticleDraft): Promise<KbArticle> {
  const article = createArticle(draft, ctx.ids.next('kba'), ctx.workspaceId, ctx.clock.now());
  await ctx.tx.kbArticles.insert(article);
  return article;
}

/** Changes an article; with `expectedVersion`, only if nobody changed it since (else `version_conflict`). */
export async function updateArticleCommand(ctx: CommandContext, id: string, patch: KbArticlePatch, expectedVersion?: number): Promise<KbArticle> {
  const current = await loadArticle(ctx, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw fail('version_conflict', `Article ${id} is at version ${current.version}, not ${expectedVersion}.`, { current_version: current.version });
  }
  const next = patchArticle(current, patch, ctx.clock.now());
  if (!(await ctx.tx.kbArticles.update(next, current.version))) {
    throw fail('version_conflict', `Article ${id} was changed by someone else.`, { id });
  }
  return next;
}

/** Removes an article and its index entry. */
export async function deleteArticleCommand(ctx: CommandContext, id: string): Promise<void> {
  if (!(await ctx.tx.kbArticles.delete(ctx.workspaceId, id))) throw fail('article_not_found', `No article ${id}.`);
}

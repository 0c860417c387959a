import { readFileSync } from 'node:fs';
import { createArticleCommand } from '../commands/kb/article-commands.js';
import type { CommandContext } from '../commands/context.js';
import type { KbArticleDraft } from '../domain/kb/article.js';

// Derived from the Bitext customer-support sample (CDLA-Sharing-1.0), like the demo tickets; see data/demo/README.md.
const ARTICLES = new URL('../../../data/demo/articles.json', import.meta.url);

/** Adds the demo knowledge base (a dozen published articles) to the workspace; returns how many. */
export async function seedDemoArticles(ctx: CommandContext): Promise<number> {
  const drafts = JSON.parse(readFileSync(ARTICLES, 'utf8')) as KbArticleDraft[];
  for (const draft of drafts) await createArticleCommand(ctx, draft);
  return drafts.length;
}

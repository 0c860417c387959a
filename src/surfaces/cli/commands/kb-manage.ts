import type { Command } from 'commander';
import { deleteArticleCommand, loadArticle } from '../../../commands/kb/article-commands.js';
import { presentArticle } from '../../wire/kb/kb-presenter.js';
import { ArticleListQuery } from '../../wire/kb/kb-schemas.js';
import { formatTable } from '../evaluation-table.js';
import { checkedBody } from '../json-file.js';
import { printJson } from '../print-json.js';
import { refusedAsUsage } from '../usage-error.js';
import { CLI_ACTOR, workspaceSubcommand } from '../workspace-subcommand.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';

type Flags = DatabaseFlags & { json?: boolean };

/** `switchboard kb list|show|remove`: the articles, drafts included, as /v1/kb/articles shows them to editors. */
export function registerKbManage(kb: Command): void {
  workspaceSubcommand(kb, 'list')
    .description('the articles, newest first, drafts included')
    .option('--language <tag>', 'only articles in this language')
    .option('--limit <n>', 'how many (1–200)', '50')
    .action((flags: Flags & { language?: string; limit: string }) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const query = checkedBody<{ language?: string; limit: number }>(
        { limit: Number(flags.limit), ...(flags.language ? { language: flags.language } : {}) }, ArticleListQuery);
      const page = await store.read((tx) => tx.kbArticles.list({ workspaceId, publishedOnly: false, ...query }));
      const articles = page.items.map(presentArticle);
      if (flags.json) return printJson({ data: articles });
      console.log(formatTable(['id', 'title', 'language', 'published', 'tags', 'updated'], articles.map((a) =>
        [a.id, a.title.slice(0, 60), a.language ?? '', a.published ? 'yes' : 'draft', a.tags.join(','), a.updated_at]), true));
    }));
  workspaceSubcommand(kb, 'show')
    .description('one article in full')
    .argument('<id>', 'the article id')
    .action((id: string, flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, workspaceId }) => {
      const article = presentArticle(await store.read((tx) => loadArticle({ tx, workspaceId }, id)).catch(refusedAsUsage));
      if (flags.json) return printJson(article);
      console.log(`${article.id}  ${article.title}${article.published ? '' : '  (draft)'}`);
      console.log(`${article.language ?? '—'} · tags ${article.tags.join(',') || '—'} · version ${article.version} · updated ${article.updated_at}\n`);
      console.log(article.body);
    }));
  workspaceSubcommand(kb, 'remove')
    .description('delete an article')
    .argument('<id>', 'the article id')
    .action((id: string, flags: Flags) => inWorkspace(flags, CLI_ACTOR, async ({ store, context }) => {
      await store.transaction((tx) => deleteArticleCommand(context(tx), id)).catch(refusedAsUsage);
      if (flags.json) return printJson({ id, removed: true });
      console.log(`Article ${id} removed.`);
    }));
}

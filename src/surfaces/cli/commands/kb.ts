import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { createArticleCommand } from '../../../commands/kb/article-commands.js';
import { searchArticles } from '../../../commands/kb/search-articles.js';
import type { Actor } from '../../../domain/shared/actor.js';
import { presentSearchHit } from '../../wire/kb/kb-presenter.js';
import { formatOption } from '../format-option.js';
import { printJson } from '../print-json.js';
import { readArticleRows } from '../kb-article-rows.js';
import { withDatabaseOptions } from '../options.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';
import { inWorkspace, type DatabaseFlags } from '../workspace-session.js';
import { WORKSPACE_HELP } from '../workspace-option.js';

const KB_ACTOR: Actor = { kind: 'system', id: null, name: 'kb' };

/**
 * `switchboard kb import FILE` and `switchboard kb search QUERY`: the knowledge base from a terminal;
 * returns `kb` for its other sub-commands.
 */
export function registerKb(program: Command): Command {
  const kb = program.command('kb').description('knowledge-base articles: import, search, list, read and remove them');

  exitTwoOnUsageError(withDatabaseOptions(kb.command('import')))
    .description('add articles from a JSON array or a CSV file (title,body,tags,language,published), row by row')
    .argument('<file>', 'a .json or .csv file')
    .option('--format <format>', 'csv or json (default: from the file extension)')
    .option('--workspace <slug>', WORKSPACE_HELP)
    .action(async (file: string, flags: DatabaseFlags & { format?: string }) => {
      if (!statSync(file, { throwIfNoEntry: false })?.isFile()) usageError(`No file ${file}.`);
      const format = formatOption(flags.format, file, ['csv', 'json'] as const);
      let rows;
      try {
        rows = readArticleRows(file, format);
      } catch (error) {
        usageError(`Cannot read ${file}: ${(error as Error).message}`);
      }
      const imported = await inWorkspace(flags, KB_ACTOR, async (session) => {
        let count = 0;
        // Each article in its own transaction: one bad row never undoes the good ones.
        for (const row of rows) {
          if ('error' in row) continue;
          await session.store.transaction((tx) => createArticleCommand(session.context(tx), row.draft));
          count++;
        }
        return count;
      });
      for (const row of rows) if ('error' in row) console.error(`row ${row.row}: ${row.error}`);
      console.log(`Imported ${imported} articles; rejected ${rows.length - imported}.`);
      process.exitCode = imported === rows.length ? 0 : 1;
    });

  exitTwoOnUsageError(withDatabaseOptions(kb.command('search')))
    .description('full-text search of the articles: every word must appear; best match first')
    .argument('<query>', 'the words to look for')
    .option('--limit <n>', 'at most this many articles', '10')
    .option('--json', 'print the hits as JSON')
    .option('--workspace <slug>', WORKSPACE_HELP)
    .action(async (query: string, flags: DatabaseFlags & { limit: string; json?: boolean }) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) usageError('--limit takes a whole number from 1 to 100.');
      const hits = await inWorkspace(flags, KB_ACTOR, (session) =>
        session.store.read((tx) => searchArticles({ tx, workspaceId: session.workspaceId }, { query, publishedOnly: false, limit })));
      if (flags.json) {
        // The API's search hit, its article's heading fields lifted to the top as the CLI prints them.
        printJson(hits.map(presentSearchHit).map(({ article, ...hit }) => ({ ...article, ...hit })));
        return;
      }
      if (hits.length === 0) console.log('No articles match.');
      for (const hit of hits) {
        console.log(`${hit.article.title}  (${hit.article.id}${hit.article.published ? '' : ', draft'})`);
        console.log(`  ${hit.snippet.replace(/\s+/g, ' ')}`);
      }
    });
  return kb;
}

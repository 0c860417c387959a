import { statSync } from 'node:fs';
import type { Command } from 'commander';
import type { ImportSummary } from '../../../commands/import-records.js';
import type { Actor } from '../../../domain/shared/actor.js';
import { csvColumns } from '../../records/csv-columns.js';
import { readCsv } from '../../records/read-csv.js';
import { readJson } from '../../records/read-json.js';
import { IMPORT_KINDS, kindNamed, type ImportKind } from '../../records/record-kinds.js';
import type { SourceRecord } from '../../records/source-record.js';
import { openConfiguredStore, systemClock, systemIds } from '../../runtime.js';
import { formatOption } from '../format-option.js';
import { printRejections, writeReport } from '../import-report.js';
import { configFrom, withDatabaseOptions } from '../options.js';
import { progressBar, type Progress } from '../progress-bar.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';
import { WORKSPACE_HELP, resolveWorkspace } from '../workspace-option.js';
import { REACTIONS } from '../../../commands/reactors.js';

const FORMATS = ['csv', 'json', 'jsonl'] as const;
const IMPORT_ACTOR: Actor = { kind: 'system', id: null, name: 'import' };

interface ImportFlags {
  format?: string;
  workspace?: string;
  report?: string;
  db?: string;
  databaseUrl?: string;
  databaseSchema?: string;
}

/**
 * `switchboard import tickets|agents FILE`: creates each row through the API's command after the
 * API's checks; exits 0 when every row was imported, 1 when some were rejected, 2 on misuse.
 */
export function registerImport(program: Command): void {
  exitTwoOnUsageError(withDatabaseOptions(program.command('import')))
    .description("create tickets or agents from a CSV or JSON file, row by row with the API's rules")
    .argument('<kind>', 'tickets or agents')
    .argument('<file>', 'CSV with a header row, a JSON array of objects, or JSON lines')
    .option('--format <format>', 'csv or json (default: from the file extension)')
    .option('--workspace <slug>', WORKSPACE_HELP)
    .option('--report <file>', 'also write the rejected rows to this file as JSON')
    .action(async (kindName: string, file: string, flags: ImportFlags) => {
      const kind = kindNamed(IMPORT_KINDS, kindName) ?? usageError(`Cannot import "${kindName}"; use tickets or agents.`);
      if (!statSync(file, { throwIfNoEntry: false })?.isFile()) usageError(`No file ${file}.`);
      const format = formatOption(flags.format, file, FORMATS);
      const store = await openConfiguredStore(configFrom({ db: flags.db, databaseUrl: flags.databaseUrl, databaseSchema: flags.databaseSchema }));
      try {
        const workspace = await resolveWorkspace(store, flags.workspace);
        const context = { actor: IMPORT_ACTOR, workspaceId: workspace.id, clock: systemClock, ids: systemIds(), reactions: REACTIONS };
        const summary = await withProgress(`import ${kindName}`, (progress) =>
          kind.run(store, context, tracked(readRecords(kind, format, file), progress)));
        printRejections(summary);
        if (flags.report) writeReport(flags.report, { kind: kindName, file, summary });
        console.log(`Imported ${summary.imported} ${kindName}; rejected ${summary.rejected.length}.`);
        process.exitCode = summary.rejected.length > 0 ? 1 : 0;
      } finally {
        await store.close();
      }
    });
}

function readRecords(kind: ImportKind, format: (typeof FORMATS)[number], file: string): AsyncIterable<SourceRecord> {
  return format === 'csv' ? readCsv(file, csvColumns(kind.outputSchema)) : readJson(file);
}

async function withProgress(label: string, work: (progress: Progress) => Promise<ImportSummary>): Promise<ImportSummary> {
  const progress = progressBar(label);
  try {
    return await work(progress);
  } finally {
    progress.stop();
  }
}

async function* tracked(records: AsyncIterable<SourceRecord>, progress: Progress): AsyncGenerator<SourceRecord> {
  for await (const record of records) {
    progress.update(record.done, record.row);
    yield record;
  }
}

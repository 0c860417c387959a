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
import { progressBar, trackedRecords, type Progress } from '../progress-bar.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';
import { WORKSPACE_HELP, resolveWorkspace } from '../workspace-option.js';
import { REACTIONS } from '../../../commands/reactors.js';
import { RoutingRuntime } from '../../../commands/routing/routing-runtime.js';
import { FOREIGN_SOURCES, type ForeignSourceName, type ForeignSourceOptions } from '../../migration/foreign-sources.js';
import { describeForeignImport, runForeignImport } from '../import-foreign.js';

const FORMATS = ['csv', 'json', 'jsonl'] as const;
const IMPORT_ACTOR: Actor = { kind: 'system', id: null, name: 'import' };

interface ImportFlags extends ForeignSourceOptions {
  dryRun?: boolean;
  format?: string;
  workspace?: string;
  report?: string;
  db?: string;
  databaseUrl?: string;
  databaseSchema?: string;
}

/**
 * `switchboard import tickets|agents FILE`: creates each row through the API's command after the
 * API's checks. `switchboard import zendesk|freshdesk|mapped FILE`: brings another help desk's
 * tickets in with their history (docs/migration.md). Exits 0 when every row was imported, 1 when
 * some were rejected, 2 on misuse.
 */
export function registerImport(program: Command): void {
  exitTwoOnUsageError(withDatabaseOptions(program.command('import')))
    .description("create tickets or agents from a CSV or JSON file with the API's rules, or bring in another help desk's tickets")
    .argument('<kind>', `tickets or agents (our own columns), or ${FOREIGN_SOURCES.join(', ')} (another help desk's export)`)
    .argument('<file>', 'CSV with a header row, a JSON array of objects, or JSON lines (Zendesk: its JSON export of tickets)')
    .option('--format <format>', 'csv or json (default: from the file extension)')
    .option('--workspace <slug>', WORKSPACE_HELP)
    .option('--report <file>', 'also write the rejected rows to this file as JSON')
    .option('--dry-run', 'help desk imports: run every row, report what would change, keep nothing')
    .option('--users <file>', 'zendesk: its users (JSON lines or an API page), for requesters, authors and assignees')
    .option('--organizations <file>', 'zendesk: its organizations, for the requesters\' organization names')
    .option('--groups <file>', 'zendesk: its groups, whose names become queue names of finished tickets')
    .option('--ticket-fields <file>', 'zendesk: its ticket fields, whose titles name the custom fields')
    .option('--mapping <file>', 'mapped: the column mapping (JSON; docs/migration.md)')
    .option('--time-zone <zone>', 'freshdesk, mapped: IANA zone of times written without an offset (default UTC)')
    .action(async (kindName: string, file: string, flags: ImportFlags) => {
      if ((FOREIGN_SOURCES as readonly string[]).includes(kindName)) return importForeign(kindName as ForeignSourceName, file, flags);
      const kind = kindNamed(IMPORT_KINDS, kindName) ?? usageError(`Cannot import "${kindName}"; use tickets or agents.`);
      if (!statSync(file, { throwIfNoEntry: false })?.isFile()) usageError(`No file ${file}.`);
      const format = formatOption(flags.format, file, FORMATS);
      const store = await openConfiguredStore(configFrom({ db: flags.db, databaseUrl: flags.databaseUrl, databaseSchema: flags.databaseSchema }));
      try {
        const workspace = await resolveWorkspace(store, flags.workspace);
        // With routing, open tickets go through intake as POST /v1/tickets takes them: queue, SLA, agent.
        const routing = new RoutingRuntime();
        const context = { actor: IMPORT_ACTOR, workspaceId: workspace.id, clock: systemClock, ids: systemIds(), reactions: REACTIONS, routing };
        const summary = await withProgress(`import ${kindName}`, (progress) =>
          kind.run(store, context, trackedRecords(readRecords(kind, format, file), progress)));
        printRejections(summary);
        if (flags.report) writeReport(flags.report, { kind: kindName, file, summary });
        console.log(`Imported ${summary.imported} ${kindName}; rejected ${summary.rejected.length}.`);
        process.exitCode = summary.rejected.length > 0 ? 1 : 0;
      } finally {
        await store.close();
      }
    });
}

async function importForeign(source: ForeignSourceName, file: string, flags: ImportFlags): Promise<void> {
  for (const given of [file, flags.users, flags.organizations, flags.groups, flags.ticketFields, flags.mapping]) {
    if (given !== undefined && !statSync(given, { throwIfNoEntry: false })?.isFile()) usageError(`No file ${given}.`);
  }
  const store = await openConfiguredStore(configFrom({ db: flags.db, databaseUrl: flags.databaseUrl, databaseSchema: flags.databaseSchema }));
  try {
    const workspace = await resolveWorkspace(store, flags.workspace);
    const result = await runForeignImport(store, workspace.id, source, file, { ...flags, dryRun: flags.dryRun ?? false });
    printRejections(result.summary);
    if (flags.report) writeReport(flags.report, { kind: source, file, summary: result.summary });
    console.log(describeForeignImport(source, result));
    process.exitCode = result.summary.rejected.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
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


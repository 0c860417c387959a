import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { TICKET_STATUSES, type TicketStatus } from '../../../domain/ticket/status.js';
import { csvColumns } from '../../records/csv-columns.js';
import { EXPORT_KINDS, kindNamed, type TicketFilters } from '../../records/record-kinds.js';
import { EXPORT_FORMATS, writeRecords } from '../../records/write-records.js';
import { openConfiguredStore } from '../../runtime.js';
import { formatOption } from '../format-option.js';
import { configFrom, withDatabaseOptions } from '../options.js';
import { exitTwoOnUsageError, usageError } from '../usage-error.js';
import { WORKSPACE_HELP, resolveWorkspace } from '../workspace-option.js';

interface ExportFlags {
  format?: string;
  out?: string;
  workspace?: string;
  status?: string;
  since?: string;
  db?: string;
  databaseUrl?: string;
  databaseSchema?: string;
}

/** `switchboard export tickets|agents|events`: streams rows in the API's wire format, a page at a time. */
export function registerExport(program: Command): void {
  exitTwoOnUsageError(withDatabaseOptions(program.command('export')))
    .description('write tickets, agents or the event history as CSV, JSON or JSON lines')
    .argument('<kind>', 'tickets, agents or events')
    .option('--format <format>', 'csv, json or jsonl (default: from the --out extension, else json)')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--workspace <slug>', WORKSPACE_HELP)
    .option('--status <list>', 'tickets only: these statuses, comma-separated')
    .option('--since <time>', 'tickets only: created or changed at or after this ISO 8601 time')
    .action(async (kindName: string, flags: ExportFlags) => {
      const kind = kindNamed(EXPORT_KINDS, kindName) ?? usageError(`Cannot export "${kindName}"; use tickets, agents or events.`);
      const format = formatOption(flags.format, flags.out, EXPORT_FORMATS, 'json');
      const filters = ticketFilters(kindName, flags);
      const store = await openConfiguredStore(configFrom({ db: flags.db, databaseUrl: flags.databaseUrl, databaseSchema: flags.databaseSchema }));
      try {
        const workspace = await resolveWorkspace(store, flags.workspace);
        const out = flags.out ? createWriteStream(flags.out) : process.stdout;
        const count = await writeRecords(kind.pages(store, workspace.id, filters), format, csvColumns(kind.outputSchema), out);
        if (flags.out) console.error(`Exported ${count} ${kindName} to ${flags.out}.`);
      } catch (error) {
        // A reader that stops early (`| head`) is not a failure of the export.
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
      } finally {
        await store.close();
      }
    });
}

function ticketFilters(kind: string, flags: ExportFlags): TicketFilters {
  if (kind !== 'tickets' && (flags.status !== undefined || flags.since !== undefined)) usageError('--status and --since apply to tickets only.');
  const statuses = flags.status?.split(',').map((status) => status.trim()).filter(Boolean);
  const unknown = statuses?.filter((status) => !(TICKET_STATUSES as readonly string[]).includes(status)) ?? [];
  if (unknown.length > 0) usageError(`Unknown status ${unknown.join(', ')}; use ${TICKET_STATUSES.join(', ')}.`);
  const since = flags.since === undefined ? undefined : Date.parse(flags.since);
  if (since !== undefined && Number.isNaN(since)) usageError(`--since takes an ISO 8601 time such as 2024-05-01T08:00:00Z, not "${flags.since}".`);
  return { statuses: statuses as TicketStatus[] | undefined, updatedSince: since };
}

import { importRecords, type ImportSummary } from '../../commands/import-records.js';
import { importForeignTicketCommand } from '../../commands/migration/import-foreign-ticket.js';
import { RoutingRuntime } from '../../commands/routing/routing-runtime.js';
import { REACTIONS } from '../../commands/reactors.js';
import { DomainError } from '../../domain/errors.js';
import type { ForeignTicket } from '../../domain/migration/foreign-ticket.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { KyselyStore } from '../../adapters/store/kysely-store.js';
import { foreignInputs, openForeignSource, type ForeignSourceName, type ForeignSourceOptions } from '../migration/foreign-sources.js';
import { systemClock, systemIds } from '../runtime.js';
import { progressBar, trackedRecords } from './progress-bar.js';
import { usageError } from './usage-error.js';

const IMPORT_ACTOR: Actor = { kind: 'system', id: null, name: 'import' };
/** Open tickets are routed as they land; smaller batches keep each write transaction short. */
const BATCH_SIZE = 100;

/** What a help desk import did, and how fast. */
export interface ForeignImportResult {
  summary: ImportSummary;
  seconds: number;
  perSecond: number;
}

/**
 * Reads another help desk's export and brings each ticket in with `importForeignTicketCommand`,
 * with a progress bar while a person watches; a `dryRun` runs every row and keeps nothing.
 */
export async function runForeignImport(
  store: KyselyStore, workspaceId: string, source: ForeignSourceName, file: string, options: ForeignSourceOptions & { dryRun: boolean },
): Promise<ForeignImportResult> {
  const opened = await openForeignSource(source, file, options).catch((error: unknown) => {
    if (error instanceof DomainError) usageError(error.message);
    throw error;
  });
  const agents = await store.read((tx) => tx.agents.listAll(workspaceId));
  const byAddress = new Map(agents.flatMap((agent) => [
    ...(agent.email ? [[agent.email, agent.id] as const] : []), [agent.name.trim().toLowerCase(), agent.id] as const,
  ]));
  const routing = new RoutingRuntime();
  const context = { actor: IMPORT_ACTOR, workspaceId, clock: systemClock, ids: systemIds(), reactions: REACTIONS };
  const progress = progressBar(`import ${source}`, process.stderr, 'tickets');
  const started = performance.now();
  try {
    const summary = await importRecords<ForeignTicket>(store, context,
      (ctx, ticket) => importForeignTicketCommand({ ...ctx, routing }, ticket, { agents: byAddress }),
      foreignInputs(opened, trackedRecords(opened.records, progress)), { batchSize: BATCH_SIZE, dryRun: options.dryRun });
    const seconds = (performance.now() - started) / 1000;
    const rows = summary.imported + summary.rejected.length;
    return { summary, seconds, perSecond: seconds > 0 ? rows / seconds : rows };
  } finally {
    progress.stop();
  }
}

/** One line a person reads: what landed, how, what was refused and the rate. */
export function describeForeignImport(source: string, result: ForeignImportResult): string {
  const { summary } = result;
  const outcomes = ['created', 'updated', 'unchanged'].map((name) => `${summary.outcomes[name] ?? 0} ${name}`).join(', ');
  const verb = summary.dryRun ? 'Would import' : 'Imported';
  const rate = `${result.perSecond.toFixed(0)} tickets/s over ${result.seconds.toFixed(1)} s`;
  return `${verb} ${summary.imported} tickets from ${source} (${outcomes}); refused ${summary.rejected.length}; ${rate}.${summary.dryRun ? ' Dry run: nothing was kept.' : ''}`;
}

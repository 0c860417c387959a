import { DomainError, type ErrorCode } from '../domain/errors.js';
import type { Store } from '../domain/store/store.js';
import type { CommandContext } from './context.js';

/** One row of an import: a draft ready for its command, or why it could not become one. */
export type ImportInput<D> = { row: number; draft: D } | { row: number; error: DomainError };

/** A row that was not imported, and why, in the wire error's terms. */
export interface RowRejection {
  row: number;
  code: ErrorCode;
  message: string;
  path: string | null;
}

export interface ImportSummary {
  imported: number;
  /** In row order. */
  rejected: RowRejection[];
  /** How many imported rows each outcome a command named had (`created`, `updated`, …). */
  outcomes: Record<string, number>;
  /** True when nothing was kept: every batch was rolled back after it ran. */
  dryRun: boolean;
}

/** The command that creates one row (submitTicketCommand, createAgentCommand…); a string it returns is counted as the row's outcome. */
export type CreateCommand<D> = (ctx: CommandContext, draft: D) => Promise<unknown>;

export interface ImportOptions {
  batchSize?: number;
  /** Run every row and report, but roll each batch back: what the import would change. */
  dryRun?: boolean;
}

/** Thrown at the end of a dry run's batch so its transaction rolls back. */
class DryRunRollback extends Error {}

const DEFAULT_BATCH_SIZE = 500;

type Batch<D> = { row: number; draft: D }[];

/**
 * Creates every valid row through `create`, `batchSize` rows per transaction, and reports every
 * other row instead of failing the import. Rows are checked before they get here; a row the
 * command still refuses (a DomainError such as an unknown assignee) rolls back its transaction,
 * and the batch is written again without it, so it never costs the good rows. Any other error
 * (the database went away) ends the import; batches committed before it stay.
 */
export async function importRecords<D>(
  store: Pick<Store, 'transaction'>,
  context: Omit<CommandContext, 'tx'>,
  create: CreateCommand<D>,
  inputs: AsyncIterable<ImportInput<D>>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const summary: ImportSummary = { imported: 0, rejected: [], outcomes: {}, dryRun: options.dryRun ?? false };
  let batch: Batch<D> = [];
  for await (const input of inputs) {
    if ('error' in input) {
      summary.rejected.push(rejection(input.row, input.error));
      continue;
    }
    batch.push(input);
    if (batch.length >= batchSize) {
      await writeBatch(store, context, create, batch, summary);
      batch = [];
    }
  }
  if (batch.length > 0) await writeBatch(store, context, create, batch, summary);
  summary.rejected.sort((a, b) => a.row - b.row);
  return summary;
}

/** Writes the rows in order; each refused row is reported and the rest still land. */
async function writeBatch<D>(
  store: Pick<Store, 'transaction'>,
  context: Omit<CommandContext, 'tx'>,
  create: CreateCommand<D>,
  batch: Batch<D>,
  summary: ImportSummary,
): Promise<void> {
  let rest = batch;
  while (rest.length > 0) {
    const refused = await attempt(store, context, create, rest, summary.dryRun);
    if (!('error' in refused)) {
      summary.imported += rest.length;
      for (const outcome of refused.outcomes) if (outcome !== null) summary.outcomes[outcome] = (summary.outcomes[outcome] ?? 0) + 1;
      return;
    }
    summary.rejected.push(rejection(rest[refused.index]!.row, refused.error));
    // The rows before the refused one went through in the rolled-back attempt: write them again
    // on their own, then go on after it. Each row runs at most twice, in 1 + 2 × refusals
    // transactions.
    await writeBatch(store, context, create, rest.slice(0, refused.index), summary);
    rest = rest.slice(refused.index + 1);
  }
}

/**
 * One transaction over the rows, giving each row's outcome; on a DomainError it is rolled back and
 * the row that threw is named. A dry run rolls back after the last row too.
 */
async function attempt<D>(
  store: Pick<Store, 'transaction'>,
  context: Omit<CommandContext, 'tx'>,
  create: CreateCommand<D>,
  rows: Batch<D>,
  dryRun: boolean,
): Promise<{ outcomes: (string | null)[] } | { index: number; error: DomainError }> {
  let index = 0;
  const outcomes: (string | null)[] = [];
  try {
    await store.transaction(async (tx) => {
      for (; index < rows.length; index++) {
        const result = await create({ ...context, tx }, rows[index]!.draft);
        outcomes.push(typeof result === 'string' ? result : null);
      }
      if (dryRun) throw new DryRunRollback();
    });
    return { outcomes };
  } catch (error) {
    if (error instanceof DryRunRollback) return { outcomes };
    if (!(error instanceof DomainError) || index >= rows.length) throw error;
    return { index, error };
  }
}

/** A DomainError as a report entry; the path comes from its details when it names one. */
export function rejection(row: number, error: DomainError): RowRejection {
  const path = (error.details as { path?: unknown } | undefined)?.path;
  return { row, code: error.code, message: error.message, path: typeof path === 'string' ? path : null };
}

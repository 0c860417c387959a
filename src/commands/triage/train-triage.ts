import type { Store } from '../../domain/store/store.js';
import { DEFAULT_CLASSIFIER_OPTIONS, evaluatePredictions, type ClassifierOptions } from '../../domain/triage/classifier/index.js';
import {
  categoryTrainingSet, classCount, MIN_EXAMPLES_PER_CLASS, priorityLabel, trainingSet, type TrainingSet, type TrainingTicket,
} from '../../domain/triage/training-set.js';
import {
  labelAssociations, type RecentMonthReport, type TriageModelDocument, type TriageModelKind, type TriageModelSummary,
} from '../../domain/triage/triage-model.js';
import type { TriageModelRecord } from '../../domain/store/triage-store.js';
import type { CommandContext } from '../context.js';
import { recentMonthSplit, type RecentMonthSplit } from '../../domain/triage/recent-month.js';
import { trainInWorker, type TrainingJobResult } from './train-in-worker.js';
import { LOCAL_TRIAGE } from './triage-services.js';

/** The newest resolved tickets a training reads; older history says less about today's work. */
export const MAX_TRAINING_TICKETS = 50_000;

export interface TrainTriageOptions {
  seed?: number;
  /** Older versions kept besides the new one (and any older model still in use); default 5. */
  keepVersions?: number;
  /** Called as training goes, with the share done (0…1). */
  onProgress?: (done: number, examples: number) => void;
}

/** What a training produced: the new models (one version for both) and what it left out. */
export interface TrainTriageOutcome {
  version: number;
  models: TriageModelSummary[];
  warnings: string[];
  /** Stored models of old versions removed after this training. */
  pruned: number;
}

interface Job {
  kind: TriageModelKind;
  set: TrainingSet;
  /** The set cut at its most recent month, for the backtest; null when it cannot be cut. */
  backtest: RecentMonthSplit | null;
}

/**
 * Trains the category model (and the priority model when the history has two priorities with
 * enough tickets) from the workspace's resolved and closed tickets, then stores them as one new
 * version in one transaction, removing versions beyond the newest `keepVersions` older ones
 * (a model still in use always stays). Training runs outside any transaction, on a worker thread, so the
 * process goes on serving meanwhile; until the write, the models in use stay in use, and a
 * refusal (`no_training_data`, `too_few_classes`) writes nothing.
 */
export async function trainTriageCommand(
  store: Pick<Store, 'read' | 'transaction' | 'isUniqueViolation'>,
  context: Pick<CommandContext, 'actor' | 'workspaceId' | 'clock' | 'ids'>,
  options: TrainTriageOptions = {},
): Promise<TrainTriageOutcome> {
  const tickets = await store.read((tx) => tx.triage.trainingTickets(context.workspaceId, MAX_TRAINING_TICKETS));
  const warnings: string[] = [];
  const jobs = plan(tickets, warnings);
  const startedAt = context.clock.now();
  const trained = await train(jobs, classifierOptions(options.seed), options.onProgress);
  const trainingMs = context.clock.now() - startedAt;
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.transaction(async (tx) => {
        const version = (await tx.triage.latestVersion(context.workspaceId)) + 1;
        const records = jobs.map((job, i) => record(job, trained[i]!, { workspaceId: context.workspaceId, version, now: context.clock.now(), trainingMs }));
        for (const r of records) await tx.triage.insert(r);
        const pruned = await tx.triage.prune(context.workspaceId, options.keepVersions ?? LOCAL_TRIAGE.keepVersions);
        return { version, models: records.map(({ model: _model, ...summary }) => summary), warnings, pruned };
      });
    } catch (error) {
      // Two trainings finishing at once on several nodes pick the same next version; the later
      // one takes the version after.
      if (attempt >= 3 || !store.isUniqueViolation(error)) throw error;
    }
  }
}

function classifierOptions(seed: number | undefined): ClassifierOptions {
  if (seed === undefined) return DEFAULT_CLASSIFIER_OPTIONS;
  return { ...DEFAULT_CLASSIFIER_OPTIONS, training: { ...DEFAULT_CLASSIFIER_OPTIONS.training, seed } };
}

function plan(tickets: readonly TrainingTicket[], warnings: string[]): Job[] {
  const category = categoryTrainingSet(tickets);
  warnings.push(...leftOut('category', category));
  const jobs: Job[] = [{ kind: 'category', set: category, backtest: recentMonthSplit(category) }];
  const priority = trainingSet(tickets, priorityLabel);
  if (classCount(priority) >= 2) {
    warnings.push(...leftOut('priority', priority));
    jobs.push({ kind: 'priority', set: priority, backtest: recentMonthSplit(priority) });
  } else {
    warnings.push(`No priority model: fewer than two priorities have ${MIN_EXAMPLES_PER_CLASS} resolved tickets each.`);
  }
  return jobs;
}

function leftOut(kind: TriageModelKind, set: TrainingSet): string[] {
  const notes = set.dropped.map((d) => `Left out ${kind} "${d.label}": ${d.examples} resolved ticket(s), ${MIN_EXAMPLES_PER_CLASS} needed.`);
  if (set.unlabelled > 0) notes.push(`${set.unlabelled} resolved ticket(s) have no category and no queue; not used for the ${kind} model.`);
  return notes;
}

interface Trained {
  model: TrainingJobResult;
  /** The report of a model trained on the tickets before the most recent month, on that month. */
  recentMonth: RecentMonthReport | null;
}

/**
 * Trains every job on a worker thread, and for each job that can be cut in time a second model on
 * the tickets before its most recent month, scored on that month; progress runs over all of them
 * weighted by size.
 */
async function train(jobs: readonly Job[], options: ClassifierOptions, onProgress: TrainTriageOptions['onProgress']): Promise<Trained[]> {
  const backtests = jobs.flatMap((job) => (job.backtest ? [job.backtest] : []));
  const work = [
    ...jobs.map((job) => ({ examples: job.set.examples, options })),
    ...backtests.map((split) => ({ examples: split.earlier, options, test: split.recent })),
  ];
  const sizes = work.map((job) => job.examples.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const before = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
  const results = await trainInWorker(work, (job, done) => onProgress?.((before[job]! + done * sizes[job]!) / total, total));
  let next = jobs.length;
  return jobs.map((job, i) => {
    const tested = job.backtest ? results[next++]!.tested : null;
    const recentMonth = job.backtest && tested ? { from: job.backtest.from, to: job.backtest.to, evaluation: tested } : null;
    return { model: results[i]!, recentMonth };
  });
}

interface Stamp {
  workspaceId: string;
  version: number;
  now: number;
  trainingMs: number;
}

function record(job: Job, trained: Trained, stamp: Stamp): TriageModelRecord {
  const { classifier, heldOut } = trained.model;
  const labels = job.set.examples.map((e) => e.label);
  const { types, tags } = job.kind === 'category' ? labelAssociations(job.set.tickets, labels) : { types: {}, tags: {} };
  const document: TriageModelDocument = { classifier, types, tags };
  return {
    workspaceId: stamp.workspaceId,
    kind: job.kind,
    version: stamp.version,
    createdAt: stamp.now,
    dataSize: job.set.examples.length,
    metrics: {
      evaluation: evaluatePredictions(heldOut, new Set(classifier.labels)),
      recentMonth: trained.recentMonth,
      temperature: classifier.temperature,
      classes: [...classifier.labels],
      dropped: job.set.dropped,
      unlabelled: job.set.unlabelled,
      trainingMs: stamp.trainingMs,
    },
    model: JSON.stringify(document),
  };
}

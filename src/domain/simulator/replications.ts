import type { IntervalFigures } from './interval-statistics.js';
import type { QueueFigures, SimulationResult } from './simulation-result.js';

/** Replications one request may ask for. */
export const MAX_REPLICATIONS = 100;

/** A figure over replications: its mean and the half-width of its 95 % confidence interval (Student t; null with one value). */
export interface Estimate {
  mean: number;
  half_width: number | null;
  n: number;
}

/** Each named figure over the replications that had it. */
export type Estimates = Record<string, Estimate>;

/** Per policy, each figure over the replications that had it; the same per queue, per priority and per interval. */
export interface ReplicationSummary {
  replications: number;
  seeds: number[];
  policies: {
    policy: string;
    figures: Estimates;
    queues: { queue: string; figures: Estimates }[];
    priorities: { priority: string; figures: Estimates }[];
    intervals?: { start: string; figures: Estimates }[];
  }[];
}

/** Two-sided 97.5 % quantiles of Student's t for 1…30 degrees of freedom. */
const T_975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** Student's t at 97.5 % for `df` degrees of freedom (the table to 30, then the Cornish–Fisher expansion around 1.96). */
export function studentT975(df: number): number {
  if (df <= T_975.length) return T_975[df - 1]!;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/** The mean of the values and its 95 % confidence half-width. */
export function estimate(values: number[]): Estimate {
  const n = values.length;
  const mean = values.reduce((sum, x) => sum + x, 0) / n;
  if (n < 2) return { mean, half_width: null, n };
  const variance = values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1);
  return { mean, half_width: studentT975(n - 1) * Math.sqrt(variance / n), n };
}

/**
 * The figures of independent replications (the same scenario on different seeds) as estimates:
 * offered, answered, abandoned, ASA, P(wait), service levels, abandonment (of all and of those who
 * queued), occupancy and wait percentiles; per queue, per priority and per interval their own.
 * A figure a replication could not give (no answered call, no ASA, a queue it never saw) is left
 * out of that figure's estimate, never counted as 0.
 */
export function summarizeReplications(results: SimulationResult[]): ReplicationSummary {
  const policies = results[0]!.policies.map((first, index) => {
    const runs = results.map((r) => r.policies[index]!);
    const thresholds = first.service_levels.map((level) => level.within_s);
    const figures = estimates(runs, (add) => {
      add('offered', (r) => r.offered);
      add('answered', (r) => r.answered);
      add('abandoned', (r) => r.abandoned);
      add('asa_s', (r) => r.asa_s);
      add('p_wait', (r) => r.p_wait);
      add('service_level', (r) => r.service_level);
      add('abandonment', (r) => r.abandonment);
      add('abandonment_of_queued', (r) => r.abandonment_of_queued);
      add('utilisation', (r) => r.utilisation);
      add('wait_p90_s', (r) => r.wait_s.p90);
      add('wait_p95_s', (r) => r.wait_s.p95);
      addThresholds(thresholds, add);
    });
    const byQueue = (queue: string) => runs.map((r) => r.queues.find((q) => q.queue === queue)).filter((q) => q !== undefined);
    const byPriority = (priority: string) => runs.map((r) => r.priorities.find((q) => q.priority === priority)).filter((q) => q !== undefined);
    const queues = [...new Set(runs.flatMap((r) => r.queues.map((q) => q.queue)))];
    const priorities = [...new Set(runs.flatMap((r) => r.priorities.map((q) => q.priority)))];
    return {
      policy: first.policy,
      figures,
      queues: queues.map((queue) => ({ queue, figures: estimates(byQueue(queue), counterFigures(thresholds)) })),
      priorities: priorities.map((priority) => ({ priority, figures: estimates(byPriority(priority), counterFigures(thresholds)) })),
      ...(first.intervals ? { intervals: first.intervals.map(({ start }, i) => ({ start, figures: estimates(runs.map((r) => r.intervals![i]!), intervalFigures(thresholds)) })) } : {}),
    };
  });
  return { replications: results.length, seeds: results.map((r) => r.seed), policies };
}

type AddFigure<T> = (name: string, pick: (run: T) => number | null | undefined) => void;

/** The estimates of the figures `collect` names, over the runs that gave a finite value. */
function estimates<T>(runs: T[], collect: (add: AddFigure<T>) => void): Estimates {
  const figures: Estimates = {};
  collect((name, pick) => {
    const values = runs.map(pick).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
    if (values.length > 0) figures[name] = estimate(values);
  });
  return figures;
}

const counterFigures = (thresholds: number[]) => (add: AddFigure<Omit<QueueFigures, 'queue'>>): void => {
  add('offered', (q) => q.offered);
  add('answered', (q) => q.answered);
  add('abandoned', (q) => q.abandoned);
  add('abandonment_of_queued', (q) => q.abandonment_of_queued);
  add('asa_s', (q) => q.asa_s);
  add('service_level', (q) => q.service_level);
  add('wait_p90_s', (q) => q.wait_p90_s);
  add('wait_p95_s', (q) => q.wait_p95_s);
  addThresholds(thresholds, add);
};

const intervalFigures = (thresholds: number[]) => (add: AddFigure<IntervalFigures>): void => {
  add('offered', (i) => i.offered);
  add('answered', (i) => i.answered);
  add('abandoned', (i) => i.abandoned);
  add('abandonment_of_queued', (i) => i.abandonment_of_queued);
  add('asa_s', (i) => i.asa_s);
  add('wait_avg_s', (i) => i.wait_avg_s);
  add('wait_p90_s', (i) => i.wait_p90_s);
  add('wait_p95_s', (i) => i.wait_p95_s);
  add('service_level', (i) => i.service_level);
  add('occupancy', (i) => i.occupancy);
  addThresholds(thresholds, add);
};

/** The service level at each further threshold, named by it (every run has the scenario's same thresholds). */
function addThresholds<T extends { service_levels: { within_s: number; share: number | null }[] }>(thresholds: number[], add: AddFigure<T>): void {
  thresholds.forEach((withinS, k) => add(`service_level_${withinS}s`, (run) => run.service_levels[k]?.share));
}

/** The first replication's result with the summary of all of them. */
export function withReplications(results: SimulationResult[]): SimulationResult {
  return { ...results[0]!, replications: summarizeReplications(results) };
}

import type { SimulationResult } from './simulation-result.js';

/** Replications one request may ask for. */
export const MAX_REPLICATIONS = 100;

/** A figure over replications: its mean and the half-width of its 95 % confidence interval (Student t; null with one value). */
export interface Estimate {
  mean: number;
  half_width: number | null;
  n: number;
}

/** Per policy, each figure over the replications that had it. */
export interface ReplicationSummary {
  replications: number;
  seeds: number[];
  policies: { policy: string; figures: Record<string, Estimate> }[];
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
 * queued), occupancy and wait percentiles. A figure a replication could not give (no answered
 * call, no ASA) is left out of that figure's estimate, never counted as 0.
 */
export function summarizeReplications(results: SimulationResult[]): ReplicationSummary {
  const policies = results[0]!.policies.map((first, index) => {
    const runs = results.map((r) => r.policies[index]!);
    const figures: Record<string, Estimate> = {};
    const add = (name: string, pick: (run: (typeof runs)[number]) => number | null | undefined) => {
      const values = runs.map(pick).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
      if (values.length > 0) figures[name] = estimate(values);
    };
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
    first.service_levels.forEach((level, k) => add(`service_level_${level.within_s}s`, (r) => r.service_levels[k]?.share));
    return { policy: first.policy, figures };
  });
  return { replications: results.length, seeds: results.map((r) => r.seed), policies };
}

/** The first replication's result with the summary of all of them. */
export function withReplications(results: SimulationResult[]): SimulationResult {
  return { ...results[0]!, replications: summarizeReplications(results) };
}

/** The middle and the 90th percentile of some durations; null when there are none. */
export interface Spread {
  median: number | null;
  p90: number | null;
}

/**
 * The p-th quantile (0..1) of values sorted ascending, interpolated linearly between the two
 * nearest ranks — PostgreSQL's `percentile_cont`, so a database that computes it agrees.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  return low + (sorted[above]! - low) * (position - below);
}

/** Median and p90 of values sorted ascending. */
export function spreadOf(sorted: readonly number[]): Spread {
  return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
}

/** Numerator over denominator, or null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Relative width of a bucket: a percentile read from the histogram is within 1 % of the true value. */
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
/** Waits below this (ms) share the first bucket. */
const SMALLEST_MS = 1;

/**
 * Waiting times in logarithmic buckets, so a queue's percentiles cost the same memory for a
 * hundred tickets as for ten million. Waits of zero (answered at once) are counted apart.
 */
export class WaitHistogram {
  private readonly buckets: number[] = [];
  private zeros = 0;
  private total = 0;

  add(waitMs: number): void {
    this.total++;
    if (waitMs <= 0) {
      this.zeros++;
      return;
    }
    const bucket = waitMs < SMALLEST_MS ? 0 : Math.floor(Math.log(waitMs / SMALLEST_MS) / LOG_GROWTH) + 1;
    while (this.buckets.length <= bucket) this.buckets.push(0);
    this.buckets[bucket]!++;
  }

  /** The p-th percentile (nearest rank) in ms, to within 1 %; null when empty. */
  percentile(p: number): number | null {
    const bucket = bucketAtRank(this.buckets, 0, this.buckets.length, this.zeros, this.total, p);
    if (bucket === null) return null;
    // The bucket's geometric middle.
    return bucket < 0 ? 0 : bucket === 0 ? SMALLEST_MS / 2 : SMALLEST_MS * GROWTH ** (bucket - 0.5);
  }
}

/**
 * The bucket (0-based within `counts[from, from + length)`) holding the p-th of `total` values
 * by nearest rank, -1 when it is among the `zeros` counted apart, null when there are none.
 */
export function bucketAtRank(counts: ArrayLike<number>, from: number, length: number, zeros: number, total: number, p: number): number | null {
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  if (rank <= zeros) return -1;
  let seen = zeros;
  for (let bucket = 0; bucket < length; bucket++) {
    seen += counts[from + bucket]!;
    if (seen >= rank) return bucket;
  }
  return null;
}

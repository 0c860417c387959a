import { ratio } from './percentiles.js';
import type { MetricsWindow } from './metrics-query.js';

/** How many things happened in the bucket that starts at `at` (ms). */
export interface BucketCount {
  at: number;
  count: number;
}

/** Satisfaction ratings given in the bucket that starts at `at`. */
export interface BucketRatings {
  at: number;
  responses: number;
  scoreSum: number;
  satisfied: number;
}

/** What the store counts per bucket of the window; buckets with nothing are left out. */
export interface SeriesCounts {
  created: BucketCount[];
  resolved: BucketCount[];
  slaBreaches: BucketCount[];
  /** Tickets that ended (resolved or closed, whichever came first) per bucket. */
  ended: BucketCount[];
  /** Tickets open at `from`: created before it and neither resolved nor closed before it. */
  openAtFrom: number;
  ratings: BucketRatings[];
}

export interface SeriesPoint {
  at: number;
  created: number;
  resolved: number;
  slaBreaches: number;
  /** Tickets open at the end of the bucket (or at the end of the window, for the last one). */
  backlog: number;
  csat: { average: number | null; responses: number; satisfied: number | null };
}

/** Where buckets of `bucketMs` start, shifted `offsetMs` from the epoch. */
export interface Buckets {
  bucketMs: number;
  offsetMs: number;
}

/** The start of the bucket that holds `at`. */
export function bucketStart(at: number, buckets: Buckets): number {
  return Math.floor((at - buckets.offsetMs) / buckets.bucketMs) * buckets.bucketMs + buckets.offsetMs;
}

/**
 * Every bucket from the one holding `from` to the one holding the window's last instant, zeros
 * included; the backlog runs on from the tickets open at `from`.
 */
export function fillSeries(window: MetricsWindow, buckets: Buckets, counts: SeriesCounts): SeriesPoint[] {
  const lookup = (list: readonly BucketCount[]) => new Map(list.map((bucket) => [bucket.at, bucket.count]));
  const created = lookup(counts.created);
  const resolved = lookup(counts.resolved);
  const breaches = lookup(counts.slaBreaches);
  const ended = lookup(counts.ended);
  const ratings = new Map(counts.ratings.map((bucket) => [bucket.at, bucket]));
  const points: SeriesPoint[] = [];
  let backlog = counts.openAtFrom;
  for (let at = bucketStart(window.from, buckets); at < window.to; at += buckets.bucketMs) {
    backlog += (created.get(at) ?? 0) - (ended.get(at) ?? 0);
    const rated = ratings.get(at) ?? { responses: 0, scoreSum: 0, satisfied: 0 };
    points.push({
      at, created: created.get(at) ?? 0, resolved: resolved.get(at) ?? 0, slaBreaches: breaches.get(at) ?? 0, backlog,
      csat: { average: ratio(rated.scoreSum, rated.responses), responses: rated.responses, satisfied: ratio(rated.satisfied, rated.responses) },
    });
  }
  return points;
}

import type { MetricsWindow } from './metrics-query.js';

/** How many things happened in the bucket that starts at `at` (ms). */
export interface BucketCount {
  at: number;
  count: number;
}

/** What the store counts per bucket of the window; buckets with nothing are left out. */
export interface SeriesCounts {
  created: BucketCount[];
  resolved: BucketCount[];
  slaBreaches: BucketCount[];
}

export interface SeriesPoint {
  at: number;
  created: number;
  resolved: number;
  slaBreaches: number;
}

/** Every bucket from the one holding `from` to the one holding the window's last instant, zeros included. */
export function fillSeries(window: MetricsWindow, bucketMs: number, counts: SeriesCounts): SeriesPoint[] {
  const lookup = (list: readonly BucketCount[]) => new Map(list.map((bucket) => [bucket.at, bucket.count]));
  const created = lookup(counts.created);
  const resolved = lookup(counts.resolved);
  const breaches = lookup(counts.slaBreaches);
  const points: SeriesPoint[] = [];
  for (let at = Math.floor(window.from / bucketMs) * bucketMs; at < window.to; at += bucketMs) {
    points.push({ at, created: created.get(at) ?? 0, resolved: resolved.get(at) ?? 0, slaBreaches: breaches.get(at) ?? 0 });
  }
  return points;
}

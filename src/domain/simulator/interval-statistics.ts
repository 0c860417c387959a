import { bucketAtRank } from './wait-histogram.js';

/** The figures of the tickets that arrived in one interval (docs/simulator.md, "Per interval"). */
export interface IntervalFigures {
  start: string;
  offered: number;
  answered: number;
  abandoned: number;
  /** Offered tickets that found no agent free and had to wait. */
  queued: number;
  asa_s: number | null;
  /** How long the answered and the abandoned waited, on average (until answered or until they hung up). */
  wait_avg_s: number | null;
  /** Percentiles of the answered tickets' waits, to within 5 %. */
  wait_p90_s: number | null;
  wait_p95_s: number | null;
  /** Abandoned over queued. */
  abandonment_of_queued: number | null;
  /** Answered within the scenario's service-level threshold, over offered. */
  service_level: number | null;
  /** The service level at each of `service_levels_s`, over offered. */
  service_levels: { within_s: number; share: number | null }[];
  /** Busy agent time within the interval over staffed agent time within it (capacity units of the main channel). */
  occupancy: number | null;
}

/** Coarse wait buckets per interval: from 1 s up, 5 % wide, the last one holding every wait past a day. */
const BUCKET_GROWTH = 1.05;
const FIRST_BUCKET_MS = 1000;
const BUCKETS = Math.ceil(Math.log(86_400_000 / FIRST_BUCKET_MS) / Math.log(BUCKET_GROWTH)) + 2;

/**
 * Counters per interval of arrival, in flat typed arrays: a month of 15-minute intervals costs
 * about 3 MB whatever the number of tickets. A ticket counts in the interval it arrived in; busy
 * and staffed time count in the interval they fall in.
 */
export class IntervalStatistics {
  private readonly offered: Float64Array;
  private readonly answered: Float64Array;
  private readonly answeredAtOnce: Float64Array;
  private readonly abandoned: Float64Array;
  private readonly waitSum: Float64Array;
  private readonly abandonedWaitSum: Float64Array;
  /** Row-major: [interval × BUCKETS], the answered waits above zero. */
  private readonly waits: Uint32Array;
  private readonly busy: Float64Array;
  private readonly staffed: Float64Array;
  /** Row-major: [interval × (1 + thresholds)], the main threshold first. */
  private readonly within: Float64Array;
  private readonly limitsMs: number[];

  constructor(private readonly start: number, private readonly intervalMs: number, count: number, serviceLevelMs: number, thresholdsMs: readonly number[]) {
    this.offered = new Float64Array(count);
    this.answered = new Float64Array(count);
    this.answeredAtOnce = new Float64Array(count);
    this.abandoned = new Float64Array(count);
    this.waitSum = new Float64Array(count);
    this.abandonedWaitSum = new Float64Array(count);
    this.waits = new Uint32Array(count * BUCKETS);
    this.busy = new Float64Array(count);
    this.staffed = new Float64Array(count);
    this.limitsMs = [serviceLevelMs, ...thresholdsMs];
    this.within = new Float64Array(count * this.limitsMs.length);
  }

  /** The interval a ticket arriving at `at` counts in, or -1 outside the reported window. */
  indexOf(at: number): number {
    const index = Math.floor((at - this.start) / this.intervalMs);
    return index >= 0 && index < this.offered.length ? index : -1;
  }

  offer(at: number): void {
    const i = this.indexOf(at);
    if (i >= 0) this.offered[i]!++;
  }

  answer(at: number, waitMs: number): void {
    const i = this.indexOf(at);
    if (i < 0) return;
    this.answered[i]!++;
    if (waitMs === 0) this.answeredAtOnce[i]!++;
    else this.waits[i * BUCKETS + bucketOf(waitMs)]!++;
    this.waitSum[i]! += waitMs;
    this.limitsMs.forEach((limit, k) => { if (waitMs <= limit) this.within[i * this.limitsMs.length + k]!++; });
  }

  /** A ticket that arrived at `at` hung up after waiting `waitMs`. */
  abandon(at: number, waitMs: number): void {
    const i = this.indexOf(at);
    if (i < 0) return;
    this.abandoned[i]!++;
    this.abandonedWaitSum[i]! += waitMs;
  }

  /** `units` of capacity were busy from `from` to `to` (ms). */
  addBusy(from: number, to: number, units: number): void {
    this.spread(this.busy, from, to, units);
  }

  /** `units` of capacity were staffed from `from` to `to` (ms). */
  addStaffed(from: number, to: number, units: number): void {
    this.spread(this.staffed, from, to, units);
  }

  /** Adds `units` × the time of [from, to) that falls in each interval. */
  private spread(into: Float64Array, from: number, to: number, units: number): void {
    for (let i = Math.max(0, this.indexOf(from)); i < into.length; i++) {
      const start = this.start + i * this.intervalMs;
      if (start >= to) return;
      const overlap = Math.min(to, start + this.intervalMs) - Math.max(from, start);
      if (overlap > 0) into[i]! += units * overlap;
    }
  }

  figures(): IntervalFigures[] {
    const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
    const width = this.limitsMs.length;
    return Array.from(this.offered, (offered, i) => {
      const queued = offered - this.answeredAtOnce[i]!;
      const answered = this.answered[i]!;
      const waited = answered + this.abandoned[i]!;
      const percentile = (p: number) => seconds(bucketAtRank(this.waits, i * BUCKETS, BUCKETS, this.answeredAtOnce[i]!, answered, p));
      return {
        start: new Date(this.start + i * this.intervalMs).toISOString(),
        offered,
        answered,
        abandoned: this.abandoned[i]!,
        queued,
        asa_s: answered > 0 ? this.waitSum[i]! / answered / 1000 : null,
        wait_avg_s: waited > 0 ? (this.waitSum[i]! + this.abandonedWaitSum[i]!) / waited / 1000 : null,
        wait_p90_s: percentile(0.9),
        wait_p95_s: percentile(0.95),
        abandonment_of_queued: share(this.abandoned[i]!, queued),
        service_level: share(this.within[i * width]!, offered),
        service_levels: this.limitsMs.slice(1).map((ms, k) => ({ within_s: ms / 1000, share: share(this.within[i * width + k + 1]!, offered) })),
        occupancy: share(this.busy[i]!, this.staffed[i]!),
      };
    });
  }
}

function bucketOf(waitMs: number): number {
  if (waitMs < FIRST_BUCKET_MS) return 0;
  return Math.min(BUCKETS - 1, Math.floor(Math.log(waitMs / FIRST_BUCKET_MS) / Math.log(BUCKET_GROWTH)) + 1);
}

/** A bucket's wait in seconds: its geometric middle (half a second for the first; 0 for waits of zero). */
function seconds(bucket: number | null): number | null {
  if (bucket === null) return null;
  if (bucket < 0) return 0;
  return bucket === 0 ? 0.5 : (FIRST_BUCKET_MS * BUCKET_GROWTH ** (bucket - 0.5)) / 1000;
}

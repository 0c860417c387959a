/** The figures of the tickets that arrived in one interval (docs/simulator.md, "Per interval"). */
export interface IntervalFigures {
  start: string;
  offered: number;
  answered: number;
  abandoned: number;
  /** Offered tickets that found no agent free and had to wait. */
  queued: number;
  asa_s: number | null;
  /** Abandoned over queued. */
  abandonment_of_queued: number | null;
  /** Answered within the scenario's service-level threshold, over offered. */
  service_level: number | null;
  /** The service level at each of `service_levels_s`, over offered. */
  service_levels: { within_s: number; share: number | null }[];
}

/**
 * Counters per interval of arrival, in flat typed arrays: a month of 15-minute intervals costs a
 * few hundred kilobytes whatever the number of tickets. A ticket counts in the interval it arrived in.
 */
export class IntervalStatistics {
  private readonly offered: Float64Array;
  private readonly answered: Float64Array;
  private readonly answeredAtOnce: Float64Array;
  private readonly abandoned: Float64Array;
  private readonly waitSum: Float64Array;
  /** Row-major: [interval × (1 + thresholds)], the main threshold first. */
  private readonly within: Float64Array;
  private readonly limitsMs: number[];

  constructor(private readonly start: number, private readonly intervalMs: number, count: number, serviceLevelMs: number, thresholdsMs: readonly number[]) {
    this.offered = new Float64Array(count);
    this.answered = new Float64Array(count);
    this.answeredAtOnce = new Float64Array(count);
    this.abandoned = new Float64Array(count);
    this.waitSum = new Float64Array(count);
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
    this.waitSum[i]! += waitMs;
    this.limitsMs.forEach((limit, k) => { if (waitMs <= limit) this.within[i * this.limitsMs.length + k]!++; });
  }

  abandon(at: number): void {
    const i = this.indexOf(at);
    if (i >= 0) this.abandoned[i]!++;
  }

  figures(): IntervalFigures[] {
    const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
    const width = this.limitsMs.length;
    return Array.from(this.offered, (offered, i) => {
      const queued = offered - this.answeredAtOnce[i]!;
      return {
        start: new Date(this.start + i * this.intervalMs).toISOString(),
        offered,
        answered: this.answered[i]!,
        abandoned: this.abandoned[i]!,
        queued,
        asa_s: this.answered[i]! > 0 ? this.waitSum[i]! / this.answered[i]! / 1000 : null,
        abandonment_of_queued: share(this.abandoned[i]!, queued),
        service_level: share(this.within[i * width]!, offered),
        service_levels: this.limitsMs.slice(1).map((ms, k) => ({ within_s: ms / 1000, share: share(this.within[i * width + k + 1]!, offered) })),
      };
    });
  }
}

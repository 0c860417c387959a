import type { IntervalStatistics } from './interval-statistics.js';
import { PRIORITIES } from '../ticket/ticket.js';
import type { PolicyFigures, QueueFigures } from './simulation-result.js';
import { WaitHistogram } from './wait-histogram.js';

/** Per-queue counters of one run. */
class QueueCounters {
  offered = 0;
  answered = 0;
  answeredAtOnce = 0;
  abandoned = 0;
  waitSum = 0;
  withinLevel = 0;
  waits = new WaitHistogram();
  constructor(readonly withinThresholds: number[]) {}
}

/**
 * The counters a run keeps as tickets reach their outcomes (only tickets that arrived after the
 * warm-up count), and the figures made from them at the end.
 */
export class RunStatistics {
  offered = 0;
  answered = 0;
  answeredAtOnce = 0;
  abandoned = 0;
  waitSum = 0;
  withinLevel = 0;
  rerouted = 0;
  /** Offered calls that were callers calling back after hanging up. */
  redialled = 0;
  withSla = 0;
  slaBreached = 0;
  events = 0;
  private waits = new Float64Array(1024);
  private readonly queues: QueueCounters[];
  /** By priority, in PRIORITIES order (urgent first). */
  private readonly priorities: QueueCounters[];

  /** `thresholdsMs`: the further service-level thresholds a run reports, besides `serviceLevelMs`; `intervals`, when figures per interval are reported. */
  constructor(private readonly queueIds: readonly string[], private readonly serviceLevelMs: number, private readonly thresholdsMs: readonly number[] = [], private readonly intervals: IntervalStatistics | null = null) {
    this.queues = queueIds.map(() => new QueueCounters(thresholdsMs.map(() => 0)));
    this.priorities = PRIORITIES.map(() => new QueueCounters(thresholdsMs.map(() => 0)));
  }

  /** A ticket that arrived at `arrivedAt` (ms) was offered to `queue`. */
  offer(queue: number, arrivedAt: number, priority: number): void {
    this.intervals?.offer(arrivedAt);
    this.priorities[priority]!.offered++;
    this.offered++;
    this.queues[queue]!.offered++;
  }

  answer(queue: number, waitMs: number, arrivedAt: number, priority: number): void {
    this.intervals?.answer(arrivedAt, waitMs);
    this.count(this.priorities[priority]!, waitMs);
    if (this.answered === this.waits.length) {
      const grown = new Float64Array(this.waits.length * 2);
      grown.set(this.waits);
      this.waits = grown;
    }
    this.waits[this.answered++] = waitMs;
    if (waitMs === 0) this.answeredAtOnce++;
    this.waitSum += waitMs;
    const within = waitMs <= this.serviceLevelMs ? 1 : 0;
    this.withinLevel += within;
    this.count(this.queues[queue]!, waitMs);
  }

  private count(counters: QueueCounters, waitMs: number): void {
    counters.answered++;
    counters.waitSum += waitMs;
    counters.withinLevel += waitMs <= this.serviceLevelMs ? 1 : 0;
    if (waitMs === 0) counters.answeredAtOnce++;
    this.thresholdsMs.forEach((ms, k) => { if (waitMs <= ms) counters.withinThresholds[k]!++; });
    counters.waits.add(waitMs);
  }

  /** A ticket that arrived at `arrivedAt` hung up after waiting `waitMs`. */
  abandon(queue: number, arrivedAt: number, priority: number, waitMs: number): void {
    this.intervals?.abandon(arrivedAt, waitMs);
    this.priorities[priority]!.abandoned++;
    this.abandoned++;
    this.queues[queue]!.abandoned++;
  }

  /** `units` of the main channel's capacity were busy from `from` to `to` (ms): for occupancy per interval. */
  busyTime(from: number, to: number, units: number): void {
    this.intervals?.addBusy(from, to, units);
  }

  /** `units` of the main channel's capacity were staffed from `from` to `to` (ms). */
  staffedTime(from: number, to: number, units: number): void {
    this.intervals?.addStaffed(from, to, units);
  }

  /** A ticket's SLA outcome, once known: whether it had a target and whether it was missed. */
  sla(hadTarget: boolean, breached: boolean): void {
    if (!hadTarget) return;
    this.withSla++;
    if (breached) this.slaBreached++;
  }

  /** The figures of the run; `busy` and `staffed` are capacity-unit milliseconds per agent. */
  figures(policy: string, busy: Float64Array, staffed: Float64Array, hasSla: boolean): PolicyFigures {
    const waits = this.waits.subarray(0, this.answered).sort();
    const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
    const utilisations = Array.from(staffed, (s, i) => (s > 0 ? busy[i]! / s : null)).filter((u): u is number => u !== null);
    const totalStaffed = staffed.reduce((sum, s) => sum + s, 0);
    return {
      policy,
      offered: this.offered,
      answered: this.answered,
      abandoned: this.abandoned,
      unanswered: this.offered - this.answered - this.abandoned,
      asa_s: this.answered > 0 ? this.waitSum / this.answered / 1000 : null,
      // Over every offered ticket: one never answered waited and was not served in time.
      p_wait: share(this.offered - this.answeredAtOnce, this.offered),
      service_level: share(this.withinLevel, this.offered),
      abandonment: share(this.abandoned, this.offered),
      abandonment_of_queued: share(this.abandoned, this.offered - this.answeredAtOnce),
      service_levels: this.thresholdsMs.map((ms) => ({ within_s: ms / 1000, share: share(countAtMost(waits, ms), this.offered) })),
      utilisation: totalStaffed > 0 ? busy.reduce((sum, b) => sum + b, 0) / totalStaffed : null,
      sla_breach_rate: hasSla ? share(this.slaBreached, this.withSla) : null,
      reroute_rate: share(this.rerouted, this.offered),
      redialled: this.redialled,
      wait_s: { p50: seconds(percentile(waits, 0.5)), p90: seconds(percentile(waits, 0.9)), p95: seconds(percentile(waits, 0.95)), p99: seconds(percentile(waits, 0.99)), max: seconds(waits.length ? waits[waits.length - 1]! : null) },
      queues: this.queues.map((q, i) => ({ queue: this.queueIds[i]!, ...this.counterFigures(q) })).filter((q) => q.offered > 0),
      priorities: this.priorities.map((q, i) => ({ priority: PRIORITIES[i]!, ...this.counterFigures(q) })).filter((q) => q.offered > 0),
      fairness: {
        jain_index: jain(utilisations),
        min_utilisation: utilisations.length ? Math.min(...utilisations) : null,
        max_utilisation: utilisations.length ? Math.max(...utilisations) : null,
      },
      events: this.events,
      ...(this.intervals ? { intervals: this.intervals.figures() } : {}),
    };
  }

  private counterFigures(q: QueueCounters): Omit<QueueFigures, 'queue'> {
    const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
    return {
      offered: q.offered,
      answered: q.answered,
      abandoned: q.abandoned,
      abandonment_of_queued: share(q.abandoned, q.offered - q.answeredAtOnce),
      asa_s: q.answered > 0 ? q.waitSum / q.answered / 1000 : null,
      service_level: share(q.withinLevel, q.offered),
      service_levels: this.thresholdsMs.map((ms, k) => ({ within_s: ms / 1000, share: share(q.withinThresholds[k]!, q.offered) })),
      wait_p90_s: seconds(q.waits.percentile(0.9)),
      wait_p95_s: seconds(q.waits.percentile(0.95)),
    };
  }
}

/** How many of the sorted values are at most `limit`. */
function countAtMost(sorted: Float64Array, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function seconds(ms: number | null): number | null {
  return ms === null ? null : ms / 1000;
}

/** Jain's fairness index of the agents' utilisations: 1 when all carry the same load, 1/n when one carries all. */
function jain(values: number[]): number | null {
  const sum = values.reduce((s, x) => s + x, 0);
  const squares = values.reduce((s, x) => s + x * x, 0);
  return squares > 0 ? (sum * sum) / (values.length * squares) : null;
}

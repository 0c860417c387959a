import type { CallRecord } from './call-record.js';

/** What a log says happened to the calls that arrived in one interval, and who worked in it. */
export interface HistoryInterval {
  start: number;
  offered: number;
  answered: number;
  abandoned: number;
  queued: number;
  waitSum: number;
  /** Agent time spent on calls (and wrap-up) within the interval, ms. */
  busyMs: number;
  /** Agents who answered a call in the interval. */
  agents: Set<string>;
}

/**
 * A log's calls counted per interval of arrival, keyed by the interval's start: memory grows with
 * the intervals the log spans (and the agents in each), not with its calls.
 */
export class HistoryIntervals {
  readonly byStart = new Map<number, HistoryInterval>();

  constructor(readonly intervalMs: number) {}

  add(call: CallRecord): void {
    const arrival = this.at(call.arrivedAt);
    arrival.offered++;
    if (call.outcome === 'abandoned') {
      arrival.abandoned++;
      arrival.queued++;
      return;
    }
    arrival.answered++;
    arrival.waitSum += call.waitS;
    if (call.waitS > 0) arrival.queued++;
    const from = call.answeredAt!;
    if (call.agent !== null) this.at(from).agents.add(call.agent);
    const to = from + (call.serviceS! + (call.afterCallS ?? 0)) * 1000;
    for (let start = this.startOf(from); start < to; start += this.intervalMs) {
      this.at(start).busyMs += Math.min(to, start + this.intervalMs) - Math.max(from, start);
    }
  }

  /** The first and last interval starts seen, or null when no call was read. */
  span(): { first: number; last: number } | null {
    if (this.byStart.size === 0) return null;
    let first = Infinity;
    let last = -Infinity;
    for (const start of this.byStart.keys()) {
      first = Math.min(first, start);
      last = Math.max(last, start);
    }
    return { first, last };
  }

  startOf(at: number): number {
    return Math.floor(at / this.intervalMs) * this.intervalMs;
  }

  private at(instant: number): HistoryInterval {
    const start = this.startOf(instant);
    let interval = this.byStart.get(start);
    if (!interval) {
      interval = { start, offered: 0, answered: 0, abandoned: 0, queued: 0, waitSum: 0, busyMs: 0, agents: new Set() };
      this.byStart.set(start, interval);
    }
    return interval;
  }
}

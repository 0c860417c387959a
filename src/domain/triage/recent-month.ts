import type { LabelledText } from './classifier/index.js';
import type { TrainingSet } from './training-set.js';

/** The span a backtest holds out: the 30 days up to the newest finished ticket. */
export const RECENT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A training set cut in time: what a model learns from, and the month it is then scored on. */
export interface RecentMonthSplit {
  /** The month's bounds (ms): tickets finished after `from`, up to `to`. */
  from: number;
  to: number;
  earlier: LabelledText[];
  recent: LabelledText[];
}

/**
 * Splits a training set at the month before its newest ticket, so a model trained on the earlier
 * tickets can be scored on that month as if it had met them new; null when either side could not
 * serve (no ticket in the month, or fewer than two labels before it).
 */
export function recentMonthSplit(set: TrainingSet): RecentMonthSplit | null {
  const to = set.tickets.reduce((newest, ticket) => Math.max(newest, ticket.finishedAt), -Infinity);
  const from = to - RECENT_DAYS * DAY_MS;
  const earlier: LabelledText[] = [];
  const recent: LabelledText[] = [];
  set.tickets.forEach((ticket, i) => (ticket.finishedAt > from ? recent : earlier).push(set.examples[i]!));
  if (recent.length === 0 || new Set(earlier.map((e) => e.label)).size < 2) return null;
  return { from, to, earlier, recent };
}

import { fail } from '../errors.js';

export const METRICS_GROUPS = ['queue', 'agent', 'type', 'channel', 'priority'] as const;
export type MetricsGroupBy = (typeof METRICS_GROUPS)[number];

export const METRICS_INTERVALS = ['hour', 'day', 'week'] as const;
export type MetricsInterval = (typeof METRICS_INTERVALS)[number];

/** The width of one bucket of the series; buckets start at whole UTC hours, days or weeks (Mondays). */
export const INTERVAL_MS: Record<MetricsInterval, number> = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };

/** Where buckets start, counted from the epoch: 1970-01-01 was a Thursday, so weeks start 4 days later, on a Monday. */
export const INTERVAL_OFFSET_MS: Record<MetricsInterval, number> = { hour: 0, day: 0, week: 4 * 86_400_000 };

/** Only the tickets whose current value of each named field is the given one (the same fields as `groupBy`). */
export type MetricsFilter = Partial<Record<MetricsGroupBy, string>>;

const DAY_MS = 86_400_000;
/** Without `from`, a report covers the week before `to`. */
export const DEFAULT_RANGE_DAYS = 7;
/** The longest window one report covers; longer ones are refused rather than left to run for minutes. */
export const MAX_RANGE_DAYS = 366;
/** The longest window an hourly series covers (31 days is 744 points). */
export const MAX_HOURLY_DAYS = 31;

/** A half-open window of time [from, to), in milliseconds. */
export interface MetricsWindow {
  from: number;
  to: number;
}

/** A window and the tickets it looks at: what every aggregate of the store is asked for. */
export interface MetricsScope extends MetricsWindow {
  filter: MetricsFilter;
}

/** What a report is asked for, checked. */
export interface MetricsQuery extends MetricsScope {
  groupBy: MetricsGroupBy | null;
  interval: MetricsInterval | null;
}

export interface MetricsRequest {
  from?: number;
  to?: number;
  groupBy?: MetricsGroupBy;
  interval?: MetricsInterval;
  filter?: MetricsFilter;
}

/**
 * Fills the defaults (to = now, from = a week before to) and refuses a window that is empty or
 * inverted (`invalid_range`) or longer than the report allows (`range_too_large`).
 */
export function metricsQuery(request: MetricsRequest, now: number): MetricsQuery {
  const to = request.to ?? now;
  const from = request.from ?? to - DEFAULT_RANGE_DAYS * DAY_MS;
  if (from >= to) {
    throw fail('invalid_range', '`from` must be before `to`.', { from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  }
  const maxDays = request.interval === 'hour' ? MAX_HOURLY_DAYS : MAX_RANGE_DAYS;
  if (to - from > maxDays * DAY_MS) {
    const what = request.interval === 'hour' ? 'An hourly series' : 'A report';
    throw fail('range_too_large', `${what} covers at most ${maxDays} days.`, { max_days: maxDays, interval: request.interval ?? null });
  }
  return { from, to, filter: request.filter ?? {}, groupBy: request.groupBy ?? null, interval: request.interval ?? null };
}

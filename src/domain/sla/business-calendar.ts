import { DateTime } from 'luxon';
import { WEEKDAYS } from '../agent/working-hours.js';
import type { BusinessHours } from './business-hours.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** How far a sum may look ahead before giving up: a calendar with no hours is refused when saved. */
const MAX_DAYS = 366 * 50;
/** Day plans kept per calendar; a simulator run over decades stays well under this. */
const MAX_CACHED_DAYS = 40_000;

/** Time that counts toward an SLA target: adds and measures it between instants (ms). */
export interface SlaCalendar {
  /** The instant at which `ms` of counted time has passed since `from`. */
  add(from: number, ms: number): number;
  /** Counted time (ms) between `from` and `to`; 0 when `to` is not after `from`. */
  between(from: number, to: number): number;
}

/** Calendar hours: every minute counts, around the clock. */
export const CALENDAR_TIME: SlaCalendar = {
  add: (from, ms) => from + Math.max(0, ms),
  between: (from, to) => Math.max(0, to - from),
};

/** One local day: its bounds and its open intervals, as instants. */
interface DayPlan {
  start: number;
  end: number;
  /** Flat [open, close, open, close, …] instants, sorted and disjoint. */
  open: number[];
}

/**
 * Business hours in a time zone. Each local day is turned into instants once (with luxon, so
 * daylight-saving days are 23 or 25 hours long and 09:00 stays 09:00) and cached, so adding or
 * measuring time walks whole days, never minutes.
 */
export class BusinessCalendar implements SlaCalendar {
  private readonly days = new Map<number, DayPlan>();
  /** Minutes after local midnight per ISO weekday index (0 = Monday). */
  private readonly weekly: [number, number][][];
  private readonly holidays: Set<number>;
  /** The last zone offset seen (ms), to guess the local day of an instant without luxon. */
  private offsetHint = 0;

  constructor(private readonly hours: Pick<BusinessHours, 'timeZone' | 'weekly' | 'holidays'>) {
    this.weekly = WEEKDAYS.map((day) => (hours.weekly[day] ?? [])
      .map((range): [number, number] => [minutesOf(range.start), minutesOf(range.end)])
      .sort((a, b) => a[0] - b[0]));
    this.holidays = new Set(hours.holidays.map((holiday) => dayNumberOf(holiday.date)));
  }

  /** The instant `ms` of business time after `from` (`from` itself for none); the end of an open interval counts as reached. */
  add(from: number, ms: number): number {
    if (ms <= 0) return from;
    let left = ms;
    let day = this.localDay(from);
    for (let i = 0; i < MAX_DAYS; i++, day++) {
      const open = this.plan(day).open;
      for (let k = 0; k < open.length; k += 2) {
        const start = Math.max(open[k]!, from);
        const end = open[k + 1]!;
        if (start >= end) continue;
        if (end - start >= left) return start + left;
        left -= end - start;
      }
    }
    throw new Error(`The calendar has no business hours within ${MAX_DAYS} days.`);
  }

  /** Business time (ms) between two instants. */
  between(from: number, to: number): number {
    if (to <= from) return 0;
    let total = 0;
    const last = this.localDay(to);
    for (let day = this.localDay(from); day <= last; day++) {
      const open = this.plan(day).open;
      for (let k = 0; k < open.length; k += 2) {
        const start = Math.max(open[k]!, from);
        const end = Math.min(open[k + 1]!, to);
        if (end > start) total += end - start;
      }
    }
    return total;
  }

  /** The local day (days since 1970-01-01 in the zone's calendar) that holds `at`. */
  private localDay(at: number): number {
    let day = Math.floor((at + this.offsetHint) / DAY_MS);
    for (;;) {
      const plan = this.plan(day);
      if (at < plan.start) day--;
      else if (at >= plan.end) day++;
      else return day;
    }
  }

  private plan(day: number): DayPlan {
    const cached = this.days.get(day);
    if (cached) return cached;
    if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
    const start = this.instant(day, 0);
    const end = this.instant(day + 1, 0);
    this.offsetHint = day * DAY_MS - start;
    const open: number[] = [];
    const weekday = (((day + 3) % 7) + 7) % 7;
    if (!this.holidays.has(day)) {
      for (const [from, to] of this.weekly[weekday]!) {
        // Local times that a daylight-saving jump skips land after the jump; never overlap or invert.
        const opens = Math.max(this.instant(day, from), open.at(-1) ?? start);
        const closes = to >= 1440 ? end : this.instant(day, to);
        if (closes > opens) open.push(opens, closes);
      }
    }
    const plan = { start, end, open };
    this.days.set(day, plan);
    return plan;
  }

  /** The instant of a local wall-clock time on a local day. */
  private instant(day: number, minutes: number): number {
    const date = new Date(day * DAY_MS);
    return DateTime.fromObject({
      year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(),
      hour: Math.floor(minutes / 60), minute: minutes % 60,
    }, { zone: this.hours.timeZone }).toMillis();
  }
}

/** Adds `minutes` of counted time to `from` (fractions allowed). */
export function addBusinessMinutes(calendar: SlaCalendar, from: number, minutes: number): number {
  return calendar.add(from, minutes * MINUTE_MS);
}

/** Counted minutes between two instants (fractional). */
export function businessMinutesBetween(calendar: SlaCalendar, from: number, to: number): number {
  return calendar.between(from, to) / MINUTE_MS;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
function dayNumberOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y!, m! - 1, d!) / DAY_MS);
}

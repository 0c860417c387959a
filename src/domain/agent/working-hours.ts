import { fail } from '../errors.js';
import { isKnownTimeZone } from '../shared/time-zone.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface TimeRange {
  start: string;
  end: string;
}

/** When someone works, in their own time zone: ranges of HH:MM per weekday. */
export interface WorkingHours {
  timezone: string;
  days: Partial<Record<Weekday, TimeRange[]>>;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Throws `invalid_value` naming the path of the first mistake: unknown zone, bad times, overlaps. */
export function assertValidWorkingHours(hours: WorkingHours, path: string): void {
  if (!isKnownTimeZone(hours.timezone)) {
    throw fail('invalid_value', `Unknown time zone "${hours.timezone}".`, { path: `${path}/timezone` });
  }
  for (const [day, ranges] of Object.entries(hours.days)) {
    const minutes = (ranges ?? []).map((range, i) => toMinutes(range, `${path}/days/${day}/${i}`));
    minutes.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < minutes.length; i++) {
      if (minutes[i]![0] < minutes[i - 1]![1]) {
        throw fail('invalid_value', `Working hours on ${day} overlap.`, { path: `${path}/days/${day}` });
      }
    }
  }
}

function toMinutes(range: TimeRange, path: string): [number, number] {
  if (!HHMM.test(range.start) || !HHMM.test(range.end)) {
    throw fail('invalid_value', 'Times are written HH:MM (00:00 to 24:00).', { path });
  }
  const start = minutesOf(range.start);
  const end = minutesOf(range.end);
  if (end <= start) throw fail('invalid_value', 'A range must end after it starts.', { path });
  return [start, end];
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

import { WEEKDAYS, type TimeRange, type Weekday } from '../agent/working-hours.js';
import { isKnownTimeZone } from '../shared/time-zone.js';

/** A day the team is closed, whatever the weekly hours say. */
export interface Holiday {
  /** The local date, YYYY-MM-DD. */
  date: string;
  name: string | null;
}

/** What a client gives to define business hours. */
export interface BusinessHoursDocument {
  name: string;
  timeZone: string;
  weekly: Partial<Record<Weekday, TimeRange[]>>;
  holidays: Holiday[];
}

/** A saved business-hours calendar that SLA targets may count in. */
export interface BusinessHours extends BusinessHoursDocument {
  id: string;
  workspaceId: string;
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** One mistake in a settings document, at its JSON-pointer path. */
export interface SettingsError {
  path: string;
  message: string;
  position?: { offset: number; line: number; column: number; length: number };
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Every mistake in a business-hours document (unknown zone, bad or inverted or overlapping hours, bad dates); empty when it is sound. */
export function checkBusinessHours(document: BusinessHoursDocument): SettingsError[] {
  const errors: SettingsError[] = [];
  if (!isKnownTimeZone(document.timeZone)) {
    errors.push({ path: '/time_zone', message: `Unknown time zone "${document.timeZone}"; use an IANA name such as "Europe/Stockholm".` });
  }
  let open = 0;
  for (const [day, ranges] of Object.entries(document.weekly)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      errors.push({ path: `/weekly/${day}`, message: `"${day}" is not a weekday; use ${WEEKDAYS.join(', ')}.` });
      continue;
    }
    open += checkDay(day, ranges ?? [], errors);
  }
  if (open === 0 && errors.length === 0) errors.push({ path: '/weekly', message: 'Business hours need at least one open range in the week.' });
  checkHolidays(document.holidays, errors);
  return errors;
}

/** Checks one weekday's ranges; returns how many are sound. */
function checkDay(day: string, ranges: TimeRange[], errors: SettingsError[]): number {
  const sound: { index: number; start: number; end: number }[] = [];
  ranges.forEach((range, index) => {
    const path = `/weekly/${day}/${index}`;
    const start = timeOf(range.start, `${path}/start`, errors);
    const end = timeOf(range.end, `${path}/end`, errors);
    if (start === undefined || end === undefined) return;
    if (end <= start) {
      errors.push({ path: `${path}/end`, message: `The range ends (${range.end}) before it starts (${range.start}); split a night shift at midnight.` });
      return;
    }
    sound.push({ index, start, end });
  });
  sound.sort((a, b) => a.start - b.start);
  for (let i = 1; i < sound.length; i++) {
    const previous = sound[i - 1]!;
    if (sound[i]!.start < previous.end) {
      errors.push({ path: `/weekly/${day}/${sound[i]!.index}`, message: `This range overlaps range ${previous.index} of ${day}.` });
    }
  }
  return sound.length;
}

function timeOf(text: string, path: string, errors: SettingsError[]): number | undefined {
  if (!HHMM.test(text)) {
    errors.push({ path, message: `"${text}" is not a time; write HH:MM from 00:00 to 24:00.` });
    return undefined;
  }
  const [h, m] = text.split(':');
  return Number(h) * 60 + Number(m);
}

function checkHolidays(holidays: Holiday[], errors: SettingsError[]): void {
  const seen = new Map<string, number>();
  holidays.forEach((holiday, index) => {
    const path = `/holidays/${index}/date`;
    if (!isCalendarDate(holiday.date)) {
      errors.push({ path, message: `"${holiday.date}" is not a date; write YYYY-MM-DD.` });
    } else if (seen.has(holiday.date)) {
      errors.push({ path, message: `${holiday.date} is already holiday ${seen.get(holiday.date)}.` });
    }
    seen.set(holiday.date, index);
  });
}

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

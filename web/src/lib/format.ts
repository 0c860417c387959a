/** Plain-language times and labels; everything returns text, never markup. */
import type { Locale } from '../../../src/domain/i18n/locales';
import { DONE_STATUSES, TICKET_STATUSES } from '../../../src/domain/ticket/status';

/** The tag `Intl` formats a dashboard language with (Chinese is written in simplified characters). */
function intlTag(locale: Locale): string {
  return locale === 'zh' ? 'zh-Hans' : locale;
}

const absolute = new Map<string, Intl.DateTimeFormat>();
const relative = new Map<Locale, Intl.RelativeTimeFormat>();

/**
 * A moment as people of the chosen language write it (date and time, short), on the clock of
 * `timeZone` (an IANA name; null: the browser's).
 */
export function formatWhen(locale: Locale, timeZone: string | null, iso: string | null | undefined): string {
  if (!iso) return '—';
  const key = `${locale} ${timeZone ?? ''}`;
  if (!absolute.has(key)) {
    absolute.set(key, new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone ?? undefined }));
  }
  return absolute.get(key)!.format(new Date(iso));
}

/** "3 minutes ago", "in 2 hours" relative to `now`, in the chosen language. */
export function formatAgo(locale: Locale, iso: string | null | undefined, now: number): string {
  if (!iso) return '—';
  if (!relative.has(locale)) relative.set(locale, new Intl.RelativeTimeFormat(intlTag(locale), { numeric: 'auto' }));
  const format = relative.get(locale)!;
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}

const durations = new Map<string, Intl.NumberFormat>();

/** A number of `unit`s as the chosen language abbreviates them ("12 min", "12 分钟", "12 min."). */
function formatUnit(locale: Locale, value: number, unit: 'second' | 'minute' | 'hour' | 'day', digits: number, fixed = false): string {
  const key = `${locale} ${unit} ${digits} ${fixed}`;
  if (!durations.has(key)) {
    const options = { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 } as const;
    durations.set(key, new Intl.NumberFormat(intlTag(locale), options));
  }
  return durations.get(key)!.format(value);
}

/**
 * A duration in seconds in the largest unit under which it stays readable ("45 s", "12 min", "3.5 h",
 * "2.1 d" in English), with the unit's short name in the chosen language.
 */
export function formatSeconds(seconds: number | null | undefined, locale: Locale): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return formatUnit(locale, Math.round(seconds), 'second', 0);
  if (seconds < 3600) return formatUnit(locale, Math.round(seconds / 60), 'minute', 0);
  if (seconds < 86_400) return formatUnit(locale, seconds / 3600, 'hour', 1);
  return formatUnit(locale, seconds / 86_400, 'day', 1);
}

/** As formatSeconds, with a decimal under a minute: a simulated ASA of 8.2 s should not read as 8 s. */
export function formatSecondsFine(seconds: number | null | undefined, locale: Locale): string {
  if (seconds === null || seconds === undefined || seconds >= 60) return formatSeconds(seconds, locale);
  return formatUnit(locale, seconds, 'second', 1, true);
}

export function formatRatio(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? '—' : `${Math.round(ratio * 100)} %`;
}

/** snake_case and dotted identifiers as words: "in_progress" → "in progress". */
export function humanize(value: string | null | undefined): string {
  return value ? value.replace(/[_.]/g, ' ') : '—';
}

// The server's own lists, so a status, priority, channel or presence added there reaches every menu.
export { TICKET_STATUSES as STATUSES } from '../../../src/domain/ticket/status';
export { CHANNELS, PRIORITIES } from '../../../src/domain/ticket/ticket';
export { PRESENCES } from '../../../src/domain/agent/agent';

/** The statuses of work not yet done, in the server's order. */
export const OPEN_STATUSES = TICKET_STATUSES.filter((status) => !DONE_STATUSES.has(status));

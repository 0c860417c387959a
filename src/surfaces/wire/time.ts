const DAY_MS = 86_400_000;
/** The first millisecond of year 10000: from there on (and before 1970) the built-in formatter answers. */
const YEAR_10000_MS = 253_402_300_800_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * Milliseconds since the epoch as an ISO 8601 string (or null), exactly as `Date#toISOString`
 * writes it. Every ticket on the wire carries several timestamps, and a page of them spent ~5 %
 * of a desk request's CPU in `toISOString`; the date is worked out here with integers (the
 * proleptic Gregorian calendar, days from civil dates as in Howard Hinnant's `civil_from_days`),
 * three times faster.
 */
export function iso(ms: number): string;
export function iso(ms: number | null): string | null;
export function iso(ms: number | null): string | null {
  if (ms === null) return null;
  if (!(ms >= 0 && ms < YEAR_10000_MS) || ms % 1 !== 0) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  const { year, month, day } = civilDate(days);
  let rest = ms - days * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const two = TWO_DIGITS;
  return `${two[Math.floor(year / 100)]}${two[year % 100]}-${two[month]}-${two[day]}T${two[hours]}:${two[minutes]}:${two[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}Z`;
}

/** The year, month (1–12) and day (1–31) of a count of days since 1970-01-01 (not negative). */
function civilDate(days: number): { year: number; month: number; day: number } {
  const shifted = days + 719_468; // days since 0000-03-01, so that a leap day ends each year
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1 };
}

/** An ISO 8601 string from a client as milliseconds (schema validation has checked the format). */
export function fromIso(value: string | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  return Date.parse(value);
}

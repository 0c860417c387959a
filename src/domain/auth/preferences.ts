import { isKnownTimeZone } from '../shared/time-zone.js';
import { fail } from '../errors.js';
import { LOCALES, isLocale, type Locale } from '../i18n/locales.js';

/** How a person reads the dashboard: its language and the time zone of its dates; null follows the browser. */
export interface Preferences {
  language: Locale | null;
  timeZone: string | null;
}

/** A change of some preferences: a field left out stays as it is, null returns it to the browser's. */
export interface PreferencesChange {
  language?: string | null;
  timeZone?: string | null;
}

/** The preferences after `change`; an unknown language or IANA time zone is `invalid_value`. */
export function changedPreferences(current: Preferences, change: PreferencesChange): Preferences {
  const { language = current.language, timeZone = current.timeZone } = change;
  if (language !== null && !isLocale(language)) {
    throw fail('invalid_value', `Unknown language "${language}"; use one of ${LOCALES.join(', ')}.`, { path: '/language' });
  }
  if (timeZone !== null && !isKnownTimeZone(timeZone)) {
    throw fail('invalid_value', `Unknown time zone "${timeZone}"; use an IANA name such as Europe/Helsinki.`, { path: '/time_zone' });
  }
  return { language, timeZone };
}

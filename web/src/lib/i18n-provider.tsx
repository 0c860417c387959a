import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LOCALES, isLocale, type Locale } from '../../../src/domain/i18n/locales';
import { catalogue, startingLocale, type Translate } from './i18n';
import type { PersonalPreferences } from './types';

/** What a signed-in person chose to read the dashboard in (GET /v1/me); null follows the browser. */

interface I18n {
  locale: Locale;
  /** The IANA time zone dates are shown in: the signed-in person's, or null for the browser's. */
  timeZone: string | null;
  t: Translate;
  /** Switches the language and keeps it in the address (`?lang=`), so a reload or a shared link keeps it too. */
  choose(locale: Locale): void;
  /** Takes the page's own language (a ticket's) unless one was chosen. */
  adopt(own: string | null): void;
  /** Takes the signed-in person's language (unless the address chose one) and time zone. */
  prefer(person: PersonalPreferences): void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { initial: Locale; children: ReactNode }) {
  const [locale, setLocale] = useState(props.initial);
  const [timeZone, setTimeZone] = useState<string | null>(null);
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-Hans' : locale;
  }, [locale]);
  const choose = useCallback((next: Locale) => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(window.history.state, '', url);
    setLocale(next);
  }, []);
  const adopt = useCallback((own: string | null) => setLocale(startingLocale(own)), []);
  const prefer = useCallback((person: PersonalPreferences) => {
    setLocale(startingLocale(person.language));
    setTimeZone(person.time_zone);
  }, []);
  const value = useMemo<I18n>(
    () => ({ locale, timeZone, t: catalogue.forLocale(locale), choose, adopt, prefer }),
    [locale, timeZone, choose, adopt, prefer],
  );
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** The language picker: each language named in itself. */
export function LanguagePicker(props: { label: string }) {
  const { locale, choose } = useI18n();
  return (
    <label className="language-picker">
      <span>{props.label}</span>
      <select value={locale} onChange={(event) => { if (isLocale(event.target.value)) choose(event.target.value); }}>
        {LOCALES.map((option) => <option key={option} value={option} lang={option}>{catalogue.translate(option, `language.${option}`)}</option>)}
      </select>
    </label>
  );
}

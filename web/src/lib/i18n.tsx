import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import en from '../../../locales/en.json';
import fi from '../../../locales/fi.json';
import id from '../../../locales/id.json';
import sv from '../../../locales/sv.json';
import zh from '../../../locales/zh.json';
import { LOCALES, isLocale, resolveLocale, type Locale } from '../../../src/domain/i18n/locales';
import { MessageCatalogue, type MessageValues } from '../../../src/domain/i18n/message-catalogue';

// The same files and the same catalogue code as the server's: a translator edits locales/*.json once.
export const catalogue = new MessageCatalogue({ en, id, sv, fi, zh });

export type Translate = (key: string, values?: MessageValues) => string;

/** The language asked for in the address (`?lang=`, which the picker keeps up to date); null when none. */
function chosenLocale(): Locale | null {
  const asked = new URLSearchParams(window.location.search).get('lang');
  return isLocale(asked) ? asked : null;
}

/** The language a page starts in: the one chosen, then the page's own (a ticket's), then the browser's. */
export function startingLocale(own: string | null = null): Locale {
  return chosenLocale() ?? resolveLocale(own, ...navigator.languages, navigator.language);
}

interface I18n {
  locale: Locale;
  t: Translate;
  /** Switches the language and keeps it in the address (`?lang=`), so a reload or a shared link keeps it too. */
  choose(locale: Locale): void;
  /** Takes the page's own language (a ticket's) unless one was chosen. */
  adopt(own: string | null): void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { initial: Locale; children: ReactNode }) {
  const [locale, setLocale] = useState(props.initial);
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
  const value = useMemo<I18n>(() => ({ locale, t: catalogue.forLocale(locale), choose, adopt }), [locale, choose, adopt]);
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

/** A moment as people of the locale write it (date and time, short). */
export function formatMoment(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

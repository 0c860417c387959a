import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LOCALES, isLocale, type Locale } from '../../../src/domain/i18n/locales';
import { catalogue, startingLocale, type Translate } from './i18n';

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

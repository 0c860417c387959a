import en from '../../../locales/en.json';
import fi from '../../../locales/fi.json';
import id from '../../../locales/id.json';
import sv from '../../../locales/sv.json';
import zh from '../../../locales/zh.json';
import { isLocale, resolveLocale, type Locale } from '../../../src/domain/i18n/locales';
import { MessageCatalogue, type MessageValues } from '../../../src/domain/i18n/message-catalogue';

// The same files and the same catalogue code as the server's: a translator edits locales/*.json once.
export const catalogue = new MessageCatalogue({ en, id, sv, fi, zh });

export type Translate = (key: string, values?: MessageValues) => string;

/**
 * The language asked for in the address (`?lang=`, which the picker keeps up to date), before the
 * hash or inside the dashboard's hash route (`#/tickets?lang=fi`); null when none.
 */
function chosenLocale(): Locale | null {
  const hashQuery = window.location.hash.split('?')[1] ?? '';
  const asked = new URLSearchParams(window.location.search).get('lang') ?? new URLSearchParams(hashQuery).get('lang');
  return isLocale(asked) ? asked : null;
}

/** The language a page starts in: the one chosen, then the page's own (a ticket's), then the browser's. */
export function startingLocale(own: string | null = null): Locale {
  return chosenLocale() ?? resolveLocale(own, ...navigator.languages, navigator.language);
}


/** Drops `?lang=` from the address, so the person's own language (or the browser's) counts again. */
export function forgetChosenLocale(): void {
  const url = new URL(window.location.href);
  url.searchParams.delete('lang');
  const [route = '', query] = url.hash.split('?');
  if (query !== undefined) {
    const params = new URLSearchParams(query);
    params.delete('lang');
    const rest = params.toString();
    url.hash = rest ? `${route}?${rest}` : route;
  }
  window.history.replaceState(window.history.state, '', url);
}

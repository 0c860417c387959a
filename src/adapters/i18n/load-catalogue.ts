import { readFileSync } from 'node:fs';
import { LOCALES, type Locale } from '../../domain/i18n/locales.js';
import { MessageCatalogue, type MessageTree } from '../../domain/i18n/message-catalogue.js';

/** The translators' files, one JSON file per locale, shared by the server, the emails and the dashboard. */
export const LOCALES_DIR = new URL('../../../../locales/', import.meta.url);

let shared: MessageCatalogue | null = null;

/** Reads every locale file of a directory (each must exist: a translator removing one should notice). */
export function loadCatalogue(dir: URL = LOCALES_DIR): MessageCatalogue {
  const trees: Partial<Record<Locale, MessageTree>> = {};
  for (const locale of LOCALES) {
    const file = new URL(`${locale}.json`, dir);
    trees[locale] = JSON.parse(readFileSync(file, 'utf8')) as MessageTree;
  }
  return new MessageCatalogue(trees);
}

/** The catalogue of the shipped locale files, read once per process. */
export function sharedCatalogue(): MessageCatalogue {
  shared ??= loadCatalogue();
  return shared;
}

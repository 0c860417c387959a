import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.js';

/** A translator's file: nested objects of strings, addressed by dotted keys (`email.resolved.subject`). */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

export type MessageValues = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{([a-z_][a-z0-9_]*)\}/gi;

/** Flattens a translator's file to dotted keys. */
export function flattenMessages(tree: MessageTree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [inner, text] of flattenMessages(value, path)) flat.set(inner, text);
  }
  return flat;
}

/** The `{name}` placeholders a message uses. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** Replaces `{name}` with its value; a placeholder without a value stays as written, so a gap shows. */
export function interpolate(message: string, values: MessageValues = {}): string {
  return message.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Every locale's messages. A key a locale lacks falls back to English; a key English lacks is
 * returned as is. Counted messages pick `key_one` / `key_other` by the locale's plural rules when
 * `values.count` is a number.
 */
export class MessageCatalogue {
  private readonly messages: ReadonlyMap<Locale, ReadonlyMap<string, string>>;
  private readonly plurals = new Map<Locale, Intl.PluralRules>();

  constructor(trees: Partial<Record<Locale, MessageTree>>) {
    this.messages = new Map(LOCALES.map((locale) => [locale, flattenMessages(trees[locale] ?? {})]));
  }

  /** The message for a key in a locale, with its placeholders filled. */
  translate(locale: Locale, key: string, values: MessageValues = {}): string {
    const resolved = typeof values.count === 'number' ? this.pluralKey(locale, key, values.count) : key;
    const message = this.lookup(locale, resolved) ?? this.lookup(locale, key) ?? key;
    return interpolate(message, values);
  }

  /** A translator for one locale, for code that speaks a single language throughout. */
  forLocale(locale: Locale): (key: string, values?: MessageValues) => string {
    return (key, values) => this.translate(locale, key, values);
  }

  /** The keys of a locale's own file (without fall-backs). */
  keys(locale: Locale): string[] {
    return [...(this.messages.get(locale)?.keys() ?? [])];
  }

  private lookup(locale: Locale, key: string): string | undefined {
    return this.messages.get(locale)?.get(key) ?? this.messages.get(DEFAULT_LOCALE)?.get(key);
  }

  private pluralKey(locale: Locale, key: string, count: number): string {
    let rules = this.plurals.get(locale);
    if (!rules) {
      rules = new Intl.PluralRules(locale);
      this.plurals.set(locale, rules);
    }
    const form = `${key}_${rules.select(count)}`;
    return this.lookup(locale, form) !== undefined ? form : `${key}_other`;
  }
}

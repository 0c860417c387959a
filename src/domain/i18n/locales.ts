/** The languages Switchboard speaks to requesters and agents; English is the fall-back. */
export const LOCALES = ['en', 'id', 'sv', 'fi', 'zh'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

const KNOWN: ReadonlySet<string> = new Set(LOCALES);

/** Malay is written and read like Indonesian by most requesters; the detector often names it. */
const SAME_AS: Readonly<Record<string, Locale>> = { ms: 'id', in: 'id' };

/**
 * The first candidate (a BCP 47 tag such as `zh-Hans-CN`, `sv_SE` or `fi`) that names a supported
 * language, by its primary subtag; English when none does.
 */
export function resolveLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const primary = candidate.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    const locale = SAME_AS[primary] ?? primary;
    if (KNOWN.has(locale)) return locale as Locale;
  }
  return DEFAULT_LOCALE;
}

/** Whether a value names a supported locale exactly. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && KNOWN.has(value);
}

/** The locales an `Accept-Language` header asks for, best first (weights honoured, `*` ignored). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header.split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((q) => q !== undefined);
      return { tag: tag.trim(), q: weight === undefined ? 1 : Number(weight), index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

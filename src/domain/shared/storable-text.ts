// NUL cannot be stored in PostgreSQL text, and an unpaired surrogate is not valid Unicode.
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found.
export const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** Promises text every backend stores as it is: NUL and unpaired surrogates become U+FFFD. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE_ALL, '\ufffd');
}

/** True when some string or key inside a JSON value holds text no backend can store. */
export function holdsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(holdsUnstorableText);
  return Object.entries(value).some(([key, item]) => UNSTORABLE.test(key) || holdsUnstorableText(item));
}

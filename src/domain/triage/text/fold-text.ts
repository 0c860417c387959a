/**
 * Text as the triage signals compare it. Tickets arrive in any script and any shape (pasted
 * e-mails, full-width forms, emoji, stray control characters), so every reader folds the text the
 * same way before looking at it.
 */

/** Scripts written without spaces between words: matched and split character by character. */
export const SPACELESS_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu;

/** At most `max` UTF-16 units of `text`, never ending in half a surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * Promises lower case in compatibility form (full-width letters become ASCII, ligatures split),
 * with every run of punctuation, symbols and spaces made one space, and no space at either end.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/['’`]/g, '').replace(NOT_WORD, ' ').trim();
}

/** True when the text holds a character of a script written without spaces. */
export function hasSpacelessScript(text: string): boolean {
  return SPACELESS_SCRIPT.test(text);
}

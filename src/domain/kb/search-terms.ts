import { SPACELESS_SCRIPT, clipText } from '../triage/text/fold-text.js';

/** A query longer than this many words is cut: nobody types more, and a ticket's text is trimmed to its salient words. */
export const MAX_TERMS = 24;
const SPACELESS_CHAR = new RegExp(SPACELESS_SCRIPT.source, 'gu');

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Promises text as the full-text engines index it: in compatibility form (full-width letters
 * made plain), with every character of a spaceless script (Chinese, Japanese, Thai) standing
 * alone, since neither SQLite's nor PostgreSQL's word splitter can cut those scripts into words.
 * Case and punctuation stay, so snippets read like the article; the engines fold case and split
 * at punctuation themselves.
 */
export function indexText(text: string): string {
  return text.normalize('NFKC').replace(SPACELESS_CHAR, ' $& ');
}

/**
 * Promises the distinct search words of a query, split as the engines split indexed text (at
 * anything but a letter or digit, spaceless scripts by character), lower-cased, at most MAX_TERMS.
 */
export function searchTerms(query: string): string[] {
  const words = indexText(clipText(query, 2_000)).toLowerCase().replace(NOT_WORD, ' ').split(' ');
  return [...new Set(words.filter(Boolean))].slice(0, MAX_TERMS);
}

/** Promises a snippet with the spaces `indexText` put between characters of spaceless scripts taken out again. */
export function readableSnippet(snippet: string): string {
  return snippet.replace(/ {2,}/g, ' ').replace(new RegExp(`(${SPACELESS_SCRIPT.source}(?:\\*\\*)?) (?=(?:\\*\\*)?${SPACELESS_SCRIPT.source})`, 'gu'), '$1').trim();
}

/** Words too common to tell articles apart; left out when a ticket's whole text becomes a query. */
const COMMON = new Set([
  'the', 'a', 'an', 'and', 'or', 'to', 'of', 'in', 'on', 'for', 'with', 'is', 'are', 'was', 'be', 'it', 'this', 'that', 'i',
  'you', 'we', 'my', 'me', 'no', 'can', 'please', 'help', 'hi', 'hello', 'not', 'do', 'how', 'what', 'have', 'has', 'need', 'want',
  'yang', 'dan', 'di', 'ke', 'saya', 'tolong', 'untuk', 'dengan', 'tidak', 'och', 'att', 'jag', 'det', 'en', 'är', 'inte',
  'ja', 'on', 'ei', 'minä', 'en', 'se', 'voi',
]);

/**
 * Promises the words of a ticket's text to look articles up by: its distinct, not-so-common
 * words, title first, longest first among the rest, at most MAX_TERMS. Any of them may match.
 */
export function salientTerms(title: string, description: string): string[] {
  const titleWords = searchTerms(title).filter((word) => !COMMON.has(word));
  const rest = searchTerms(clipText(description, 5_000)).filter((word) => !COMMON.has(word) && !titleWords.includes(word));
  return [...titleWords, ...rest.sort((a, b) => [...b].length - [...a].length)].slice(0, MAX_TERMS);
}

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
  return [...wordsOf(clipText(query, 2_000))].slice(0, MAX_TERMS);
}

/** The distinct words of a text, split and lower-cased as `searchTerms` does, in order, all of them. */
function wordsOf(text: string): Set<string> {
  return new Set(indexText(text).toLowerCase().replace(NOT_WORD, ' ').split(' ').filter(Boolean));
}

/** Promises a snippet with the spaces `indexText` put between characters of spaceless scripts taken out again. */
export function readableSnippet(snippet: string): string {
  return snippet.replace(/ {2,}/g, ' ').replace(new RegExp(`(${SPACELESS_SCRIPT.source}(?:\\*\\*)?) (?=(?:\\*\\*)?${SPACELESS_SCRIPT.source})`, 'gu'), '$1').trim();
}

/** Words too common to tell articles apart; left out when a ticket's whole text becomes a query. */
const COMMON = new Set([
  'the', 'a', 'an', 'and', 'or', 'to', 'of', 'in', 'on', 'for', 'with', 'is', 'are', 'was', 'be', 'it', 'this', 'that', 'i',
  'you', 'we', 'my', 'me', 'no', 'can', 'please', 'help', 'hi', 'hello', 'not', 'do', 'how', 'what', 'have', 'has', 'need', 'want',
  'am', 'im', 'don', 'dont', 't', 's', 'm', 'does', 'did', 'will', 'would', 'could', 'should', 'your', 'our', 'at', 'from', 'about',
  'if', 'there', 'where', 'when', 'which', 'who', 'why', 'some', 'any', 'know', 'see', 'get', 'like', 'make', 'find', 'give', 'look',
  'check', 'trying', 'try', 'assistance', 'assist', 'support', 'information', 'info', 'possible', 'way', 'some', 'one', 'new',
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

/**
 * How much of a ticket's wording an article must share to be suggested: a salient word in the
 * article's title or tags counts 2, one only in its body 1. A single shared word of the body
 * ("order", "account") is no sign that the article answers the ticket. Measured on the demo desk
 * in docs/triage-signals.md.
 */
export const MIN_SHARED_WEIGHT = 2;

/** Whether an article shares enough of a ticket's salient words to be suggested for it (see MIN_SHARED_WEIGHT). */
export function sharesEnoughWords(salient: readonly string[], heading: string, body: string): boolean {
  const inHeading = wordsOf(heading);
  const inBody = wordsOf(body);
  let weight = 0;
  for (const word of salient) weight += inHeading.has(word) ? 2 : inBody.has(word) ? 1 : 0;
  return weight >= MIN_SHARED_WEIGHT;
}

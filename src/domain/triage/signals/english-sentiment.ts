import type vaderSentiment from 'vader-sentiment';
import { lazyModule } from '../../shared/lazy-module.js';

/** VADER's lexicon (~10 MB while loading), loaded with the first text. */
const vader = lazyModule<typeof vaderSentiment>('vader-sentiment');

/** The characters VADER strips as punctuation (Python's `string.punctuation`). */
const PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
/** The marks VADER strips from the start or end of a word, as whole runs. */
const PUNCTUATION_RUNS = new Set(['.', '!', '?', ',', ';', ':', '-', "'", '"', '!!', '!!!', '??', '???', '?!?', '!?!', '?!?!', '!?!?']);
/**
 * VADER's booster words (vader-sentiment's BOOSTER_DICT, Apache-2.0, see NOTICE): they scale the
 * word after them and carry no valence of their own, so they score 0 in place.
 */
const BOOSTERS = new Set([
  'absolutely', 'amazingly', 'awfully', 'completely', 'considerably', 'decidedly', 'deeply', 'effing', 'enormously',
  'entirely', 'especially', 'exceptionally', 'extremely', 'fabulously', 'flipping', 'flippin', 'fricking', 'frickin',
  'frigging', 'friggin', 'fully', 'fucking', 'greatly', 'hella', 'highly', 'hugely', 'incredibly', 'intensely', 'majorly',
  'more', 'most', 'particularly', 'purely', 'quite', 'really', 'remarkably', 'so', 'substantially', 'thoroughly',
  'totally', 'tremendously', 'uber', 'unbelievably', 'unusually', 'utterly', 'very', 'almost', 'barely', 'hardly',
  'just enough', 'kind of', 'kinda', 'kindof', 'kind-of', 'less', 'little', 'marginally', 'occasionally', 'partly',
  'scarcely', 'slightly', 'somewhat', 'sort of', 'sorta', 'sortof', 'sort-of',
]);

/**
 * Promises VADER's compound score of `text` (-1 … 1), equal to vader-sentiment's
 * `polarity_scores(text).compound`. Its tokenizer is replaced: the library builds, for every text,
 * a dictionary of each word with each of 17 punctuation marks before and after it (three
 * quarters of its time); the same words come from one pass over each token.
 */
export function englishCompound(text: string): number {
  const analyzer = vader().SentimentIntensityAnalyzer;
  const words = wordsAndEmoticons(text);
  const sentiText = { text, words_and_emoticons: words, is_cap_diff: capitalsDiffer(words) };
  let sentiments: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.toLowerCase();
    if ((lower === 'kind' && i < words.length - 1 && words[i + 1]!.toLowerCase() === 'of') || BOOSTERS.has(lower)) {
      sentiments.push(0);
      continue;
    }
    sentiments = analyzer.sentiment_valence(0, sentiText, words[i]!, i, sentiments);
  }
  return analyzer.score_valence(analyzer.but_check(words, sentiments), text).compound;
}

/**
 * VADER's words: tokens of two characters or more, each without one leading or trailing run of
 * marks when what is left is a word of two or more characters with no punctuation in it.
 * Contractions and emoticons stay whole.
 */
export function wordsAndEmoticons(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(/\s/)) {
    if (token.length > 1) words.push(stripped(token));
  }
  return words;
}

function stripped(token: string): string {
  let start = 0;
  while (start < token.length && PUNCTUATION.has(token[start]!)) start++;
  let end = token.length;
  while (end > start && PUNCTUATION.has(token[end - 1]!)) end--;
  if ((start > 0) === (end < token.length)) return token;
  const run = start > 0 ? token.slice(0, start) : token.slice(end);
  const word = token.slice(start, end);
  return PUNCTUATION_RUNS.has(run) && word.length > 1 && !hasPunctuation(word) ? word : token;
}

function hasPunctuation(word: string): boolean {
  for (const char of word) if (PUNCTUATION.has(char)) return true;
  return false;
}

/** True when some words, not all, are in capitals (VADER then stresses the capitalised ones). */
function capitalsDiffer(words: readonly string[]): boolean {
  const capitalised = words.filter((word) => /^[^a-z]*[A-Z]+[^a-z]*$/.test(word)).length;
  return capitalised > 0 && capitalised < words.length;
}

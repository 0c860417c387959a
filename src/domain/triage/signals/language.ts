import { clipText } from '../text/fold-text.js';

/** Detection reads the opening of a long text; a few hundred words settle the language. */
export const LANGUAGE_MAX_CHARS = 2_000;
/** Below this many letters a guess is a guess: "ok", "hi", an order number. */
const MIN_LETTERS = 12;
/** The identifier's probability for its first choice from which the guess sets the ticket's language. */
const SURE_PROBABILITY = 0.5;
/** Languages written without spaces need fewer characters: each one carries a word or more. */
const DENSE_SCRIPTS = new Set(['zh', 'ja']);

export interface LanguageGuess {
  /** ISO 639-1 code of the most likely language, or null when nothing could be read. */
  best: string | null;
  /** True when the guess is sure enough to set the ticket's language. */
  confident: boolean;
}

/** A language identifier's first choice for a text, with its probability (0 … 1). */
export interface LanguageCandidate {
  language: string | null;
  probability: number;
}

/** The guess for a text without letters to tell by, or before anything was read. */
export const NO_LANGUAGE: LanguageGuess = Object.freeze({ best: null, confident: false });

/**
 * Promises the guess an identifier's first choice makes for `text`: confident only with enough
 * letters and a clear probability. A guess that is not confident still chooses a lexicon.
 */
export function judgeLanguage(text: string, first: LanguageCandidate | null): LanguageGuess {
  const letters = clipText(text, LANGUAGE_MAX_CHARS).match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0 || !first?.language) return NO_LANGUAGE;
  const enough = letters >= (DENSE_SCRIPTS.has(first.language) ? 2 : MIN_LETTERS);
  return { best: first.language, confident: enough && first.probability >= SURE_PROBABILITY };
}

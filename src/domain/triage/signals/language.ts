import type * as Tinyld from 'tinyld';
import { lazyModule } from '../../shared/lazy-module.js';
import { clipText } from '../text/fold-text.js';

// tinyld's n-gram tables hold ~8 MB of heap, and parsing its 0.6 MB module takes ~35 MB more
// while it lasts: loaded with the first text, so a process or thread that never reads ticket
// text (the CLI, a routing-only worker) never pays for them.
const tinyld = lazyModule<typeof Tinyld>('tinyld');

/** Detection reads the opening of a long text; a few hundred words settle the language. */
const MAX_CHARS = 2_000;
/** Below this many letters a guess is a guess: "ok", "hi", an order number. */
const MIN_LETTERS = 12;
/** tinyld's score for its first choice at which it is taken without looking further. */
const SURE_ACCURACY = 0.5;
/** Below SURE_ACCURACY, a first choice this far ahead of the second still decides (short English scores ~0.3 against ~0.04). */
const MIN_ACCURACY = 0.2;
const MIN_LEAD = 5;

export interface LanguageGuess {
  /** ISO 639-1 code of the most likely language, or null when nothing could be read. */
  best: string | null;
  /** True when the guess is sure enough to set the ticket's language. */
  confident: boolean;
}

/**
 * Promises tinyld's most likely language of `text` and whether it is confident: enough letters
 * and a clear score. A guess that is not confident is still useful for choosing a lexicon.
 */
export function guessLanguage(text: string): LanguageGuess {
  const clipped = clipText(text, MAX_CHARS);
  const letters = clipped.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return { best: null, confident: false };
  const [first, second] = tinyld().detectAll(clipped);
  if (!first) return { best: null, confident: false };
  const clear = first.accuracy >= SURE_ACCURACY || (first.accuracy >= MIN_ACCURACY && first.accuracy >= MIN_LEAD * (second?.accuracy ?? 0));
  // Chinese needs fewer characters than alphabetic scripts: each one carries a word or more.
  const enough = letters >= (first.lang === 'zh' || first.lang === 'ja' ? 2 : MIN_LETTERS);
  return { best: first.lang, confident: enough && clear };
}

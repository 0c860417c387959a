// Scripts written without spaces between words. Their runs are cut into overlapping character
// bigrams, the usual stand-in for words when no segmenter is at hand (Chinese, Japanese, Thai…).
const UNSPACED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`;
const RUNS = new RegExp(String.raw`[${UNSPACED}]+|(?:(?![${UNSPACED}])[\p{L}\p{M}\p{N}])+`, 'gu');
const UNSPACED_START = new RegExp(String.raw`^[${UNSPACED}]`, 'u');
const DIGIT = /\p{Nd}/gu;

/** A text cut into what the features are made of. */
export interface TokenizedText {
  /** Words; runs of unspaced scripts come as character bigrams. */
  words: string[];
  /** The runs of letters and digits, one space apart, with a space at each end: the source of character n-grams. */
  clean: string;
}

/**
 * Cuts any text into lower-cased words: NFKC-normalised (full-width forms, ligatures), digits
 * folded to 0 so that order numbers share features, punctuation dropped; promises a result for
 * every string, empty or not.
 */
export function tokenize(text: string, maxChars = 4000): TokenizedText {
  // Cut again after normalising: NFKC and lower-casing may lengthen a text (ﬃ → ffi), and the
  // hasher's 16-bit counts rely on the bound.
  const normalized = text.slice(0, maxChars).normalize('NFKC').toLowerCase().slice(0, maxChars).replace(DIGIT, '0');
  const runs = normalized.match(RUNS) ?? [];
  const words: string[] = [];
  for (const run of runs) {
    const chars = UNSPACED_START.test(run) ? Array.from(run) : [];
    if (chars.length < 2) {
      words.push(run);
    } else {
      for (let i = 0; i + 1 < chars.length; i++) words.push(chars[i]! + chars[i + 1]!);
    }
  }
  return { words, clean: runs.length === 0 ? '' : ` ${runs.join(' ')} ` };
}

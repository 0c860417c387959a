import { tokenize } from './tokenizer.js';

/** The shape of the hashed feature space; part of a model, since features must be made the same way at prediction. */
export interface FeatureSpace {
  /** log2 of the buckets for word unigrams and bigrams. */
  wordBits: number;
  /** log2 of the buckets for character n-grams. */
  charBits: number;
  charMin: number;
  charMax: number;
  /** Only this many characters of a text are read (long descriptions add little and cost time). */
  maxChars: number;
}

export const DEFAULT_FEATURE_SPACE: FeatureSpace = { wordBits: 18, charBits: 18, charMin: 2, charMax: 5, maxChars: 4000 };

/**
 * Term counts of one text in the hashed space: word buckets come first (`index < wordBuckets`),
 * then character n-gram buckets. Views into the hasher's scratch memory, valid until its next call.
 */
export interface HashedCounts {
  indices: Int32Array;
  counts: Uint16Array;
  length: number;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BIGRAM_SEED = 0x5bd1e995;

/** Murmur3's finaliser: spreads FNV's weak low bits over the whole word before masking. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hashString(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * Turns text into hashed word unigram + bigram and character n-gram counts without building a
 * string per n-gram: the hot path of both training and prediction. Not re-entrant (one scratch
 * buffer per hasher), which is what keeps it allocation-free.
 */
export class FeatureHasher {
  readonly wordBuckets: number;
  readonly size: number;
  private readonly wordMask: number;
  private readonly charMask: number;
  // Counts fit 16 bits: a text is cut at `maxChars`, so no feature occurs 65,536 times. Small
  // cells keep the table (read at random) four times denser in the cache than doubles would.
  private readonly scratch: Uint16Array;
  private indices = new Int32Array(1024);
  private counts = new Uint16Array(1024);

  constructor(readonly space: FeatureSpace) {
    if (space.maxChars >= 65_536) throw new RangeError('maxChars must stay below 65,536 (counts are 16-bit).');
    this.wordBuckets = 2 ** space.wordBits;
    this.size = this.wordBuckets + 2 ** space.charBits;
    this.wordMask = this.wordBuckets - 1;
    this.charMask = 2 ** space.charBits - 1;
    this.scratch = new Uint16Array(this.size);
  }

  /** Counts of every feature of `text`; promises word buckets and character buckets never overlap. */
  hash(text: string): HashedCounts {
    const { words, clean } = tokenize(text, this.space.maxChars);
    const { charMin, charMax } = this.space;
    // Room for every feature the text can have, so the loops below never check for it.
    const most = 2 * words.length + (charMax - charMin + 1) * clean.length;
    if (most > this.indices.length) this.grow(most);
    const { scratch, indices, wordMask } = this;
    let length = 0;
    let previous = 0;
    for (let i = 0; i < words.length; i++) {
      const h = hashString(words[i]!);
      const unigram = mix(h) & wordMask;
      if (scratch[unigram]!++ === 0) indices[length++] = unigram;
      if (i > 0) {
        const bigram = mix(Math.imul(previous, BIGRAM_SEED) ^ h) & wordMask;
        if (scratch[bigram]!++ === 0) indices[length++] = bigram;
      }
      previous = h;
    }
    length = this.addCharGrams(clean, length);
    for (let i = 0; i < length; i++) {
      const index = indices[i]!;
      this.counts[i] = scratch[index]!;
      scratch[index] = 0;
    }
    return { indices, counts: this.counts, length };
  }

  /** Counts the character n-grams of `clean` after the first `length` features; returns the new length. */
  private addCharGrams(clean: string, length: number): number {
    const { charMin, charMax } = this.space;
    const { scratch, indices, charMask } = this;
    const offset = this.wordBuckets;
    for (let start = 0; start + charMin <= clean.length; start++) {
      let h = FNV_OFFSET;
      const end = Math.min(start + charMax, clean.length);
      for (let i = start; i < end; i++) {
        h = Math.imul(h ^ clean.charCodeAt(i), FNV_PRIME);
        if (i - start + 1 < charMin) continue;
        const index = offset + (mix(h) & charMask);
        if (scratch[index]!++ === 0) indices[length++] = index;
      }
    }
    return length;
  }

  private grow(size: number): void {
    const capacity = 2 ** Math.ceil(Math.log2(size));
    this.indices = new Int32Array(capacity);
    this.counts = new Uint16Array(capacity);
  }
}

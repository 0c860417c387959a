import { FeatureHasher, type FeatureSpace, type HashedCounts } from './feature-hasher.js';

/** A text as the model reads it: weights of the features the model knows, by row. */
export interface SparseVector {
  rows: Int32Array;
  values: Float32Array;
}

const BLOCK_SCALE = Math.SQRT1_2;
/** 1 + ln(count) for every count a 16-bit cell can hold, so weighing a feature takes no logarithm. */
const SUBLINEAR_TF = Float64Array.from({ length: 65_536 }, (_, n) => (n === 0 ? 0 : 1 + Math.log(n)));

/**
 * TF-IDF over hashed features: sublinear term frequency times smoothed inverse document
 * frequency, the word block and the character block each L2-normalised and weighted equally
 * (so long texts' many character n-grams do not drown the words). Buckets seen in fewer than
 * `minDf` training texts get no model row, but still count in the norm at the highest idf: a text
 * made mostly of unknown features keeps small weights on what it shares with the training set,
 * which is what lowers the confidence of text unlike anything seen.
 */
export class Vectorizer {
  readonly hasher: FeatureHasher;
  private readonly rowOf: Int32Array;
  private readonly unknownIdf: number;
  /** The last `transformIntoScratch` result; reused, so prediction allocates nothing per text. */
  scratchRows = new Int32Array(1024);
  scratchValues = new Float32Array(1024);
  private scratchIsWord = new Uint8Array(1024);

  constructor(
    space: FeatureSpace,
    /** Bucket of each model row, ascending. */
    readonly buckets: Int32Array,
    readonly idf: Float32Array,
    readonly documents: number,
  ) {
    this.hasher = new FeatureHasher(space);
    this.rowOf = new Int32Array(this.hasher.size).fill(-1);
    for (let row = 0; row < buckets.length; row++) this.rowOf[buckets[row]!] = row;
    this.unknownIdf = Math.log((1 + documents) / 1) + 1;
  }

  get rows(): number {
    return this.buckets.length;
  }

  /** Learns which buckets to keep and their idf; promises the same vectorizer for the same texts. */
  static fit(space: FeatureSpace, texts: readonly string[], minDf: number): { vectorizer: Vectorizer; vectors: SparseVector[] } {
    const hasher = new FeatureHasher(space);
    const df = new Int32Array(hasher.size);
    const stored: HashedCounts[] = texts.map((text) => {
      const hashed = hasher.hash(text);
      for (let i = 0; i < hashed.length; i++) df[hashed.indices[i]!]! += 1;
      return { indices: hashed.indices.slice(0, hashed.length), counts: hashed.counts.slice(0, hashed.length), length: hashed.length };
    });
    const kept: number[] = [];
    for (let bucket = 0; bucket < df.length; bucket++) if (df[bucket]! >= minDf) kept.push(bucket);
    const idf = Float32Array.from(kept, (bucket) => Math.log((1 + texts.length) / (1 + df[bucket]!)) + 1);
    const vectorizer = new Vectorizer(space, Int32Array.from(kept), idf, texts.length);
    return { vectorizer, vectors: stored.map((counts) => vectorizer.copyOut(vectorizer.weigh(counts))) };
  }

  /** The weighted, normalised vector of a text, in fresh arrays. */
  transform(text: string): SparseVector {
    return this.copyOut(this.transformIntoScratch(text));
  }

  /** Weighs a text into `scratchRows` / `scratchValues` and returns how many entries it has. */
  transformIntoScratch(text: string): number {
    return this.weigh(this.hasher.hash(text));
  }

  private copyOut(length: number): SparseVector {
    return { rows: this.scratchRows.slice(0, length), values: this.scratchValues.slice(0, length) };
  }

  private weigh(hashed: HashedCounts): number {
    const { indices, counts, length } = hashed;
    if (this.scratchRows.length < length) this.growScratch(length);
    const { rowOf, idf, scratchRows, scratchValues, scratchIsWord } = this;
    const wordBuckets = this.hasher.wordBuckets;
    let wordNorm = 0;
    let charNorm = 0;
    let known = 0;
    for (let i = 0; i < length; i++) {
      const index = indices[i]!;
      const row = rowOf[index]!;
      const isWord = index < wordBuckets;
      const w = SUBLINEAR_TF[counts[i]!]! * (row >= 0 ? idf[row]! : this.unknownIdf);
      if (isWord) wordNorm += w * w;
      else charNorm += w * w;
      if (row < 0) continue;
      scratchRows[known] = row;
      scratchValues[known] = w;
      scratchIsWord[known++] = isWord ? 1 : 0;
    }
    const wordScale = wordNorm > 0 ? BLOCK_SCALE / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? BLOCK_SCALE / Math.sqrt(charNorm) : 0;
    for (let j = 0; j < known; j++) scratchValues[j] = scratchValues[j]! * (scratchIsWord[j] === 1 ? wordScale : charScale);
    return known;
  }

  private growScratch(length: number): void {
    const size = 2 ** Math.ceil(Math.log2(length));
    this.scratchRows = new Int32Array(size);
    this.scratchValues = new Float32Array(size);
    this.scratchIsWord = new Uint8Array(size);
  }
}

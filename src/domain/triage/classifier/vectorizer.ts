import { FeatureHasher, type FeatureSpace, type HashedCounts } from './feature-hasher.js';

/** A text as the model reads it: weights of the features the model knows, by row. */
export interface SparseVector {
  rows: Int32Array;
  values: Float32Array;
}

/** Hashed counts copied out of the hasher's scratch memory. */
interface StoredCounts {
  indices: Int32Array;
  counts: Float32Array;
}

const BLOCK_SCALE = Math.SQRT1_2;

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
    const stored: StoredCounts[] = texts.map((text) => {
      const hashed = hasher.hash(text);
      for (let i = 0; i < hashed.length; i++) df[hashed.indices[i]!]! += 1;
      return { indices: hashed.indices.slice(0, hashed.length), counts: Float32Array.from(hashed.counts.subarray(0, hashed.length)) };
    });
    const kept: number[] = [];
    for (let bucket = 0; bucket < df.length; bucket++) if (df[bucket]! >= minDf) kept.push(bucket);
    const idf = Float32Array.from(kept, (bucket) => Math.log((1 + texts.length) / (1 + df[bucket]!)) + 1);
    const vectorizer = new Vectorizer(space, Int32Array.from(kept), idf, texts.length);
    const vectors = stored.map((s) => vectorizer.weigh({ indices: s.indices, counts: Float64Array.from(s.counts), length: s.indices.length }));
    return { vectorizer, vectors };
  }

  /** The weighted, normalised vector of a text. */
  transform(text: string): SparseVector {
    return this.weigh(this.hasher.hash(text));
  }

  private weigh(hashed: HashedCounts): SparseVector {
    const { indices, counts, length } = hashed;
    const wordBuckets = this.hasher.wordBuckets;
    let wordNorm = 0;
    let charNorm = 0;
    let known = 0;
    for (let i = 0; i < length; i++) {
      const row = this.rowOf[indices[i]!]!;
      if (row >= 0) known++;
      const w = (1 + Math.log(counts[i]!)) * (row >= 0 ? this.idf[row]! : this.unknownIdf);
      if (indices[i]! < wordBuckets) wordNorm += w * w;
      else charNorm += w * w;
    }
    const wordScale = wordNorm > 0 ? BLOCK_SCALE / Math.sqrt(wordNorm) : 0;
    const charScale = charNorm > 0 ? BLOCK_SCALE / Math.sqrt(charNorm) : 0;
    const rows = new Int32Array(known);
    const values = new Float32Array(known);
    let n = 0;
    for (let i = 0; i < length; i++) {
      const row = this.rowOf[indices[i]!]!;
      if (row < 0) continue;
      rows[n] = row;
      values[n++] = (1 + Math.log(counts[i]!)) * this.idf[row]! * (indices[i]! < wordBuckets ? wordScale : charScale);
    }
    return { rows, values };
  }
}

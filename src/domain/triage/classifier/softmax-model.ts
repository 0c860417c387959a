import type { SparseVector } from './vectorizer.js';

/**
 * Multinomial logistic regression over sparse vectors. Weights are laid out row by row (one row
 * of `classes` weights per feature) so that a prediction reads each feature's weights in one
 * contiguous run.
 */
export class SoftmaxModel {
  constructor(
    readonly classes: number,
    readonly weights: Float32Array,
    readonly bias: Float32Array,
  ) {}

  /** A model of all zeros: every class equally likely. */
  static empty(classes: number, rows: number): SoftmaxModel {
    return new SoftmaxModel(classes, new Float32Array(rows * classes), new Float32Array(classes));
  }

  /** Writes the raw scores of `vector` into `out` (length `classes`). */
  logits(vector: SparseVector, out: Float64Array): void {
    this.logitsOf(vector.rows, vector.values, vector.rows.length, out);
  }

  /** The same from the first `length` entries of `rows` and `values` (scratch buffers). */
  logitsOf(rows: Int32Array, values: Float32Array, length: number, out: Float64Array): void {
    const k = this.classes;
    const { weights } = this;
    for (let c = 0; c < k; c++) out[c] = this.bias[c]!;
    for (let i = 0; i < length; i++) {
      const base = rows[i]! * k;
      const v = values[i]!;
      for (let c = 0; c < k; c++) out[c] = out[c]! + v * weights[base + c]!;
    }
  }
}

/** Turns scores into probabilities in place, divided by `temperature`; promises they sum to 1. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): void {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) if (scores[c]! > max) max = scores[c]!;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp((scores[c]! - max) / temperature);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c]! /= sum;
}

/** Index of the largest value (the first on ties). */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

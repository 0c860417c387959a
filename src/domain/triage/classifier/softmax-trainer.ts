import { SeededRandom } from '../../shared/seeded-random.js';
import { SoftmaxModel, softmaxInPlace } from './softmax-model.js';
import type { SparseVector } from './vectorizer.js';

/** How a model is fitted. */
export interface TrainingOptions {
  epochs: number;
  batchSize: number;
  /** Adam's step size at the start; it falls linearly to a tenth by the last epoch. */
  learningRate: number;
  /** L2 penalty on the weights (not the biases). */
  l2: number;
  seed: number;
  /**
   * At least this many optimiser steps, whatever the data size: a small workspace's few batches
   * per epoch would otherwise stop long before the model has learned what they hold.
   */
  minSteps: number;
}

/** Epochs a training of `examples` runs: the configured number, or more to reach `minSteps`. */
export function epochsFor(examples: number, options: TrainingOptions): number {
  const batches = Math.max(1, Math.ceil(examples / options.batchSize));
  return Math.max(options.epochs, Math.ceil(options.minSteps / batches));
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 5, batchSize: 64, learningRate: 0.03, l2: 1e-5, seed: 1, minSteps: 400 };

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;
/** Gradients of classes this unlikely (and wrong) are skipped: most of a sparse backward pass. */
const GRADIENT_FLOOR = 1e-4;

/**
 * Mini-batch Adam on the cross-entropy of a softmax model, updating only the rows a batch
 * touches ("lazy" Adam, as sparse text models are usually trained), with the L2 penalty applied
 * to those rows. Runs in slices (`advance`) so a caller can report progress and let other work
 * in between; the same vectors, labels and options give the same model.
 */
export class SoftmaxTrainer {
  readonly model: SoftmaxModel;
  private readonly k: number;
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private readonly biasM: Float64Array;
  private readonly biasV: Float64Array;
  private readonly gradient: Float64Array;
  private readonly biasGradient: Float64Array;
  private readonly touched: Uint8Array;
  private readonly touchedRows: number[] = [];
  private readonly scores: Float64Array;
  /** The classes an example pushes on (gradient above the floor), and by how much. */
  private readonly activeClass: Int32Array;
  private readonly activeGradient: Float64Array;
  private readonly random: SeededRandom;
  private order: number[] = [];
  private epoch = 0;
  private position = 0;
  private step = 0;
  private readonly epochs: number;

  constructor(
    private readonly vectors: readonly SparseVector[],
    private readonly labels: readonly number[],
    classes: number,
    rows: number,
    private readonly options: TrainingOptions,
  ) {
    this.k = classes;
    this.model = SoftmaxModel.empty(classes, rows);
    this.m = new Float32Array(rows * classes);
    this.v = new Float32Array(rows * classes);
    this.gradient = new Float64Array(rows * classes);
    this.biasM = new Float64Array(classes);
    this.biasV = new Float64Array(classes);
    this.biasGradient = new Float64Array(classes);
    this.touched = new Uint8Array(rows);
    this.scores = new Float64Array(classes);
    this.activeClass = new Int32Array(classes);
    this.activeGradient = new Float64Array(classes);
    this.random = new SeededRandom(options.seed);
    this.epochs = epochsFor(vectors.length, options);
    this.startEpoch();
  }

  get done(): boolean {
    return this.epoch >= this.epochs || this.vectors.length === 0;
  }

  /** The share of the work done, 0…1. */
  get progress(): number {
    if (this.done) return 1;
    return (this.epoch + this.position / this.order.length) / this.epochs;
  }

  /** Trains on about `budget` more examples (whole batches), or to the end. */
  advance(budget: number): void {
    let seen = 0;
    while (!this.done && seen < budget) {
      const end = Math.min(this.position + this.options.batchSize, this.order.length);
      this.trainBatch(this.position, end);
      seen += end - this.position;
      this.position = end;
      if (this.position >= this.order.length) {
        this.epoch++;
        this.startEpoch();
      }
    }
  }

  /** Trains to the end. */
  run(): SoftmaxModel {
    while (!this.done) this.advance(Number.MAX_SAFE_INTEGER);
    return this.model;
  }

  private startEpoch(): void {
    this.position = 0;
    this.order = this.random.shuffle(this.vectors.map((_, i) => i));
  }

  private trainBatch(start: number, end: number): void {
    for (let i = start; i < end; i++) this.accumulate(this.order[i]!);
    this.step++;
    const decay = 1 - 0.9 * (this.epoch / Math.max(1, this.epochs - 1));
    const rate = this.options.learningRate * decay * Math.sqrt(1 - BETA2 ** this.step) / (1 - BETA1 ** this.step);
    const scale = 1 / (end - start);
    for (const row of this.touchedRows) this.updateRow(row, rate, scale);
    for (const row of this.touchedRows) this.touched[row] = 0;
    this.touchedRows.length = 0;
    this.updateBias(rate, scale);
  }

  /** Adds one example's gradient of the cross-entropy to the batch's. */
  private accumulate(example: number): void {
    const vector = this.vectors[example]!;
    const label = this.labels[example]!;
    const { k, scores, gradient, activeClass, activeGradient } = this;
    this.model.logits(vector, scores);
    softmaxInPlace(scores);
    scores[label] = scores[label]! - 1;
    let active = 0;
    for (let c = 0; c < k; c++) {
      const g = scores[c]!;
      this.biasGradient[c] = this.biasGradient[c]! + g;
      if (g > GRADIENT_FLOOR || g < -GRADIENT_FLOOR) {
        activeClass[active] = c;
        activeGradient[active++] = g;
      }
    }
    const { rows, values } = vector;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (this.touched[row] === 0) {
        this.touched[row] = 1;
        this.touchedRows.push(row);
      }
      const base = row * k;
      const value = values[i]!;
      for (let a = 0; a < active; a++) {
        const index = base + activeClass[a]!;
        gradient[index] = gradient[index]! + value * activeGradient[a]!;
      }
    }
  }

  private updateRow(row: number, rate: number, scale: number): void {
    const { k, gradient, m, v, options } = this;
    const weights = this.model.weights;
    const base = row * k;
    for (let index = base; index < base + k; index++) {
      const raw = gradient[index]!;
      // A class no example of the batch pushed on is left alone, momentum and penalty included:
      // once the model is fairly sure, that is most of them, and most of the work saved.
      if (raw === 0) continue;
      const g = raw * scale + options.l2 * weights[index]!;
      gradient[index] = 0;
      const mi = BETA1 * m[index]! + (1 - BETA1) * g;
      const vi = BETA2 * v[index]! + (1 - BETA2) * g * g;
      m[index] = mi;
      v[index] = vi;
      weights[index] = weights[index]! - rate * mi / (Math.sqrt(vi) + EPSILON);
    }
  }

  private updateBias(rate: number, scale: number): void {
    const bias = this.model.bias;
    for (let c = 0; c < this.k; c++) {
      const g = this.biasGradient[c]! * scale;
      this.biasGradient[c] = 0;
      this.biasM[c] = BETA1 * this.biasM[c]! + (1 - BETA1) * g;
      this.biasV[c] = BETA2 * this.biasV[c]! + (1 - BETA2) * g * g;
      bias[c] = bias[c]! - rate * this.biasM[c]! / (Math.sqrt(this.biasV[c]!) + EPSILON);
    }
  }
}

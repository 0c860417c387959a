import { argmax, softmaxInPlace, type SoftmaxModel } from './softmax-model.js';
import type { Vectorizer } from './vectorizer.js';

/** What a model was trained on and how; kept with it. */
export interface ClassifierInfo {
  /** Training texts, calibration split included. */
  examples: number;
  /** Held out to fit the temperature. */
  calibrationExamples: number;
  seed: number;
  minDf: number;
  epochs: number;
}

/** One prediction: the most likely label and its calibrated probability. */
export interface LabelPrediction {
  label: string;
  confidence: number;
}

/**
 * A trained text classifier: hashed TF-IDF features, a softmax model, and the temperature that
 * calibrates its probabilities. Predictions reuse one scratch buffer, so a classifier serves one
 * caller at a time (JavaScript's one thread guarantees that within a process).
 */
export class TextClassifier {
  private readonly scratch: Float64Array;

  constructor(
    readonly labels: readonly string[],
    readonly vectorizer: Vectorizer,
    readonly model: SoftmaxModel,
    readonly temperature: number,
    readonly info: ClassifierInfo,
  ) {
    this.scratch = new Float64Array(labels.length);
  }

  /** The most likely label of `text` and its calibrated confidence (0…1). */
  predict(text: string): LabelPrediction {
    const probabilities = this.fillProbabilities(text);
    const best = argmax(probabilities);
    return { label: this.labels[best]!, confidence: probabilities[best]! };
  }

  /** Calibrated probabilities of every label, in `labels` order (a fresh array). */
  probabilities(text: string): Float64Array {
    return Float64Array.from(this.fillProbabilities(text));
  }

  /** Uncalibrated scores (logits) of every label, written into `out`. */
  scoresInto(text: string, out: Float64Array): void {
    const { vectorizer } = this;
    this.model.logitsOf(vectorizer.scratchRows, vectorizer.scratchValues, vectorizer.transformIntoScratch(text), out);
  }

  private fillProbabilities(text: string): Float64Array {
    this.scoresInto(text, this.scratch);
    softmaxInPlace(this.scratch, this.temperature);
    return this.scratch;
  }
}

// The triage bench's baseline: multinomial Naive Bayes on word counts with Laplace smoothing,
// the classic first text classifier, written here so it runs in the same process and run.
import type { LabelledText } from '../src/domain/triage/classifier/index.js';

const WORDS = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return text.toLowerCase().match(WORDS) ?? [];
}

/** A trained multinomial Naive Bayes model. */
export class NaiveBayes {
  private constructor(
    readonly labels: string[],
    private readonly logPrior: Float64Array,
    private readonly logLikelihood: Map<string, Float64Array>,
  ) {}

  /** Fits class priors and smoothed word likelihoods (alpha = 1). */
  static train(rows: readonly LabelledText[]): NaiveBayes {
    const labels = [...new Set(rows.map((r) => r.label))].sort();
    const index = new Map(labels.map((l, i) => [l, i]));
    const k = labels.length;
    const docs = new Float64Array(k);
    const totals = new Float64Array(k);
    const counts = new Map<string, Float64Array>();
    for (const row of rows) {
      const c = index.get(row.label)!;
      docs[c]! += 1;
      for (const word of words(row.text)) {
        let perClass = counts.get(word);
        if (!perClass) counts.set(word, (perClass = new Float64Array(k)));
        perClass[c]! += 1;
        totals[c]! += 1;
      }
    }
    const vocabulary = counts.size;
    const logPrior = docs.map((d) => Math.log(d / rows.length));
    const logLikelihood = new Map<string, Float64Array>();
    for (const [word, perClass] of counts) logLikelihood.set(word, perClass.map((n, c) => Math.log((n + 1) / (totals[c]! + vocabulary))));
    return new NaiveBayes(labels, logPrior, logLikelihood);
  }

  /** The most likely label and its posterior probability. */
  predict(text: string): { label: string; confidence: number } {
    const scores = Float64Array.from(this.logPrior);
    for (const word of words(text)) {
      // Words never seen in training say nothing about the class; sklearn drops them too.
      const ll = this.logLikelihood.get(word);
      if (!ll) continue;
      for (let c = 0; c < scores.length; c++) scores[c]! += ll[c]!;
    }
    let best = 0;
    for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
    let sum = 0;
    for (let c = 0; c < scores.length; c++) sum += Math.exp(scores[c]! - scores[best]!);
    return { label: this.labels[best]!, confidence: 1 / sum };
  }
}

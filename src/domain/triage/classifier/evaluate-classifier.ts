import { DEFAULT_CLASSIFIER_OPTIONS, ClassifierTraining, type ClassifierOptions, type LabelledText } from './classifier-training.js';
import { evaluatePredictions, type EvaluationReport } from './evaluation.js';
import { stratifiedSplit } from '../../shared/seeded-random.js';
import type { TextClassifier } from './text-classifier.js';

/** Scores a trained classifier on labelled test texts; labels it never saw count as out-of-scope. */
export function evaluateClassifier(classifier: TextClassifier, test: readonly LabelledText[], targetPrecision = 0.9): EvaluationReport {
  const predictions = test.map((row) => {
    const { label, confidence } = classifier.predict(row.text);
    return { truth: row.label, predicted: label, confidence };
  });
  return evaluatePredictions(predictions, new Set(classifier.labels), targetPrecision);
}

/** Splits rows into train and test, each label keeping about `testShare` of its rows in the test part; deterministic per seed. */
export function splitForEvaluation<T extends LabelledText>(rows: readonly T[], testShare: number, seed: number): { train: T[]; test: T[] } {
  const labels = [...new Set(rows.map((r) => r.label))];
  const index = new Map(labels.map((label, i) => [label, i]));
  const { first, second } = stratifiedSplit(rows.map((r) => index.get(r.label)!), testShare, seed);
  return { train: first.map((i) => rows[i]!), test: second.map((i) => rows[i]!) };
}

/** A model trained on `train`, its report on `test`,. */
export interface TrainedEvaluation {
  classifier: TextClassifier;
  report: EvaluationReport;
}

/** Trains on `train` and evaluates on `test`, stepping `onProgress` (0…1) as training goes. */
export function trainAndEvaluate(
  train: readonly LabelledText[],
  test: readonly LabelledText[],
  options: { classifier?: ClassifierOptions; targetPrecision?: number; onProgress?: (done: number) => void } = {},
): TrainedEvaluation {
  const training = new ClassifierTraining(train, options.classifier ?? DEFAULT_CLASSIFIER_OPTIONS);
  while (!training.done) {
    training.advance(2000);
    options.onProgress?.(training.progress);
  }
  const classifier = training.result();
  return { classifier, report: evaluateClassifier(classifier, test, options.targetPrecision) };
}

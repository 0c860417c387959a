import { calibrationBins, thresholdTable, type CalibrationBin, type ThresholdRow } from './confidence-metrics.js';

/** One test row: its true label, what the model said, and how sure it was. */
export interface ScoredPrediction {
  truth: string;
  predicted: string;
  confidence: number;
}

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface SuggestedThreshold {
  targetPrecision: number;
  /** The lowest threshold whose answered rows reach the target precision; null when none does. */
  threshold: number | null;
  coverage: number | null;
  precision: number | null;
}

/** What `switchboard triage eval` prints and what a trained model keeps as its metrics. */
export interface EvaluationReport {
  examples: number;
  inScope: number;
  /** Test rows whose label never occurs in training. */
  outOfScope: number;
  /** Over in-scope rows (an out-of-scope row cannot be right). */
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  /** Rows: true label; columns: predicted label; in `labels` order; in-scope rows only. */
  confusion: { labels: string[]; matrix: number[][] };
  /** Expected calibration error over 10 equal-width confidence bins, in-scope rows. */
  expectedCalibrationError: number;
  calibration: CalibrationBin[];
  thresholds: ThresholdRow[];
  suggested: SuggestedThreshold;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/**
 * Scores predictions against the truth. Promises: `known` names the training labels, so a row
 * whose truth is not among them counts as out-of-scope; everything in the report is computed
 * from `predictions` alone.
 */
export function evaluatePredictions(predictions: readonly ScoredPrediction[], known: ReadonlySet<string>, targetPrecision = 0.9): EvaluationReport {
  const inScope = predictions.filter((p) => known.has(p.truth));
  const labels = [...new Set([...known, ...inScope.map((p) => p.predicted)])].sort();
  const position = new Map(labels.map((label, i) => [label, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const p of inScope) matrix[position.get(p.truth)!]![position.get(p.predicted)!]! += 1;
  const perClass = labels.map((label, i) => classMetrics(label, i, matrix)).filter((m) => m.support > 0 || predictedCount(matrix, position.get(m.label)!) > 0);
  const correct = labels.reduce((sum, _, i) => sum + matrix[i]![i]!, 0);
  const bins = calibrationBins(inScope);
  const thresholds = thresholdTable(predictions, known);
  return {
    examples: predictions.length,
    inScope: inScope.length,
    outOfScope: predictions.length - inScope.length,
    accuracy: ratio(correct, inScope.length),
    macroF1: ratio(perClass.reduce((sum, m) => sum + m.f1, 0), perClass.length),
    perClass,
    confusion: { labels, matrix },
    expectedCalibrationError: bins.reduce((sum, bin) => sum + ratio(bin.count, inScope.length) * Math.abs(bin.accuracy - bin.confidence), 0),
    calibration: bins,
    thresholds,
    suggested: suggestThreshold(thresholds, targetPrecision),
  };
}

function predictedCount(matrix: number[][], column: number): number {
  return matrix.reduce((sum, row) => sum + row[column]!, 0);
}

function classMetrics(label: string, i: number, matrix: number[][]): ClassMetrics {
  const tp = matrix[i]![i]!;
  const support = matrix[i]!.reduce((a, b) => a + b, 0);
  const precision = ratio(tp, predictedCount(matrix, i));
  const recall = ratio(tp, support);
  return { label, precision, recall, f1: ratio(2 * precision * recall, precision + recall), support };
}

/** The lowest threshold of the table whose answered rows (out-of-scope ones counting as wrong) reach the target. */
export function suggestThreshold(rows: readonly ThresholdRow[], targetPrecision: number): SuggestedThreshold {
  const row = rows.find((r) => r.coverage > 0 && r.precision >= targetPrecision);
  return { targetPrecision, threshold: row?.threshold ?? null, coverage: row?.coverage ?? null, precision: row?.precision ?? null };
}

import type { TrainTriageOutcome } from '../../../commands/triage/train-triage.js';
import type { EvaluationReport } from '../../../domain/triage/classifier/index.js';
import type { PrefillSuggestion, Suggested } from '../../../domain/triage/prefill.js';
import type { TriageModelSummary } from '../../../domain/triage/triage-model.js';
import { iso } from '../time.js';

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const roundOrNull = (value: number | null) => (value === null ? null : round(value));

/** An evaluation report in the wire's snake_case, figures to four decimals. */
export function presentEvaluation(report: EvaluationReport) {
  return {
    examples: report.examples,
    in_scope: report.inScope,
    out_of_scope: report.outOfScope,
    accuracy: round(report.accuracy),
    macro_f1: round(report.macroF1),
    expected_calibration_error: round(report.expectedCalibrationError),
    per_class: report.perClass.map((c) => ({
      label: c.label, precision: round(c.precision), recall: round(c.recall), f1: round(c.f1), support: c.support,
    })),
    confusion: report.confusion,
    calibration: report.calibration.map((b) => ({ from: b.from, to: b.to, count: b.count, confidence: round(b.confidence), accuracy: round(b.accuracy) })),
    thresholds: report.thresholds.map((t) => ({
      threshold: t.threshold,
      coverage: round(t.coverage),
      accuracy: round(t.accuracy),
      precision: round(t.precision),
      in_scope_accuracy: round(t.inScopeAccuracy),
      out_of_scope_recall: roundOrNull(t.outOfScopeRecall),
    })),
    suggested_threshold: {
      target_precision: report.suggested.targetPrecision,
      threshold: report.suggested.threshold,
      coverage: roundOrNull(report.suggested.coverage),
      precision: roundOrNull(report.suggested.precision),
    },
  };
}

/** A stored model without its weights: what it is, what it learned from, how it did on held-out tickets. */
export function presentTriageModel(model: TriageModelSummary) {
  const { metrics } = model;
  return {
    kind: model.kind,
    version: model.version,
    created_at: iso(model.createdAt),
    data_size: model.dataSize,
    classes: metrics.classes,
    temperature: round(metrics.temperature),
    training_ms: metrics.trainingMs,
    dropped: metrics.dropped,
    unlabelled: metrics.unlabelled,
    held_out: presentEvaluation(metrics.evaluation),
    recent_month: metrics.recentMonth
      ? { from: iso(metrics.recentMonth.from), to: iso(metrics.recentMonth.to), ...presentEvaluation(metrics.recentMonth.evaluation) }
      : null,
  };
}

/** The outcome of a training. */
export function presentTraining(outcome: TrainTriageOutcome) {
  return { version: outcome.version, models: outcome.models.map(presentTriageModel), warnings: outcome.warnings, pruned: outcome.pruned };
}

const suggested = (s: Suggested | null) => s && { value: s.value, confidence: round(s.confidence), source: s.source };

/** Prefill suggestions for a new ticket. */
export function presentPrefill(suggestion: PrefillSuggestion) {
  return {
    type: suggested(suggestion.type),
    category: suggested(suggestion.category),
    priority: suggested(suggestion.priority),
    tags: suggestion.tags.map((t) => suggested(t)!),
    model_version: suggestion.modelVersion,
  };
}

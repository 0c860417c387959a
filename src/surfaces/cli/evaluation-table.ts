import type { Static } from 'typebox';
import type { EvaluationOutput } from '../wire/triage/triage-schemas.js';

type Presented = Static<typeof EvaluationOutput>;

/** The confusion matrix is printed only up to this many labels; past that it is a wall of digits. */
const MAX_CONFUSION_LABELS = 15;

const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** Lays out rows as aligned columns under a header; columns after the first right-aligned (numbers) unless `text` says they hold words. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], text = false): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const pad = (c: string, i: number) => (i === 0 || text ? c.padEnd(widths[i]!) : c.padStart(widths[i]!));
  const line = (cells: readonly string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The evaluation report as a person reads it: summary, per class, thresholds, confusion. */
export function formatEvaluation(report: Presented, heading: string): string {
  const s = report.suggested_threshold;
  const summary = [
    heading,
    `test rows ${report.examples} (in scope ${report.in_scope}, out of scope ${report.out_of_scope})`,
    `accuracy ${pct(report.accuracy)}   macro-F1 ${pct(report.macro_f1)}   expected calibration error ${report.expected_calibration_error.toFixed(4)}`,
    s.threshold === null
      ? `no threshold reaches ${pct(s.target_precision)} precision`
      : `suggested threshold for ${pct(s.target_precision)} precision: ${s.threshold.toFixed(2)} (answers ${pct(s.coverage)} of rows at ${pct(s.precision)} precision)`,
  ].join('\n');
  const perClass = formatTable(['class', 'precision', 'recall', 'f1', 'support'],
    report.per_class.map((c) => [c.label, pct(c.precision), pct(c.recall), pct(c.f1), String(c.support)]));
  const thresholds = formatTable(['threshold', 'coverage', 'accuracy', 'precision', 'in-scope acc.', 'out-of-scope recall'],
    report.thresholds.map((t) => [t.threshold.toFixed(2), pct(t.coverage), pct(t.accuracy), pct(t.precision), pct(t.in_scope_accuracy), pct(t.out_of_scope_recall)]));
  return [summary, perClass, thresholds, formatConfusion(report.confusion)].join('\n\n');
}

function formatConfusion(confusion: Presented['confusion']): string {
  const { labels, matrix } = confusion;
  if (labels.length > MAX_CONFUSION_LABELS) return `confusion matrix: ${labels.length} labels, shown with --json only`;
  const short = labels.map((_, i) => `#${i + 1}`);
  const rows = labels.map((label, i) => [`#${i + 1} ${label}`, ...matrix[i]!.map(String)]);
  return `confusion (rows: true label, columns: predicted)\n${formatTable(['', ...short], rows)}`;
}

/** What confidence metrics read from a test row. */
interface Scored {
  truth: string;
  predicted: string;
  confidence: number;
}

/** One of the ten equal-width confidence bins of a reliability diagram. */
export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  /** Mean confidence of the rows in the bin (0 when empty). */
  confidence: number;
  /** Share of them predicted right (0 when empty). */
  accuracy: number;
}

/** What answering only at or above one confidence threshold gives. */
export interface ThresholdRow {
  threshold: number;
  /** Share of all rows answered (confidence ≥ threshold). */
  coverage: number;
  /** Share of answered in-scope rows that are right. */
  accuracy: number;
  /** Share of answered rows that are right, out-of-scope rows counting as wrong. */
  precision: number;
  /** Share of in-scope rows that are answered and right. */
  inScopeAccuracy: number;
  /** Share of out-of-scope rows left unanswered (below the threshold); null without such rows. */
  outOfScopeRecall: number | null;
}

const BINS = 10;
/** 0.00, 0.05, … 0.95, written out so that no float drift makes 0.15000000000000002. */
export const THRESHOLDS: readonly number[] = Array.from({ length: 20 }, (_, i) => (i * 5) / 100);

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Rows grouped by confidence into ten bins of width 0.1 (a confidence of 1 falls in the last). */
export function calibrationBins(rows: readonly Scored[]): CalibrationBin[] {
  const bins = Array.from({ length: BINS }, (_, i) => ({ from: i / BINS, to: (i + 1) / BINS, count: 0, sum: 0, right: 0 }));
  for (const row of rows) {
    const bin = bins[Math.min(BINS - 1, Math.max(0, Math.floor(row.confidence * BINS)))]!;
    bin.count++;
    bin.sum += row.confidence;
    if (row.predicted === row.truth) bin.right++;
  }
  return bins.map((b) => ({ from: b.from, to: b.to, count: b.count, confidence: ratio(b.sum, b.count), accuracy: ratio(b.right, b.count) }));
}

/** Coverage, accuracy, precision and out-of-scope recall at each threshold 0.00…0.95 in steps of 0.05. */
export function thresholdTable(rows: readonly Scored[], known: ReadonlySet<string>): ThresholdRow[] {
  const inScope = rows.filter((r) => known.has(r.truth));
  const outOfScope = rows.length - inScope.length;
  return THRESHOLDS.map((threshold) => {
    let answered = 0;
    let answeredInScope = 0;
    let right = 0;
    let oosBelow = 0;
    for (const row of rows) {
      const isKnown = known.has(row.truth);
      if (row.confidence < threshold) {
        if (!isKnown) oosBelow++;
        continue;
      }
      answered++;
      if (!isKnown) continue;
      answeredInScope++;
      if (row.predicted === row.truth) right++;
    }
    return {
      threshold,
      coverage: ratio(answered, rows.length),
      accuracy: ratio(right, answeredInScope),
      precision: ratio(right, answered),
      inScopeAccuracy: ratio(right, inScope.length),
      outOfScopeRecall: outOfScope === 0 ? null : ratio(oosBelow, outOfScope),
    };
  });
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { THRESHOLDS } from './confidence-metrics.js';
import { evaluatePredictions } from './evaluation.js';

const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

// Five in-scope rows (three right) and one whose label the model never saw.
const rows = [
  { truth: 'a', predicted: 'a', confidence: 0.95 },
  { truth: 'a', predicted: 'a', confidence: 0.85 },
  { truth: 'a', predicted: 'b', confidence: 0.6 },
  { truth: 'b', predicted: 'b', confidence: 0.9 },
  { truth: 'b', predicted: 'a', confidence: 0.55 },
  { truth: 'x', predicted: 'a', confidence: 0.4 },
];
const report = evaluatePredictions(rows, new Set(['a', 'b']), 0.9);
const at = (t: number) => report.thresholds.find((row) => Math.abs(row.threshold - t) < 1e-9)!;

describe('evaluatePredictions', () => {
  it('counts out-of-scope rows apart and scores accuracy, per-class figures and macro-F1 on the rest', () => {
    assert.equal(report.examples, 6);
    assert.equal(report.inScope, 5);
    assert.equal(report.outOfScope, 1);
    close(report.accuracy, 0.6, 'accuracy');
    assert.deepEqual(report.confusion, { labels: ['a', 'b'], matrix: [[2, 1], [1, 1]] });
    const [a, b] = report.perClass;
    close(a!.precision, 2 / 3, 'precision a');
    close(a!.recall, 2 / 3, 'recall a');
    close(b!.f1, 0.5, 'f1 b');
    assert.equal(b!.support, 2);
    close(report.macroF1, (2 / 3 + 0.5) / 2, 'macro-F1');
  });

  it('computes the expected calibration error over ten bins', () => {
    close(report.expectedCalibrationError, 0.29, 'ECE');
    assert.equal(report.calibration.length, 10);
    assert.equal(report.calibration[9]!.count, 2);
  });

  it('gives coverage, precision, in-scope accuracy and out-of-scope recall at each threshold 0…0.95', () => {
    assert.deepEqual(report.thresholds.map((r) => r.threshold), THRESHOLDS);
    assert.equal(THRESHOLDS.length, 20);
    close(at(0).coverage, 1, 'coverage at 0');
    close(at(0).precision, 0.5, 'precision at 0');
    close(at(0).outOfScopeRecall, 0, 'out-of-scope recall at 0');
    close(at(0.5).coverage, 5 / 6, 'coverage at 0.5');
    close(at(0.5).outOfScopeRecall, 1, 'out-of-scope recall at 0.5');
    close(at(0.85).precision, 1, 'precision at 0.85');
    close(at(0.85).inScopeAccuracy, 0.6, 'in-scope accuracy at 0.85');
    close(at(0.9).coverage, 2 / 6, 'coverage at 0.9');
  });

  it('suggests the lowest threshold that reaches the target precision', () => {
    assert.deepEqual(report.suggested, { targetPrecision: 0.9, threshold: 0.65, coverage: 0.5, precision: 1 });
    const strict = evaluatePredictions(rows.slice(2, 3), new Set(['a', 'b']), 0.9);
    assert.equal(strict.suggested.threshold, null);
  });

  it('reports no out-of-scope recall when every row is in scope, and zeros for an empty test', () => {
    assert.equal(evaluatePredictions(rows.slice(0, 5), new Set(['a', 'b'])).thresholds[0]!.outOfScopeRecall, null);
    const empty = evaluatePredictions([], new Set(['a']));
    assert.equal(empty.accuracy, 0);
    assert.equal(empty.expectedCalibrationError, 0);
  });
});

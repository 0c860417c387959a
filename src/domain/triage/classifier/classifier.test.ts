import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClassifierTraining, DEFAULT_CLASSIFIER_OPTIONS } from './classifier-training.js';
import { evaluateClassifier, splitForEvaluation } from './evaluate-classifier.js';
import { decodeClassifier, encodeClassifier, type ClassifierDocument } from './model-codec.js';
import { outOfScopeTickets, syntheticTickets, SYNTHETIC_LABELS } from './synthetic-tickets.js';
import { fitTemperature } from './temperature.js';
import { SeededRandom } from '../../shared/seeded-random.js';

const rows = syntheticTickets(80, 11);
const { train, test } = splitForEvaluation(rows, 0.25, 3);
const classifier = new ClassifierTraining(train).run();
// Fewer steps where a test needs several trainings but not a good model: keeps the suite fast.
const quick = (seed: number) => ({ ...DEFAULT_CLASSIFIER_OPTIONS, training: { ...DEFAULT_CLASSIFIER_OPTIONS.training, minSteps: 40, seed } });

describe('the text classifier', () => {
  it('learns the synthetic topics and predicts known labels with probabilities that sum to 1', () => {
    const report = evaluateClassifier(classifier, test);
    assert.ok(report.accuracy >= 0.9, `accuracy ${report.accuracy}`);
    assert.ok(report.macroF1 >= 0.9, `macro-F1 ${report.macroF1}`);
    assert.deepEqual([...classifier.labels], SYNTHETIC_LABELS);
    const p = classifier.probabilities('my invoice shows I was charged twice');
    assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    assert.equal(classifier.predict('my invoice shows I was charged twice').label, 'billing');
  });

  it('is calibrated on held-out data: expected calibration error under 0.1', () => {
    const report = evaluateClassifier(classifier, test);
    assert.ok(report.expectedCalibrationError < 0.1, `ECE ${report.expectedCalibrationError}`);
  });

  it('gives out-of-scope text lower confidence than in-scope text', () => {
    const outside = outOfScopeTickets(100, 5);
    const report = evaluateClassifier(classifier, [...test, ...outside]);
    assert.equal(report.outOfScope, 100);
    const at = (t: number) => report.thresholds.find((row) => Math.abs(row.threshold - t) < 1e-9)!;
    const row = at(0.7);
    const inScopeBelow = 1 - test.filter((r) => classifier.predict(r.text).confidence >= 0.7).length / test.length;
    assert.ok(row.outOfScopeRecall! > inScopeBelow + 0.3, `out-of-scope below 0.7: ${row.outOfScopeRecall}, in-scope below: ${inScopeBelow}`);
    const meanConfidence = (texts: { text: string }[]) => texts.reduce((sum, r) => sum + classifier.predict(r.text).confidence, 0) / texts.length;
    assert.ok(meanConfidence(outside) < meanConfidence(test) - 0.2);
  });

  it('trains the same model from the same seed, and another from another seed', () => {
    const once = encodeClassifier(new ClassifierTraining(train, quick(1)).run());
    assert.deepEqual(encodeClassifier(new ClassifierTraining(train, quick(1)).run()), once);
    assert.notDeepEqual(encodeClassifier(new ClassifierTraining(train, quick(2)).run()).weights, once.weights);
  });

  it('survives a JSON round trip and predicts exactly as before', () => {
    const text = JSON.stringify(encodeClassifier(classifier));
    const restored = decodeClassifier(JSON.parse(text) as ClassifierDocument);
    for (const row of test.slice(0, 20)) assert.deepEqual(restored.probabilities(row.text), classifier.probabilities(row.text));
    assert.ok(text.length < 2_000_000, `${text.length} bytes`);
  });

  it('refuses a damaged or foreign document', () => {
    const document = encodeClassifier(classifier);
    assert.throws(() => decodeClassifier({ ...document, weights: document.weights.slice(0, 16) }), /do not fit/);
    assert.throws(() => decodeClassifier({ ...document, formatVersion: 99 }), /Not a classifier/);
  });

  it('reports progress from 0 to 1 while it trains in slices', () => {
    const training = new ClassifierTraining(train.slice(0, 100), quick(1));
    const seen: number[] = [];
    while (!training.done) {
      training.advance(50);
      seen.push(training.progress);
    }
    assert.ok(seen.every((p, i) => p >= 0 && p <= 1 && (i === 0 || p >= seen[i - 1]!)), seen.join());
    assert.equal(seen.at(-1), 1);
    assert.ok(training.heldOut.length > 0);
  });

  it('predicts any text, in any script or none, without failing', () => {
    for (const text of ['', '🙂', '退款 请', 'x'.repeat(50_000), 'päivää\u0301']) {
      const { label, confidence } = classifier.predict(text);
      assert.ok(SYNTHETIC_LABELS.includes(label));
      assert.ok(confidence > 0 && confidence <= 1);
    }
  });
});

describe('fitTemperature', () => {
  it('recovers the temperature that generated the labels', () => {
    const random = new SeededRandom(9);
    const k = 3;
    const n = 4000;
    const scores = new Float64Array(n * k);
    const labels: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) scores[i * k + c] = random.next() * 6;
      // Labels drawn from softmax(scores / 2): the fitted temperature should be about 2.
      const p = [0, 1, 2].map((c) => Math.exp(scores[i * k + c]! / 2));
      const total = p[0]! + p[1]! + p[2]!;
      const u = random.next() * total;
      labels.push(u < p[0]! ? 0 : u < p[0]! + p[1]! ? 1 : 2);
    }
    const t = fitTemperature(scores, labels, k);
    assert.ok(Math.abs(t - 2) < 0.3, `t = ${t}`);
    assert.equal(fitTemperature(new Float64Array(0), [], k), 1);
  });
});

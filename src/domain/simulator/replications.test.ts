import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimate, studentT975, summarizeReplications } from './replications.js';
import type { PolicyFigures, SimulationResult } from './simulation-result.js';

function result(seed: number, asa: number | null, answered: number): SimulationResult {
  const figures = { policy: 'A', offered: 10, answered, abandoned: 10 - answered, asa_s: asa, wait_s: { p90: null, p95: null }, service_levels: [{ within_s: 30, share: answered / 10 }] } as unknown as PolicyFigures;
  return { scenario: null, seed, duration_s: 1, service_level_s: 20, policies: [figures], analytic: null };
}

describe('replications', () => {
  it('gives a mean and a Student t 95 % confidence half-width', () => {
    assert.equal(studentT975(1), 12.706);
    assert.equal(studentT975(30), 2.042);
    assert.ok(Math.abs(studentT975(120) - 1.9799) < 1e-3);
    const e = estimate([1, 2, 3, 4]);
    assert.equal(e.mean, 2.5);
    assert.ok(Math.abs(e.half_width! - 3.182 * Math.sqrt(5 / 3 / 4)) < 1e-12);
    assert.equal(estimate([7]).half_width, null);
  });

  it('leaves a figure a replication could not give out of its estimate instead of counting it as 0', () => {
    const summary = summarizeReplications([result(1, 10, 5), result(2, null, 0), result(3, 20, 5)]);
    const figures = summary.policies[0]!.figures;
    assert.deepEqual([figures.asa_s!.mean, figures.asa_s!.n], [15, 2]);
    assert.equal(figures.answered!.n, 3);
    assert.ok(Math.abs(figures.service_level_30s!.mean - 1 / 3) < 1e-12);
    assert.equal(figures.wait_p90_s, undefined, 'no run had a p90');
    assert.deepEqual(summary.seeds, [1, 2, 3]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimate, studentT975, summarizeReplications } from './replications.js';
import type { PolicyFigures, SimulationResult } from './simulation-result.js';

function result(seed: number, asa: number | null, answered: number): SimulationResult {
  const figures = { policy: 'A', offered: 10, answered, abandoned: 10 - answered, asa_s: asa, wait_s: { p90: null, p95: null }, service_levels: [{ within_s: 30, share: answered / 10 }], queues: [], priorities: [] } as unknown as PolicyFigures;
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

  it('estimates the figures per queue, per priority and per interval, each over the runs that had them', () => {
    const level = (share: number | null) => [{ within_s: 30, share }];
    const queue = (name: string, p95: number) => ({ queue: name, offered: 4, answered: 3, abandoned: 1, abandonment_of_queued: 0.5, asa_s: 2, service_level: 0.5, service_levels: level(0.75), wait_p90_s: 3, wait_p95_s: p95 });
    const interval = (occupancy: number | null) => ({ start: '2026-01-05T00:00:00.000Z', offered: 4, answered: 3, abandoned: 1, queued: 2, asa_s: 2, wait_avg_s: 3, wait_p90_s: 4, wait_p95_s: 5, abandonment_of_queued: 0.5, service_level: 0.5, service_levels: level(0.5), occupancy });
    const run = (seed: number, queues: unknown[], occupancy: number | null) => {
      const one = result(seed, 10, 5);
      Object.assign(one.policies[0]!, { queues, priorities: [{ ...(queues[0] ?? queue('x', 0)), queue: undefined, priority: 'normal' }], intervals: [interval(occupancy)] });
      return one;
    };
    const summary = summarizeReplications([run(1, [queue('billing', 10)], 0.5), run(2, [queue('billing', 20), queue('tech', 7)], 0.7), run(3, [], null)]);
    const [policy] = summary.policies;
    const billing = policy!.queues.find((q) => q.queue === 'billing')!.figures;
    assert.deepEqual([billing.wait_p95_s!.mean, billing.wait_p95_s!.n], [15, 2]);
    assert.ok(Math.abs(billing.wait_p95_s!.half_width! - 12.706 * 5) < 1e-9);
    assert.equal(billing.service_level_30s!.mean, 0.75);
    assert.equal(policy!.queues.find((q) => q.queue === 'tech')!.figures.abandonment_of_queued!.n, 1);
    assert.equal(policy!.priorities[0]!.figures.offered!.n, 3);
    const [figures] = policy!.intervals!.map((i) => i.figures);
    assert.deepEqual([figures!.occupancy!.mean, figures!.occupancy!.n], [0.6, 2], 'a run with no staffed time is left out');
    assert.deepEqual(Object.keys(figures!).sort(), ['abandoned', 'abandonment_of_queued', 'answered', 'asa_s', 'occupancy', 'offered', 'service_level', 'service_level_30s', 'wait_avg_s', 'wait_p90_s', 'wait_p95_s']);
  });
});

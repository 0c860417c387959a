import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runOnThread } from '../src/adapters/simulation/simulation-thread.js';
import type { ScenarioDocument } from '../src/domain/simulator/scenario.js';

// A queue's average wait converges slowly: its waits are correlated over many calls. These
// centres are the ones whose figures settle fastest per simulated call (few agents, moderate
// load), and the volumes are what it takes for the seed-to-seed spread (measured over six seeds,
// docs/simulator.md) to sit at a third of the tolerance or less. Fixed seeds make each run the same.
const MILLION = 1_000_000;

interface Centre {
  agents: number;
  callsPerHour: number;
  handleS: number;
  patienceS?: number;
  calls: number;
}

function scenario(centre: Centre): ScenarioDocument {
  return {
    seed: 1, duration_s: Math.round((centre.calls / centre.callsPerHour) * 3600), channel: 'phone', service_level_s: 20,
    arrivals: { rate_per_hour: centre.callsPerHour }, handle_time: { dist: 'exponential', mean_s: centre.handleS },
    ...(centre.patienceS ? { patience: { dist: 'exponential' as const, mean_s: centre.patienceS } } : {}),
    agents: [{ count: centre.agents, skills: {}, capacity: { phone: 1 } }],
    policy: { queues: [{ id: 'general', agents: 'true', strategy: 'longest_idle' }], rules: [], default: { queue: 'general' } },
  };
}

function within(actual: number | null, expected: number | null, tolerance: number, what: string): void {
  assert.ok(actual !== null && expected !== null, `${what}: no figure`);
  const gap = Math.abs(actual - expected) / expected;
  assert.ok(gap <= tolerance, `${what}: simulated ${actual}, formula ${expected.toFixed(4)} (${(gap * 100).toFixed(2)} % apart, more than ${tolerance * 100} %)`);
}

describe('the simulator against queueing theory', () => {
  it('lands within 1 % of Erlang C on P(wait), ASA and service level, and within 3 % of Erlang A on abandonment, ASA and service level', async () => {
    const signal = new AbortController().signal;
    const [erlangC, erlangA] = await Promise.all([
      runOnThread(scenario({ agents: 2, callsPerHour: 48, handleS: 60, calls: 4 * MILLION }), signal),
      runOnThread(scenario({ agents: 10, callsPerHour: 420, handleS: 60, patienceS: 60, calls: 2 * MILLION }), signal),
    ]);
    const c = erlangC.analytic!;
    const cRun = erlangC.policies[0]!;
    assert.equal(c.model, 'erlang_c');
    within(cRun.p_wait, c.p_wait, 0.01, 'P(wait), Erlang C');
    within(cRun.asa_s, c.asa_s, 0.01, 'average speed of answer, Erlang C');
    within(cRun.service_level, c.service_level, 0.01, 'service level, Erlang C');

    const a = erlangA.analytic!;
    const aRun = erlangA.policies[0]!;
    assert.equal(a.model, 'erlang_a');
    within(aRun.abandonment, a.abandonment, 0.03, 'abandonment, Erlang A');
    within(aRun.asa_s, a.asa_s, 0.03, 'average speed of answer of the answered calls, Erlang A');
    within(aRun.p_wait, a.p_wait, 0.03, 'P(wait), Erlang A');
    within(aRun.service_level, a.service_level, 0.03, 'service level, Erlang A');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runOnThread } from '../src/adapters/simulation/simulation-thread.js';
import type { ScenarioDocument } from '../src/domain/simulator/scenario.js';

// The figures of a queueing simulation converge slowly: over 30 simulated days (518,000 calls)
// the average speed of answer still varies by about ±10 % from seed to seed. 300 days (5.2 million
// calls per run) bring it within 3 % of the formula; the runs go on worker threads side by side.
const DAYS = 300;

/** The call centre: 360 calls per 30 minutes, 240 s mean handle time, `agents` agents. */
function callCentre(agents: number, extra: Partial<ScenarioDocument> = {}): ScenarioDocument {
  return {
    seed: 1, duration_s: DAYS * 86_400, channel: 'phone', service_level_s: 20,
    arrivals: { rate_per_hour: 720 }, handle_time: { dist: 'exponential', mean_s: 240 },
    agents: [{ count: agents, skills: {}, capacity: { phone: 1 } }],
    policy: { queues: [{ id: 'general', agents: 'true', strategy: 'longest_idle' }], rules: [], default: { queue: 'general' } },
    ...extra,
  };
}

function within(actual: number | null, expected: number, tolerance: number, what: string): void {
  assert.ok(actual !== null && Math.abs(actual - expected) / expected <= tolerance, `${what}: simulated ${actual}, formula ${expected.toFixed(4)} (more than ${tolerance * 100} % apart)`);
}

describe('the simulator against queueing theory', () => {
  it('lands within 3 % of Erlang C with 55 and 54 agents, and within 5 % of Erlang A with abandonment', async () => {
    const signal = new AbortController().signal;
    const [fiftyFive, fiftyFour, impatient] = await Promise.all([
      runOnThread(callCentre(55), signal),
      runOnThread(callCentre(54), signal),
      runOnThread(callCentre(50, { duration_s: 100 * 86_400, patience: { dist: 'exponential', mean_s: 180 } }), signal),
    ]);
    for (const [result, pWait, asa, level] of [[fiftyFive, 0.2387, 8.18, 0.867], [fiftyFour, 0.3013, 12.05, 0.817]] as const) {
      const run = result.policies[0]!;
      const agents = result.analytic!.agents;
      assert.equal(result.analytic!.model, 'erlang_c');
      within(run.p_wait, pWait, 0.03, `P(wait) with ${agents} agents`);
      within(run.asa_s, asa, 0.03, `average speed of answer with ${agents} agents`);
      within(run.service_level, level, 0.03, `service level with ${agents} agents`);
      within(run.utilisation, 48 / agents, 0.01, `utilisation with ${agents} agents`);
    }
    const theory = impatient.analytic!;
    assert.equal(theory.model, 'erlang_a');
    within(impatient.policies[0]!.p_wait, theory.p_wait, 0.05, 'P(wait) with abandonment');
    within(impatient.policies[0]!.abandonment, theory.abandonment!, 0.05, 'abandonment');
  });
});

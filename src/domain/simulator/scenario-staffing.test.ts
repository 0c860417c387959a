import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import type { ScenarioDocument } from './scenario.js';
import { checkedScenarioLoad, scenarioLoad } from './scenario-staffing.js';

const ONE_QUEUE = { queues: [{ id: 'calls', agents: 'true', strategy: 'longest_idle' as const }], rules: [], default: { queue: 'calls' } };
/** Open 08:00–09:30 on Mondays (120, 60 and 30 calls an hour a half hour), 09:00–09:30 on Saturdays; closed otherwise. */
const day = (rates: Record<number, number>) => Array.from({ length: 48 }, (_, k) => rates[k] ?? 0);
const closed = day({});

function calibrated(extra: Partial<ScenarioDocument> = {}): ScenarioDocument {
  return {
    duration_s: 7 * 86_400,
    arrivals: { weekday_rates: { interval_min: 30, per_hour: [day({ 16: 120, 17: 60, 18: 30 }), closed, closed, closed, closed, day({ 18: 40 }), closed] } },
    tickets: [{ share: 3, type: 'billing' }, { share: 1, type: 'tech', priority: 'high' }],
    handle_time: { dist: 'lognormal', mean_s: 300, sd_s: 200, by_type: { billing: { dist: 'lognormal', mean_s: 200, sd_s: 100 }, tech: { dist: 'gamma', mean_s: 600, sd_s: 300 } } },
    after_call_work: { dist: 'exponential', mean_s: 30 },
    patience: { dist: 'exponential', mean_s: 100, by_priority: { high: { dist: 'exponential', mean_s: 300 } } },
    staffing: { interval_min: 30, agents: [5], shrinkage: 0.25 },
    agents: [{ count: 5, capacity: { phone: 1 } }],
    policy: ONE_QUEUE,
    ...extra,
  };
}

describe('staffing from a scenario', () => {
  it('plans each day of the typical week from its first interval with calls to its last, with the weighted handle time and patience', () => {
    const load = scenarioLoad(calibrated());
    assert.equal(load.interval_min, 30);
    assert.deepEqual(load.intervals, [{ label: 'Mon 08:00', calls: 60 }, { label: 'Mon 08:30', calls: 30 }, { label: 'Mon 09:00', calls: 15 }, { label: 'Sat 09:00', calls: 20 }]);
    // ¾ billing (200 s) and ¼ tech (600 s), plus 30 s of wrap-up each.
    assert.deepEqual(load.handle_time, { dist: 'exponential', mean_s: 330 });
    // Billing has no priority of its own (100 s), tech is high (300 s).
    assert.deepEqual(load.patience, { dist: 'exponential', mean_s: 150 });
    assert.equal(load.shrinkage, 0.25);
  });

  it('plans one weekday in the interval asked for, and keeps a distribution every kind shares', () => {
    const load = scenarioLoad(calibrated({ tickets: undefined, handle_time: { dist: 'gamma', mean_s: 240, sd_s: 120 }, after_call_work: null, patience: null }), { weekday: 0, interval_min: 60 });
    assert.deepEqual(load.intervals, [{ label: 'Mon 08:00', calls: 90 }, { label: 'Mon 09:00', calls: 15 }]);
    assert.deepEqual(load.handle_time, { dist: 'gamma', mean_s: 240, sd_s: 120 });
    assert.equal(load.patience, null);
    const flat = scenarioLoad(calibrated({ arrivals: { rate_per_hour: 10, hourly_profile: day({}).slice(0, 24).map((_, h) => (h === 9 ? 2 : 0)) } }), { weekday: 2, interval_min: 15 });
    assert.deepEqual(flat.intervals.map((i) => [i.label, i.calls]), [['Wed 09:00', 5], ['Wed 09:15', 5], ['Wed 09:30', 5], ['Wed 09:45', 5]]);
  });

  it('refuses a replayed history, a day without calls and mistakes in the parts it reads, each under /scenario', () => {
    const refused = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        assert.ok(error instanceof DomainError && error.code === 'invalid_staffing_request');
        return (error.details as { errors: { path: string }[] }).errors.map((e) => e.path);
      }
      return assert.fail('not refused');
    };
    assert.deepEqual(refused(() => scenarioLoad(calibrated({ arrivals: { replay: [{ at_s: 0 }] } }))), ['/arrivals']);
    assert.deepEqual(refused(() => scenarioLoad(calibrated(), { weekday: 2 })), ['/arrivals']);
    const bad = calibrated({ handle_time: { dist: 'weibull' } as never, agents: [{ count: 0 }], policy: undefined });
    assert.deepEqual(refused(() => checkedScenarioLoad(bad)), ['/scenario/handle_time/dist'], 'the roster and the policy are not read');
  });
});

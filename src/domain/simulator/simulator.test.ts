import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import type { PolicyDocument } from '../routing/policy.js';
import { runScenario } from './run-scenario.js';
import { checkScenario, type ScenarioDocument } from './scenario.js';

const ONE_QUEUE: PolicyDocument = { queues: [{ id: 'general', agents: 'true', strategy: 'round_robin' }], rules: [], default: { queue: 'general' } };

/** A small phone scenario: `agents` agents, 100 calls an hour of 3 minutes on average, one day. */
function phones(agents: number, extra: Partial<ScenarioDocument> = {}): ScenarioDocument {
  return {
    seed: 7, duration_s: 86_400, arrivals: { rate_per_hour: 100 }, handle_time: { dist: 'exponential', mean_s: 180 },
    agents: [{ count: agents, capacity: { phone: 1 } }], policy: ONE_QUEUE, ...extra,
  };
}

/** Three calls at once, then nothing: with one agent and 100 s calls, the waits are 0, 100 and 200 s. */
function burst(extra: Partial<ScenarioDocument> = {}): ScenarioDocument {
  return {
    duration_s: 3600, arrivals: { replay: [{ at_s: 0 }, { at_s: 0 }, { at_s: 0 }] }, handle_time: { dist: 'constant', value_s: 100 },
    agents: [{ count: 1, capacity: { phone: 1 } }], policy: ONE_QUEUE, ...extra,
  };
}

describe('simulator', () => {
  it('replays a burst exactly: waits, answer speed, P(wait), service level and SLA misses', () => {
    const slaPolicy = { name: 'one minute', condition: 'true', warnFraction: 0.75, targets: { normal: { first_response: { minutes: 1, businessHoursId: null } } } };
    const [run] = runScenario(burst({ service_level_s: 100, sla_policies: [slaPolicy] })).policies;
    assert.equal(run!.answered, 3);
    assert.equal(run!.asa_s, 100);
    assert.equal(run!.p_wait, 2 / 3);
    assert.equal(run!.service_level, 2 / 3, 'waits of 0 and 100 s are within 100 s');
    assert.equal(run!.wait_s.max, 200);
    assert.equal(run!.sla_breach_rate, 2 / 3, 'answered after 100 and 200 s against a one-minute target');
  });

  it('serves waiting work by priority: an urgent call overtakes a low one that came first', () => {
    const scenario = burst({ arrivals: { replay: [{ at_s: 0 }, { at_s: 1, priority: 'low' }, { at_s: 2, priority: 'urgent' }] } });
    const [run] = runScenario(scenario).policies;
    assert.deepEqual([run!.wait_s.p50, run!.wait_s.max], [98, 199], 'urgent waits 98 s, low 199 s (first come would be 99 and 198)');
  });

  it('gives the same figures for the same seed, and the same draws to policy A and policy B', () => {
    const first = runScenario(phones(6));
    assert.deepEqual(runScenario(phones(6)), first);
    const twins = runScenario(phones(6, { policy: undefined, policies: [{ name: 'A', policy: ONE_QUEUE }, { name: 'B', policy: ONE_QUEUE }] }));
    assert.deepEqual({ ...twins.policies[1], policy: 'A' }, twins.policies[0]);
    assert.notDeepEqual(runScenario(phones(6, { seed: 8 })).policies[0], first.policies[0]);
  });

  it('compares two policies on the same arrivals: half the roster answers slower', () => {
    const half: PolicyDocument = { queues: [{ id: 'general', agents: 'agent.level >= 2', strategy: 'least_busy' }], rules: [], default: { queue: 'general' } };
    const scenario = phones(0, {
      agents: [{ count: 4, level: 1, capacity: { phone: 1 } }, { count: 4, level: 2, capacity: { phone: 1 } }],
      policy: undefined, policies: [{ name: 'everyone', policy: ONE_QUEUE }, { name: 'seniors', policy: half }],
    });
    const [everyone, seniors] = runScenario(scenario).policies;
    assert.equal(everyone!.offered, seniors!.offered);
    assert.ok(seniors!.asa_s! > everyone!.asa_s! * 2, `${seniors!.asa_s} vs ${everyone!.asa_s}`);
    assert.ok(seniors!.fairness.jain_index! < 0.6, 'only half the agents work');
  });

  it('moves a ticket to its rule’s next target when the step times out, and counts the re-route', () => {
    const tiered: PolicyDocument = {
      queues: [{ id: 'l2', agents: 'agent.level >= 2' }, { id: 'l1', agents: 'agent.level == 1' }],
      rules: [{ name: 'expert first', when: 'true', targets: [{ queue: 'l2', timeout: '30s' }, { queue: 'l1' }] }],
      default: { queue: 'l1' },
    };
    const scenario = phones(0, { agents: [{ count: 1, level: 2, capacity: { phone: 1 } }, { count: 5, level: 1, capacity: { phone: 1 } }], policy: tiered });
    const [run] = runScenario(scenario).policies;
    assert.ok(run!.reroute_rate! > 0.2, String(run!.reroute_rate));
    assert.deepEqual(run!.queues.map((q) => q.queue), ['l2']);
    assert.equal(run!.answered + run!.abandoned + run!.unanswered, run!.offered);
  });

  it('lets impatient callers abandon', () => {
    const [run] = runScenario(phones(2, { patience: { dist: 'exponential', mean_s: 60 } })).policies;
    assert.ok(run!.abandonment! > 0.2 && run!.abandonment! < 1, String(run!.abandonment));
    assert.equal(run!.answered + run!.abandoned, run!.offered);
  });

  it('works shifts: calls at night wait for the morning, and utilisation counts staffed time only', () => {
    const office = { timezone: 'UTC', days: { mon: [{ start: '09:00', end: '17:00' }], tue: [{ start: '09:00', end: '17:00' }] } };
    const [run] = runScenario(phones(0, { agents: [{ count: 4, capacity: { phone: 1 }, working_hours: office }], arrivals: { rate_per_hour: 10 } })).policies;
    assert.ok(run!.wait_s.max! > 8 * 3600, 'a call at 01:00 waits until 09:00');
    assert.ok(run!.utilisation! > 0.1 && run!.utilisation! <= 1, String(run!.utilisation));
    assert.equal(run!.unanswered, 0);
  });

  it('counts tickets never answered against the service level and P(wait), never as served in time', () => {
    // Nobody belongs to the night queue: its tickets are still waiting when the run ends.
    const split: PolicyDocument = {
      queues: [{ id: 'day', agents: 'true' }, { id: 'night', agents: 'false' }],
      rules: [{ name: 'night', when: "ticket.priority == 'low'", targets: [{ queue: 'night' }] }], default: { queue: 'day' },
    };
    const replay = [{ at_s: 0 }, { at_s: 1, priority: 'low' as const }, { at_s: 2, priority: 'low' as const }, { at_s: 3, priority: 'low' as const }];
    const [run] = runScenario(burst({ arrivals: { replay }, policy: split })).policies;
    assert.deepEqual([run!.offered, run!.answered, run!.unanswered], [4, 1, 3]);
    assert.equal(run!.service_level, 1 / 4, 'one of four answered in time, not one of one');
    assert.equal(run!.p_wait, 3 / 4);
    assert.equal(run!.queues.find((q) => q.queue === 'night')!.service_level, 0);
  });

  it('keeps an agent in after-call work before the next call, by ticket type', () => {
    const wrapUp = { dist: 'constant' as const, value_s: 50, by_type: { incident: { dist: 'constant' as const, value_s: 10 } } };
    const [run] = runScenario(burst({ after_call_work: wrapUp })).policies;
    assert.deepEqual([run!.wait_s.p50, run!.wait_s.max], [150, 300], 'each call waits for 100 s of talk and 50 s of wrap-up');
    assert.equal(run!.utilisation, 450 / 3600, 'wrap-up is busy time');
    const incidents = { replay: [{ at_s: 0, type: 'incident' as const }, { at_s: 0, type: 'incident' as const }] };
    const [quick] = runScenario(burst({ arrivals: incidents, after_call_work: wrapUp })).policies;
    assert.equal(quick!.wait_s.max, 110);
    assert.equal(runScenario(phones(6, { handle_time: { dist: 'exponential', mean_s: 180 }, after_call_work: wrapUp })).analytic, null, 'not Erlang C\'s case');
    assert.deepEqual(checkScenario(burst({ after_call_work: { dist: 'constant', value_s: -1 } })).map((e) => e.path), ['/after_call_work/value_s']);
  });

  it('follows a staffing curve by interval: nobody takes work off the curve, shrinkage thins it, the queue carries over', () => {
    const calls = (n: number) => ({ replay: Array.from({ length: n }, () => ({ at_s: 0 })) });
    const roster = [{ count: 3, capacity: { phone: 1 } }];
    // 15-minute intervals: one agent, then none, then three. The agent ends the second call at
    // 1200 s but, off the curve, takes no third; the rest wait for 1800 s.
    const curve = burst({ arrivals: calls(5), handle_time: { dist: 'constant', value_s: 600 }, agents: roster, staffing: { interval_min: 15, agents: [1, 0, 3] } });
    const [run] = runScenario(curve).policies;
    assert.deepEqual([run!.answered, run!.wait_s.p50, run!.wait_s.max], [5, 1800, 1800]);
    assert.equal(runScenario(curve).analytic, null);
    // Four rostered at 50 % shrinkage: two take calls.
    const [thin] = runScenario(burst({ agents: [{ count: 4, capacity: { phone: 1 } }], staffing: { interval_min: 60, agents: [4], shrinkage: 0.5 } })).policies;
    assert.deepEqual([thin!.wait_s.p50, thin!.wait_s.max], [0, 100]);
    assert.equal(thin!.utilisation, 300 / (2 * 3600), 'staffed time is the working head count\'s');
    const office = { timezone: 'UTC', days: { mon: [{ start: '09:00', end: '17:00' }] } };
    const bad = burst({ agents: [{ count: 2, capacity: { phone: 1 }, working_hours: office }], staffing: { interval_min: 20, agents: [3] } });
    assert.deepEqual(checkScenario(bad).map((e) => e.path), ['/staffing/interval_min', '/staffing/agents/0', '/staffing']);
  });

  it('reports abandonment among those who queued, the wait p95 and the service level at several thresholds in one run', () => {
    // One agent, 100 s calls, three callers at once who hang up after 150 s: the third hangs up.
    const scenario = burst({ patience: { dist: 'constant', value_s: 150 }, service_levels_s: [0, 100, 200] });
    const [run] = runScenario(scenario).policies;
    assert.deepEqual([run!.answered, run!.abandoned], [2, 1]);
    assert.equal(run!.abandonment, 1 / 3);
    assert.equal(run!.abandonment_of_queued, 1 / 2, 'two had to wait, one of them hung up');
    assert.deepEqual(run!.service_levels, [{ within_s: 0, share: 1 / 3 }, { within_s: 100, share: 2 / 3 }, { within_s: 200, share: 2 / 3 }]);
    assert.equal(run!.wait_s.p95, 100);
  });

  it('draws patience by ticket type, else by priority, else the default', () => {
    // One agent busy for 1000 s with the first call; the others wait and hang up at their own patience.
    const replay = [{ at_s: 0 }, { at_s: 1, type: 'billing' }, { at_s: 2, priority: 'high' as const }, { at_s: 3 }];
    const patience = { dist: 'constant' as const, value_s: 100, by_type: { billing: { dist: 'constant' as const, value_s: 10 } }, by_priority: { high: { dist: 'constant' as const, value_s: 50 } } };
    const scenario = burst({ arrivals: { replay }, handle_time: { dist: 'constant', value_s: 1000 }, patience, service_levels_s: [20], report_interval_min: 15 });
    const [run] = runScenario(scenario).policies;
    assert.equal(run!.abandoned, 3);
    assert.equal(run!.wait_s.max, 0);
    assert.deepEqual(run!.priorities.map((p) => [p.priority, p.offered, p.answered, p.abandoned]), [['high', 1, 0, 1], ['normal', 3, 1, 2]]);
    const [first] = run!.intervals!;
    assert.deepEqual([first!.offered, first!.answered, first!.abandoned, first!.queued, first!.abandonment_of_queued], [4, 1, 3, 3, 1]);
    assert.equal(run!.intervals!.length, 4, 'an hour of 15-minute intervals');
    assert.deepEqual(checkScenario({ ...scenario, patience: { ...patience, by_priority: { vip: patience } } as never }).map((e) => e.path), ['/patience/by_priority/vip']);
  });

  it('reports per interval the mean wait, wait percentiles and occupancy, and per queue abandonment among queued and each threshold', () => {
    // One agent, 100 s calls, three callers at once who hang up after 150 s: answered after 0 and 100 s, the third hangs up at 150 s.
    const scenario = burst({ patience: { dist: 'constant', value_s: 150 }, service_levels_s: [150], report_interval_min: 15 });
    const [run] = runScenario(scenario).policies;
    const [first, second] = run!.intervals!;
    assert.deepEqual([first!.offered, first!.answered, first!.abandoned, first!.asa_s], [3, 2, 1, 50]);
    assert.ok(Math.abs(first!.wait_avg_s! - 250 / 3) < 1e-9, 'the abandoned caller\'s 150 s count in the mean wait');
    assert.ok(Math.abs(first!.wait_p90_s! - 100) <= 5 && Math.abs(first!.wait_p95_s! - 100) <= 5, `${first!.wait_p90_s} ${first!.wait_p95_s}`);
    assert.ok(Math.abs(first!.occupancy! - 200 / 900) < 1e-9, `busy 200 s of 900 s staffed: ${first!.occupancy}`);
    assert.deepEqual([second!.offered, second!.occupancy, second!.wait_p90_s, second!.wait_avg_s], [0, 0, null, null]);
    const [queue] = run!.queues;
    assert.equal(queue!.abandonment_of_queued, 0.5);
    assert.deepEqual(queue!.service_levels.map((level) => [level.within_s, level.share]), [[150, 2 / 3]]);
    assert.ok(Math.abs(queue!.wait_p95_s! - 100) <= 1, `${queue!.wait_p95_s}`);
    assert.deepEqual(run!.priorities.map((p) => p.abandonment_of_queued), [0.5]);
  });

  it('counts busy time in the interval it falls in, across interval ends', () => {
    // Constant 20-minute calls from a replay: the first call's busy time spills into the second 15-minute interval.
    const scenario = burst({ arrivals: { replay: [{ at_s: 0 }] }, handle_time: { dist: 'constant', value_s: 1200 }, report_interval_min: 15 });
    const occupancy = runScenario(scenario).policies[0]!.intervals!.map((i) => i.occupancy);
    assert.deepEqual(occupancy.map((x) => Math.round(x! * 1000) / 1000), [1, 0.333, 0, 0]);
  });

  it('lets a share of those who hang up call back after a delay, as a new call', () => {
    // One agent, 100 s calls, three callers at once who hang up after 150 s; the third calls back at 650 s and is answered at once.
    const scenario = burst({ patience: { dist: 'constant', value_s: 150 }, redial: { share: 1, delay: { dist: 'constant', value_s: 500 } } });
    const [run] = runScenario(scenario).policies;
    assert.deepEqual([run!.offered, run!.answered, run!.abandoned, run!.redialled], [4, 3, 1, 1]);
    const [none] = runScenario({ ...scenario, redial: { share: 0, delay: { dist: 'constant', value_s: 500 } } }).policies;
    assert.deepEqual([none!.offered, none!.redialled], [3, 0]);
    assert.deepEqual(checkScenario({ ...scenario, redial: { share: 1.5, delay: { dist: 'constant' } } }).map((e) => e.path), ['/redial/share', '/redial/delay/value_s']);
  });

  it('draws arrivals at a rate per weekday and interval', () => {
    const perDay = (rate: number) => Array.from({ length: 48 }, (_, k) => (k >= 18 && k < 20 ? rate : 0));
    const weekdayRates = { interval_min: 30, per_hour: [perDay(600), perDay(0), perDay(0), perDay(0), perDay(0), perDay(0), perDay(0)] };
    const [run] = runScenario(phones(50, { duration_s: 2 * 86_400, arrivals: { weekday_rates: weekdayRates }, report_interval_min: 60 })).policies;
    const busy = run!.intervals!.filter((interval) => interval.offered > 0).map((interval) => interval.start);
    assert.deepEqual(busy, ['2026-01-05T09:00:00.000Z'], 'Monday 09:00–10:00 only');
    assert.ok(Math.abs(run!.offered - 600) < 4 * Math.sqrt(600), `${run!.offered}`);
    assert.deepEqual(checkScenario(phones(1, { arrivals: { weekday_rates: { interval_min: 30, per_hour: [[1]] } } })).map((e) => e.path), ['/arrivals/weekday_rates/per_hour', '/arrivals/weekday_rates/per_hour/0']);
  });

  it('refuses a scenario with mistakes, naming each field, before anything runs', () => {
    const bad = { ...phones(3), duration_s: 0, arrivals: { rate_per_hour: -1 }, handle_time: { dist: 'weibull' }, agents: [{ count: 0 }] } as unknown as ScenarioDocument;
    assert.deepEqual(checkScenario(bad).map((e) => e.path), ['/duration_s', '/arrivals/rate_per_hour', '/handle_time/dist', '/agents']);
    assert.throws(() => runScenario(bad), (error: unknown) => error instanceof DomainError && error.code === 'invalid_scenario');
    const badPolicy = phones(3, { policy: { ...ONE_QUEUE, default: { queue: 'nowhere' } } });
    assert.deepEqual(checkScenario(badPolicy).map((e) => e.path), ['/policy/default/queue']);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { erlangA } from './erlang.js';
import { checkStaffing } from './staffing-check.js';
import { checkStaffingRequest, planStaffing, type StaffingPlan, type StaffingRequest } from './staffing-plan.js';

/** The textbook centre: 360 calls in a half hour of 240 s calls. */
function request(extra: Partial<StaffingRequest> = {}): StaffingRequest {
  return {
    interval_min: 30, intervals: [{ label: '10:00', calls: 360 }], handle_time: { dist: 'exponential', mean_s: 240 },
    target: { service_level: 0.8, within_s: 20 }, ...extra,
  };
}

function finish(steps: Generator<unknown, StaffingPlan>): StaffingPlan {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

describe('staffing plan', () => {
  it('gives the textbook answer: 54 agents reach 80 % in 20 s, and shrinkage rosters more', () => {
    const plan = planStaffing(request({ shrinkage: 0.3 }));
    const [interval] = plan.intervals;
    assert.equal(plan.model, 'erlang_c');
    assert.equal(interval!.agents, 54);
    assert.equal(interval!.erlang!.figures!.service_level!.toFixed(3), '0.817', '53 agents would give 0.762');
    assert.equal(interval!.scheduled, 78, '54 / 0.7 = 77.1, rounded up');
    assert.equal(plan.agent_hours, 27);
    assert.equal(plan.scheduled_hours, 39);
  });

  it('answers an ASA target and an empty interval, and finds no head count for an impossible volume', () => {
    const plan = planStaffing(request({ target: { asa_s: 12 }, intervals: [{ label: 'a', calls: 360 }, { label: 'b', calls: 0 }, { label: 'c', calls: 1e9 }] }));
    assert.deepEqual(plan.intervals.map((i) => i.agents), [55, 0, null], '54 agents answer in 12.05 s on average');
    assert.equal(plan.agent_hours, null);
  });

  it('plans with Erlang A when callers hang up: fewer agents for the same service level, and an abandonment target', () => {
    const patience = { dist: 'exponential' as const, mean_s: 180 };
    const level = planStaffing(request({ patience }));
    assert.equal(level.model, 'erlang_a');
    assert.ok(level.intervals[0]!.agents! < 54, String(level.intervals[0]!.agents));
    const abandonment = planStaffing(request({ patience, target: { abandonment: 0.02 } })).intervals[0]!;
    assert.ok(abandonment.erlang!.figures!.abandonment! <= 0.02);
    assert.ok(erlangA(0.2, 240, abandonment.agents! - 1, 180).abandonment! > 0.02, 'one agent fewer misses the target');
  });

  it('refuses a request with mistakes, naming each field', () => {
    const bad = request({ interval_min: 20, intervals: [{ label: 'x', calls: -1 }], target: { abandonment: 0.1 }, shrinkage: 1 });
    assert.deepEqual(checkStaffingRequest(bad).map((e) => e.path), ['/interval_min', '/intervals/0/calls', '/shrinkage', '/target/abandonment']);
    assert.deepEqual(checkStaffingRequest(request({ target: { service_level: 1.2, within_s: -1 } })).map((e) => e.path), ['/target/service_level', '/target/within_s']);
    assert.deepEqual(checkStaffingRequest(request()), []);
  });

  it('checks the head count by simulation and moves it where the handle times are not exponential', () => {
    // Constant 240 s calls wait about half as long as exponential ones: Erlang overstaffs them.
    const constant = request({ handle_time: { dist: 'constant', value_s: 240 }, target: { asa_s: 12 } });
    const checked = finish(checkStaffing(constant, planStaffing(constant), { calls: 10_000, seed: 1 }));
    const [interval] = checked.intervals;
    assert.equal(checked.checked, true);
    assert.equal(interval!.erlang!.agents, 55);
    assert.ok(interval!.simulated!.agents < 55, String(interval!.simulated!.agents));
    assert.equal(interval!.agents, interval!.simulated!.agents);
    assert.ok(interval!.simulated!.figures!.asa_s <= 12, String(interval!.simulated!.figures!.asa_s));
  });

  it('leaves Erlang\'s answer alone where the simulation agrees with it within its noise', () => {
    const exponential = request({ intervals: [{ label: 'a', calls: 360 }, { label: 'b', calls: 120 }] });
    const checked = finish(checkStaffing(exponential, planStaffing(exponential), { calls: 10_000, seed: 1 }));
    assert.deepEqual(checked.intervals.map((i) => [i.erlang!.agents, i.simulated!.agents]), [[54, 54], [20, 20]]);
  });
});

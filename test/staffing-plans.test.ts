import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertError, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';
import { startTestApi, type TestApi } from './helpers/http.js';

/** The textbook morning: half-hours of 240 s calls, 80 % answered within 20 s. */
function body(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    interval_min: 30, intervals: [{ label: '09:00', calls: 360 }, { label: '09:30', calls: 120 }],
    handle_time: { dist: 'exponential', mean_s: 240 }, target: { service_level: 0.8, within_s: 20 }, shrinkage: 0.3, ...extra,
  };
}

/** A calibrated scenario in miniature: Mondays 09:00–10:00 at 720 and 240 calls an hour, 240 s calls, nobody hangs up. */
function scenario(): Record<string, unknown> {
  const monday = Array.from({ length: 48 }, (_, k) => (k === 18 ? 720 : k === 19 ? 240 : 0));
  const closed = monday.map(() => 0);
  return {
    duration_s: 7 * 86_400,
    arrivals: { weekday_rates: { interval_min: 30, per_hour: [monday, closed, closed, closed, closed, closed, closed] } },
    handle_time: { dist: 'exponential', mean_s: 240 },
    staffing: { interval_min: 30, agents: [54, 20], shrinkage: 0.3 },
    agents: [{ count: 54, capacity: { phone: 1 } }],
    policy: { queues: [{ id: 'calls', agents: 'true', strategy: 'longest_idle' }], rules: [], default: { queue: 'calls' } },
  };
}

// The planner reads nothing from the store: one backend is enough.
describe('staffing plans API', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi(BACKENDS[0]!);
  });
  after(() => api.close());

  it('plans the head count per interval from Erlang C, and checks it by simulation on request', async () => {
    const erlang = expectStatus(await api.call('POST', '/v1/staffing-plans', { body: body({ check: { simulate: false } }) }), 200);
    assert.equal(erlang.model, 'erlang_c');
    assert.equal(erlang.checked, false);
    assert.deepEqual(erlang.intervals.map((i: { agents: number }) => i.agents), [54, 20]);
    assert.deepEqual(erlang.intervals.map((i: { scheduled: number }) => i.scheduled), [78, 29]);
    assert.equal(erlang.intervals[0].simulated, null);
    const checked = expectStatus(await api.call('POST', '/v1/staffing-plans', { body: body({ check: { calls: 5000 } }) }), 200);
    assert.equal(checked.checked, true);
    for (const interval of checked.intervals) {
      assert.equal(interval.agents, interval.simulated.agents);
      // The check moves Erlang's answer only on a clear miss: two points of service level.
      assert.ok(interval.simulated.figures.service_level >= 0.78, JSON.stringify(interval.simulated));
    }
  });

  it('plans from a scenario\'s arrival profile, handle time and shrinkage', async () => {
    const plan = expectStatus(await api.call('POST', '/v1/staffing-plans', { body: { scenario: scenario(), weekday: 'Mon', target: { service_level: 0.8, within_s: 20 }, check: { simulate: false } } }), 200);
    assert.deepEqual(plan.intervals.map((i: { label: string; calls: number; agents: number; scheduled: number }) => [i.label, i.calls, i.agents, i.scheduled]), [['Mon 09:00', 360, 54, 78], ['Mon 09:30', 120, 20, 29]]);
    const both = assertError(await api.call('POST', '/v1/staffing-plans', { body: body({ scenario: scenario() }) }), 422, 'invalid_staffing_request');
    assert.deepEqual(both.errors.map((e: { path: string }) => e.path), ['/intervals']);
    const neither = assertError(await api.call('POST', '/v1/staffing-plans', { body: { target: { asa_s: 10 } } }), 422, 'invalid_staffing_request');
    assert.deepEqual(neither.errors.map((e: { path: string }) => e.path), ['/intervals']);
    const badScenario = { ...scenario(), handle_time: { dist: 'weibull', mean_s: 1 } };
    const bad = assertError(await api.call('POST', '/v1/staffing-plans', { body: { scenario: badScenario, target: { asa_s: 10 } } }), 422, 'invalid_staffing_request');
    assert.deepEqual(bad.errors.map((e: { path: string }) => e.path), ['/scenario/handle_time/dist']);
  });

  it('refuses a request with mistakes, naming each field, and a role that may not plan', async () => {
    const bad = body({ interval_min: 45, target: { asa_s: 20, abandonment: 0.1 }, shrinkage: -0.1 });
    const details = assertError(await api.call('POST', '/v1/staffing-plans', { body: bad }), 422, 'invalid_staffing_request');
    assert.deepEqual(details.errors.map((e: { path: string }) => e.path), ['/interval_min', '/shrinkage', '/target']);
    assertError(await api.call('POST', '/v1/staffing-plans', { body: body({ colour: 'blue' }) }), 400, 'validation_failed');
    assertError(await api.call('POST', '/v1/staffing-plans', { body: body({ handle_time: { dist: 'weibull', mean_s: 1 } }) }), 422, 'invalid_staffing_request');
    const viewer = await api.token('viewer');
    assertError(await api.call('POST', '/v1/staffing-plans', { body: body(), token: viewer }), 403, 'forbidden');
  });
});

describe('switchboard plan staffing', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-plan-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the plan from flags as a table, or a request file as JSON', async () => {
    const table = await runCli(['plan', 'staffing', '--calls', '360,120', '--start', '09:00', '--handle', '240', '--service-level', '0.8', '--no-simulate']);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^09:00\s+360\s+48\.0\s+54\s+54\s+81\.7 %/m);
    assert.match(table.stdout, /^09:30\s+120\s+16\.0\s+20\s+20/m);
    const file = join(dir, 'request.json');
    writeFileSync(file, JSON.stringify(body({ target: { asa_s: 12 }, check: { simulate: false } })));
    const json = await runCli(['plan', 'staffing', '--request', file, '--json']);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(JSON.parse(json.stdout).intervals[0].agents, 55);
  });

  it('exits 1 with each mistake of a request, and 2 on flags that make none', async () => {
    const refused = await runCli(['plan', 'staffing', '--calls', '100', '--handle', '240', '--abandonment', '0.05']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /\/target\/abandonment: An abandonment target needs the callers' patience/);
    assert.equal((await runCli(['plan', 'staffing', '--calls', '100'])).code, 2);
  });

  it('plans from a scenario file (as simulate calibrate --out writes it), the whole week or one --day', async () => {
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(scenario()));
    const table = await runCli(['plan', 'staffing', '--scenario', file, '--service-level', '0.8', '--no-simulate']);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^Mon 09:00\s+360\s+48\.0\s+54\s+78\s/m, 'the scenario\'s shrinkage rosters 78');
    assert.match(table.stdout, /^Mon 09:30\s+120\s+16\.0\s+20\s+29\s/m);
    const json = await runCli(['plan', 'staffing', '--scenario', file, '--day', 'monday', '--interval', '60', '--asa', '15', '--handle', '120', '--no-simulate', '--json']);
    assert.equal(json.code, 0, json.stderr);
    const plan = JSON.parse(json.stdout);
    assert.deepEqual(plan.intervals.map((i: { label: string; offered_erlangs: number }) => [i.label, i.offered_erlangs]), [['Mon 09:00', 16]], '480 calls of --handle 120 s in the hour');
    assert.equal((await runCli(['plan', 'staffing', '--scenario', file, '--day', 'someday', '--asa', '15'])).code, 2);
    assert.equal((await runCli(['plan', 'staffing', '--scenario', file, '--calls', '5', '--asa', '15'])).code, 2);
    const noCalls = await runCli(['plan', 'staffing', '--scenario', file, '--day', 'tue', '--asa', '15']);
    assert.equal(noCalls.code, 1);
    assert.match(noCalls.stderr, /\/arrivals: The scenario has no calls on the days asked for/);
  });
});

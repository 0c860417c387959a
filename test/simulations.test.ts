import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertError, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { runCli } from './helpers/cli.js';
import { ManualClock } from '../src/domain/shared/clock.js';

const POLICY = { queues: [{ id: 'general', agents: 'true', strategy: 'round_robin' }], rules: [], default: { queue: 'general' } };

/** The scenario shape, a day long: 55 phone agents, 720 calls an hour of 240 s. */
function scenario(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    seed: 1, duration_s: 86_400, channel: 'phone', service_level_s: 20,
    arrivals: { rate_per_hour: 720 }, handle_time: { dist: 'exponential', mean_s: 240 },
    agents: [{ count: 55, skills: {}, capacity: { phone: 1 } }], policy: POLICY, ...extra,
  };
}

for (const backend of BACKENDS) {
  describe(`simulations API (${backend.name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(backend);
    });
    after(() => api.close());

    it('runs a scenario and answers with the figures and the Erlang C prediction', async () => {
      const result = expectStatus(await api.call('POST', '/v1/simulations', { body: scenario() }), 200);
      const [run] = result.policies;
      assert.equal(run.policy, 'A');
      assert.ok(run.offered > 16_000 && run.offered < 18_500, String(run.offered));
      for (const key of ['asa_s', 'p_wait', 'service_level', 'abandonment', 'utilisation']) assert.equal(typeof run[key], 'number', key);
      assert.equal(result.analytic.model, 'erlang_c');
      assert.equal(result.analytic.p_wait.toFixed(4), '0.2387');
    });

    it('compares the policy in force with another on the same arrivals', async () => {
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: POLICY }), 200);
      const leastBusy = { ...POLICY, queues: [{ id: 'general', agents: 'true', strategy: 'least_busy' }] };
      const body = scenario({ policy: undefined, policies: [{ name: 'live', policy: 'current' }, { name: 'least busy', policy: leastBusy }] });
      const result = expectStatus(await api.call('POST', '/v1/simulations', { body }), 200);
      assert.deepEqual(result.policies.map((p: { policy: string }) => p.policy), ['live', 'least busy']);
      assert.equal(result.policies[0].offered, result.policies[1].offered);
    });

    it('runs replications on worker threads and gives each figure a 95 % confidence interval', async () => {
      const single = expectStatus(await api.call('POST', '/v1/simulations', { body: scenario({ duration_s: 7200 }) }), 200);
      const result = expectStatus(await api.call('POST', '/v1/simulations?replications=4', { body: scenario({ duration_s: 7200 }) }), 200);
      assert.deepEqual(result.policies, single.policies, 'the first replication is the single run');
      assert.deepEqual(result.replications.seeds, [1, 2, 3, 4]);
      const asa = result.replications.policies[0].figures.asa_s;
      assert.equal(asa.n, 4);
      assert.ok(asa.half_width > 0 && Math.abs(asa.mean - result.analytic.asa_s) < 3 * asa.half_width + 5, JSON.stringify(asa));
      assertError(await api.call('POST', '/v1/simulations?replications=0', { body: scenario() }), 400, 'validation_failed');
    });

    it('refuses a scenario with mistakes, naming each field, and a role that may not run one', async () => {
      const bad = scenario({ arrivals: { rate_per_hour: -3 }, handle_time: { dist: 'weibull', mean_s: 240 }, agents: [] });
      const details = assertError(await api.call('POST', '/v1/simulations', { body: bad }), 422, 'invalid_scenario');
      assert.deepEqual(details.errors.map((e: { path: string }) => e.path), ['/arrivals/rate_per_hour', '/handle_time/dist', '/agents']);
      const badPolicy = assertError(await api.call('POST', '/v1/simulations', { body: scenario({ policy: { ...POLICY, default: { queue: 'nowhere' } } }) }), 422, 'invalid_scenario');
      assert.equal(badPolicy.errors[0].path, '/policy/default/queue');
      assertError(await api.call('POST', '/v1/simulations', { body: scenario({ colour: 'blue' }) }), 400, 'validation_failed');
      const viewer = await api.token('viewer');
      assertError(await api.call('POST', '/v1/simulations', { body: scenario(), token: viewer }), 403, 'forbidden');
    });
  });

  describe(`simulations replaying history (${backend.name})`, () => {
    const start = Date.parse('2026-03-02T09:00:00Z');
    const clock = new ManualClock(start);
    let api: TestApi;
    before(async () => {
      api = await startTestApi(backend, { clock });
    });
    after(() => api.close());

    it('replays the tickets of a window, with the handle times history shows', async () => {
      const agent = expectStatus(await api.call('POST', '/v1/agents', { body: { name: 'Replay', status: 'offline' } }), 201);
      const agentToken = await api.token('agent', agent.id);
      // Three tickets a minute apart; the first two answered after 30 s and resolved 270 s after that.
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        clock.set(start + i * 60_000);
        ids.push(expectStatus(await api.call('POST', '/v1/tickets', { body: { title: `History ${i}`, channel: 'phone' } }), 201).id);
      }
      for (const [i, id] of ids.slice(0, 2).entries()) {
        clock.set(start + i * 60_000 + 30_000);
        expectStatus(await api.call('POST', `/v1/tickets/${id}/comments`, { body: { body: 'On it.', visibility: 'public' }, token: agentToken }), 201);
        clock.set(start + i * 60_000 + 300_000);
        expectStatus(await api.call('PATCH', `/v1/tickets/${id}`, { body: { status: 'resolved' } }), 200);
      }
      const window = { from: new Date(start).toISOString(), to: new Date(start + 3_600_000).toISOString() };
      const body = {
        history: window, arrivals: { replay: 'history' }, handle_time: { dist: 'history' },
        agents: [{ count: 1, capacity: { phone: 1 } }], policy: POLICY,
      };
      const [run] = expectStatus(await api.call('POST', '/v1/simulations', { body }), 200).policies;
      // One agent, 270 s each: waits 0, 210 and 420 s.
      assert.equal(run.offered, 3);
      assert.equal(run.asa_s, 210);
      assert.equal(run.wait_s.max, 420);
      const empty = { ...body, history: { from: '2020-01-01T00:00:00Z', to: '2020-01-02T00:00:00Z' } };
      const refused = assertError(await api.call('POST', '/v1/simulations', { body: empty }), 422, 'invalid_scenario');
      assert.deepEqual(refused.errors.map((e: { path: string }) => e.path), ['/arrivals/replay', '/handle_time/dist']);
    });
  });
}

describe('switchboard simulate', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-simulate-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the figures as a table, or as one JSON object per policy with --json', async () => {
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(scenario({ duration_s: 7200 })));
    const json = await runCli(['simulate', '--scenario', file, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const result = JSON.parse(json.stdout);
    assert.ok(result.policies[0].asa_s >= 0 && result.policies[0].utilisation > 0.5);
    const table = await runCli(['simulate', '--scenario', file]);
    assert.match(table.stdout, /average speed of answer\s+[\d.]+ s\s+8\.18 s/);
  });

  it('runs replications with --replications and prints each figure\'s confidence interval', async () => {
    const file = join(dir, 'replicated.json');
    writeFileSync(file, JSON.stringify(scenario({ duration_s: 3600, report_interval_min: 30, service_levels_s: [60], patience: { dist: 'exponential', mean_s: 120 } })));
    const table = await runCli(['simulate', '--scenario', file, '--replications', '3']);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /over 3 replications/);
    assert.match(table.stdout, /asa_s: [\d.]+ ± [\d.]+/);
    assert.match(table.stdout, /general: [\d,]+ offered, \d+ abandoned \([\d.]+ % of queued\), .*≤ 60 s [\d.]+ %, wait p90 [\d.]+ s, p95 [\d.]+ s/);
    assert.match(table.stdout, /^interval\s+offered\s+answered\s+abandoned\s+ASA\s+avg wait\s+wait p90\s+wait p95\s+≤ 20 s\s+≤ 60 s\s+aband\. of queued\s+occupancy$/m);
    assert.match(table.stdout, /^2026-01-05 00:30\s+\d+\s+\d+\s+\d+\s+[\d.]+ s .*\s[\d.]+ %$/m, 'the second half hour with its occupancy');
    assert.match(table.stdout, /^ {2}interval 2026-01-05 00:30\n( {2}.*\n)*? {4}occupancy: 0\.\d+ ± [\d.]+$/m, 'each interval\'s occupancy with its confidence interval');
    const bad = await runCli(['simulate', '--scenario', file, '--replications', '0']);
    assert.equal(bad.code, 2);
  });

  it('refuses a bad scenario with a message per mistake and exit code 1', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(scenario({ duration_s: -5, patience: { dist: 'exponential' } })));
    const run = await runCli(['simulate', '--scenario', file]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /\/duration_s: /);
    assert.match(run.stderr, /\/patience\/mean_s: /);
  });
});

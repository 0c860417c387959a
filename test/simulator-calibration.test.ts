import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCallLog } from '../src/domain/simulator/calibration/call-log-generator.js';
import { exampleCentre } from '../src/domain/simulator/calibration/example-centre.js';
import { assertError, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';
import { startTestApi, type TestApi } from './helpers/http.js';

const HEADER = 'arrival,queue_start,queue_end,answer,end,after_call_end,outcome,agent,priority,type';

/** `days` of the example centre's calls as the switchboard preset's CSV. */
function callLog(days: number): string {
  const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
  const rows = [...generateCallLog(exampleCentre(Date.UTC(2026, 1, 2), days, 7))].map((c) => [iso(c.arrival), iso(c.arrival), iso(c.queueEnd), iso(c.answer), iso(c.end), iso(c.afterCallEnd), c.outcome, c.agent ?? '', 'normal', c.type].join(','));
  return `${HEADER}\n${rows.join('\n')}\n`;
}

const within = (actual: number | null, expected: number, tolerance: number) => actual !== null && Math.abs(actual / expected - 1) <= tolerance;

describe('switchboard simulate calibrate', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-calibrate-'));
    writeFileSync(join(dir, 'calls.csv'), callLog(14));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('recovers a generated log\'s centre and its calibrated scenario reproduces the log\'s own figures', async () => {
    const run = await runCli(['simulate', 'calibrate', '--from', join(dir, 'calls.csv'), '--out', join(dir, 'scenario.json'), '--report', join(dir, 'report.json')]);
    assert.equal(run.code, 0, run.stderr);
    const scenario = JSON.parse(readFileSync(join(dir, 'scenario.json'), 'utf8'));
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    // What the centre was made of comes back.
    const monday10 = scenario.arrivals.weekday_rates.per_hour[0][20];
    assert.ok(within(monday10, 120, 0.2), `Monday 10:00 rate ${monday10}`);
    assert.deepEqual(scenario.arrivals.weekday_rates.per_hour[6].filter((r: number) => r > 0), [], 'closed on Sundays');
    assert.ok(within(scenario.handle_time.by_type.billing.mean_s, 240, 0.04) && scenario.handle_time.by_type.billing.dist === 'lognormal');
    assert.ok(within(scenario.handle_time.by_type.tech.mean_s, 420, 0.04) && scenario.handle_time.by_type.tech.dist === 'gamma');
    assert.ok(within(report.calibration.patience['type:billing'].exponential_mean_s, 180, 0.1));
    assert.ok(within(report.calibration.patience['type:tech'].exponential_mean_s, 360, 0.15));
    assert.ok(within(report.calibration.after_call_work.mean_s, 30, 0.05));
    // The replay of the calibrated scenario against the log it came from.
    const { totals } = report.fit;
    assert.ok(Math.abs(totals.offered.relative_error) <= 0.03, JSON.stringify(totals.offered));
    assert.ok(Math.abs(totals.asa_s.relative_error) <= 0.15, JSON.stringify(totals.asa_s));
    assert.ok(Math.abs(totals.abandonment_of_queued.relative_error) <= 0.1, JSON.stringify(totals.abandonment_of_queued));
    assert.equal(report.fit.intervals.length, report.fit.intervals.filter((i: { offered: { history: number } }) => i.offered.history >= 0).length);
  });

  it('reads the bank log\'s layout with the bank-vru preset: one day\'s calls calibrate like the same calls in ISO datetimes', async () => {
    const calls = [...generateCallLog(exampleCentre(Date.UTC(2026, 1, 2), 1, 7))];
    const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19).replace(/^0/, '');
    const bank = calls.map((c, i) => {
      const queued = c.outcome === 'abandoned' || c.answer! > c.arrival;
      const q = queued ? [clock(c.arrival), clock(c.queueEnd), String(Math.round((c.queueEnd - c.arrival) / 1000))] : ['0:00:00', '0:00:00', '0'];
      const service = c.answer === null ? ['0:00:00', '0:00:00', '0', 'NO_SERVER'] : [clock(c.answer), clock(c.end!), String(Math.round((c.end! - c.answer) / 1000)), c.agent!];
      return ['AA0101', i, 0, 1, c.type, '260202', clock(c.arrival - 6000), clock(c.arrival), 6, ...q, c.outcome === 'answered' ? 'AGENT' : 'HANG', ...service].join(',');
    });
    const file = join(dir, 'bank.csv');
    writeFileSync(file, `vru+line,call_id,customer_id,priority,type,date,vru_entry,vru_exit,vru_time,q_start,q_exit,q_time,outcome,ser_start,ser_exit,ser_time,server\n${bank.join('\n')}\n`);
    const run = await runCli(['simulate', 'calibrate', '--from', file, '--preset', 'bank-vru', '--out', join(dir, 'bank-scenario.json'), '--report', join(dir, 'bank-report.json')]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(readFileSync(join(dir, 'bank-report.json'), 'utf8'));
    assert.equal(report.reading.calls, calls.length);
    assert.equal(report.fit.totals.offered.history, calls.length);
    assert.equal(report.fit.totals.abandoned.history, calls.filter((c) => c.outcome === 'abandoned').length);
    const meanService = calls.filter((c) => c.answer !== null).reduce((sum, c) => sum + Math.round((c.end! - c.answer!) / 1000), 0) / report.fit.totals.answered.history;
    assert.ok(Math.abs(report.calibration.handle_time[''].mean_s - meanService) < 1, 'whole seconds of the log');
    const scenario = JSON.parse(readFileSync(join(dir, 'bank-scenario.json'), 'utf8'));
    assert.deepEqual(scenario.tickets.map((k: { priority: string }) => k.priority), ['normal', 'normal'], 'priority 1 is normal');
  });

  it('refuses a mapping that does not fit the log, and an unknown preset', async () => {
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ arrival: 'arrived', outcome: 'outcome', answer: 'answer', end: 'end', answered_values: ['answered'], abandoned_values: ['abandoned'] }));
    const bad = await runCli(['simulate', 'calibrate', '--from', join(dir, 'calls.csv'), '--mapping', mapping, '--out', join(dir, 'never.json')]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /arrival: the log has no column "arrived"/);
    const unknown = await runCli(['simulate', 'calibrate', '--from', join(dir, 'calls.csv'), '--preset', 'nope', '--out', join(dir, 'never.json')]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown preset "nope"; known: switchboard, bank-vru/);
    assert.throws(() => readFileSync(join(dir, 'never.json')), 'nothing was written');
  });
});

for (const backend of BACKENDS) {
  describe(`calibration API (${backend.name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(backend);
    });
    after(() => api.close());
    const csv = { 'content-type': 'text/csv' };

    it('calibrates from an uploaded log and answers with the scenario and the fit report', async () => {
      const result = expectStatus(await api.call('POST', '/v1/simulations/calibrations?interval_min=60', { body: callLog(3), headers: csv }), 200);
      assert.equal(result.calibration.scenario.staffing.interval_min, 60);
      assert.equal(result.calibration.scenario.staffing.agents.length, 72, 'three days of hours');
      assert.equal(result.fit.totals.offered.history, result.reading.calls);
      assert.ok(result.fit.intervals.length > 20 && result.fit.totals.asa_s.simulated > 0);
      const again = expectStatus(await api.call('POST', '/v1/simulations', { body: result.calibration.scenario }), 200);
      assert.equal(again.policies[0].offered, result.fit.totals.offered.simulated, 'the scenario runs as it was reported');
    });

    it('refuses a mapping that does not fit, a bad query, another media type and a role that may not run one', async () => {
      const mapping = encodeURIComponent(JSON.stringify({ arrival: 'arrived', outcome: 'outcome', answer: 'answer', end: 'end', answered_values: ['answered'], abandoned_values: [] }));
      const misfit = assertError(await api.call('POST', `/v1/simulations/calibrations?mapping=${mapping}`, { body: callLog(1), headers: csv }), 422, 'invalid_call_log');
      assert.match(misfit.errors[0].message, /no column "arrived"/);
      assertError(await api.call('POST', '/v1/simulations/calibrations?preset=nope', { body: callLog(1), headers: csv }), 400, 'validation_failed');
      assertError(await api.call('POST', '/v1/simulations/calibrations?mapping=%7B', { body: callLog(1), headers: csv }), 400, 'validation_failed');
      assertError(await api.call('POST', '/v1/simulations/calibrations', { body: `${HEADER}\n`, headers: csv }), 422, 'invalid_call_log');
      const call = (day: string, end = `${day}T10:05:00Z`) => [`${day}T10:00:00Z`, `${day}T10:00:00Z`, `${day}T10:00:00Z`, `${day}T10:00:00Z`, end, '', 'answered', 'a1', 'normal', 'billing'].join(',');
      const centuries = assertError(await api.call('POST', '/v1/simulations/calibrations', { body: `${HEADER}\n${call('2026-01-05')}\n${call('+100000-01-05')}\n`, headers: csv }), 422, 'invalid_call_log');
      assert.match(centuries.errors[0].message, /at most 2688 are calibrated at once/);
      const endless = assertError(await api.call('POST', '/v1/simulations/calibrations', { body: `${HEADER}\n${call('2026-01-05', '2090-01-05T10:00:00Z')}\n`, headers: csv }), 422, 'invalid_call_log');
      assert.equal(endless.reading.errors[0].message, 'the call waited, lasted or was wrapped up for more than a day.');
      assertError(await api.call('POST', '/v1/simulations/calibrations', { body: { calls: [] } }), 415, 'unsupported_media_type');
      const viewer = await api.token('viewer');
      assertError(await api.call('POST', '/v1/simulations/calibrations', { body: callLog(1), headers: csv, token: viewer }), 403, 'forbidden');
    });
  });
}

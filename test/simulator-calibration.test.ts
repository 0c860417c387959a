import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCallLog } from '../src/domain/simulator/calibration/call-log-generator.js';
import { exampleCentre } from '../src/domain/simulator/calibration/example-centre.js';
import { runCli } from './helpers/cli.js';

const HEADER = 'arrival,queue_start,queue_end,answer,end,after_call_end,outcome,agent,priority,type';

/** Two weeks of the example centre's calls as the switchboard preset's CSV. */
function writeLog(file: string): void {
  const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
  const rows = [...generateCallLog(exampleCentre(Date.UTC(2026, 1, 2), 14, 7))].map((c) => [iso(c.arrival), iso(c.arrival), iso(c.queueEnd), iso(c.answer), iso(c.end), iso(c.afterCallEnd), c.outcome, c.agent ?? '', 'normal', c.type].join(','));
  writeFileSync(file, `${HEADER}\n${rows.join('\n')}\n`);
}

const within = (actual: number | null, expected: number, tolerance: number) => actual !== null && Math.abs(actual / expected - 1) <= tolerance;

describe('switchboard simulate calibrate', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-calibrate-'));
    writeLog(join(dir, 'calls.csv'));
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

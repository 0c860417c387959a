import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { containsText, shown, type WatchedPage } from './helpers/browser.js';
import { BROWSER_SKIP, browserSuite } from './helpers/browser-suite.js';
import { serverApi, startServer } from './helpers/server-process.js';

const ADMIN = `sb_browser_${randomBytes(12).toString('hex')}`;
const MAKE_CALL_LOG = fileURLToPath(new URL('../../scripts/make-call-log.mjs', import.meta.url));
const ONE_QUEUE = { queues: [{ id: 'calls', agents: 'true', strategy: 'longest_idle' }], rules: [], default: { queue: 'calls' } };

describe('simulator calibration in Chromium', { skip: BROWSER_SKIP }, () => {
  let log: string;
  const suite = browserSuite('browser-simulator', async (dir) => {
    log = join(dir, 'calls.csv');
    execFileSync(process.execPath, [MAKE_CALL_LOG, log, '2', '7']);
    const server = await startServer(['--db', join(dir, 'simulator.db')], ADMIN);
    await serverApi(server, ADMIN, 'PUT', '/v1/routing/policy', ONE_QUEUE);
    return server;
  });

  /** A signed-in tab on the Simulator page. */
  async function simulatorPage(): Promise<WatchedPage> {
    const tab = await suite.signedIn(ADMIN);
    await tab.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Simulator' }).click();
    return tab;
  }

  it('calibrates from an uploaded call log, shows the fit per interval, runs the scenario and plans its staffing', async () => {
    const tab = await simulatorPage();
    const { page } = tab;
    // A workspace without tickets keeps the example team.
    await containsText(page.getByTestId('sim-origin'), 'The form starts from an example team');

    const panel = page.getByRole('form', { name: 'Calibrate from a call log' });
    await panel.getByLabel('Call log (CSV)').setInputFiles(log);
    await panel.getByLabel('Interval').selectOption('60');
    await panel.getByRole('button', { name: 'Calibrate', exact: true }).click();
    const totals = page.getByTestId('fit-totals');
    await shown(totals);
    await containsText(page.getByRole('status').filter({ hasText: 'Calibrated from' }), /Calibrated from \d+ calls\./);
    const asaRow = totals.getByRole('row', { name: /Average speed of answer/ });
    assert.match(await asaRow.innerText(), /\d+\.\d sec\s+\d+\.\d sec\s+[+-]?\d+\.\d %/, 'ASA of the log, of the run and the relative error');
    const intervals = page.getByTestId('fit-intervals').locator('tbody tr');
    assert.ok(await intervals.count() >= 20, 'two days of hours with calls');
    assert.match(await intervals.first().innerText(), /02-02 \d\d:00\s+\d+ \/ \d+\s+\d+\.\d sec \/ \d+\.\d sec/);
    await shown(page.getByRole('img', { name: /average speed of answer per interval, in the history/ }));
    await shown(page.getByRole('img', { name: /share of queued calls that hung up per interval/ }));
    await tab.screenshot('simulator-fit-report');

    await page.getByRole('button', { name: 'Use this scenario' }).click();
    await shown(page.getByText('The scenario is in the form below'));
    await containsText(page.getByTestId('sim-origin'), 'The form holds the calibrated scenario');
    const scenario = page.getByRole('form', { name: 'Scenario' });
    assert.equal(await scenario.getByLabel('Duration (hours)').inputValue(), '48');
    assert.notEqual(await scenario.getByLabel('Arrivals per hour').inputValue(), '60');
    assert.match(await scenario.getByLabel('Hourly profile (optional)').inputValue(), /^0, 0, .*[1-9]/, 'closed at night, open by day');
    const plannerCalls = await page.getByLabel('Calls per interval').inputValue();
    assert.ok(plannerCalls.split(',').length >= 8, plannerCalls);

    await scenario.getByRole('button', { name: 'Run simulation' }).click();
    await shown(page.getByRole('heading', { name: 'Results' }));
    await shown(page.getByRole('img', { name: /average speed of answer per hour of the run/ }));
    assert.equal(await page.getByTestId('sim-still-waiting').count(), 0, 'every ticket was served');
    await shown(page.getByRole('img', { name: /busy agent time over staffed agent time, per hour of the run/ }));
    const hours = page.getByTestId('sim-intervals');
    const headers = await hours.getByRole('columnheader').allTextContents();
    for (const name of ['Mean wait', 'Wait p90', 'Wait p95', 'Abandonment among queued', 'Occupancy']) assert.ok(headers.includes(name), `${name} in ${headers.join(', ')}`);
    const busiest = hours.locator('tbody tr').first();
    assert.match(await busiest.innerText(), /\d+\.\d %\s*$/, 'the first hour with calls has its occupancy');

    const planner = page.getByRole('form', { name: 'Staffing plan' });
    await planner.getByLabel('Check by simulation').uncheck();
    await planner.getByRole('button', { name: 'Plan' }).click();
    const staffing = page.getByTestId('staffing-table').locator('tbody tr');
    await shown(staffing.first());
    assert.equal(await staffing.count(), plannerCalls.split(',').length, 'one row per interval of the typical day');
    await tab.screenshot('simulator-staffing');
  });

  it('says how many tickets still wait when nobody on the roster can take the channel', async () => {
    const tab = await simulatorPage();
    const { page } = tab;
    const scenario = page.getByRole('form', { name: 'Scenario' });
    await scenario.getByLabel('Duration (hours)').fill('1');
    await scenario.getByLabel('Channel').selectOption('email');
    await scenario.getByRole('button', { name: 'Run simulation' }).click();
    await shown(page.getByRole('heading', { name: 'Results' }));
    const waiting = page.getByTestId('sim-still-waiting');
    await containsText(waiting, /A \(in force\): \d+ tickets were still waiting when the run ended/);
    const figures = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Figure' }) });
    assert.match(await figures.getByRole('row', { name: /^Average speed of answer/ }).innerText(), /—/, 'no ASA over tickets never answered');
    assert.doesNotMatch(await figures.getByRole('row', { name: /^Service level \(within 20 s\)/ }).innerText(), /100\.0 %/);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Ticket } from '../src/domain/ticket/ticket.js';
import { assertError, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { newAgent, newTicket } from './helpers/store-fixtures.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Days before today whose mornings hold the seeded tickets. */
const SEEDED_DAYS = [1, 2, 3];
/** A ticket every 6 minutes from 10:00 to 11:00: 10 an hour. */
const PER_HOUR = 10;

interface Seeded {
  answered: Ticket[];
  abandoned: number;
  open: number;
}

/**
 * Three mornings of tickets: most answered a minute after they came by one of two phone agents and
 * resolved 200–400 s later, every fifth closed unassigned two minutes after it came, one still waiting.
 */
async function seed(api: TestApi): Promise<Seeded> {
  const ws = api.workspaceId;
  const agents = [newAgent(ws, 1, { skills: { billing: 5 }, capacity: { phone: 1 } }), newAgent(ws, 2, { skills: { billing: 5 }, capacity: { phone: 1 } }), newAgent(ws, 3, { capacity: { chat: 3 } })];
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const tickets: Ticket[] = [];
  const answered: Ticket[] = [];
  let abandoned = 0;
  for (const daysAgo of SEEDED_DAYS) {
    for (let i = 0; i < PER_HOUR; i++) {
      const createdAt = today - daysAgo * DAY_MS + 10 * 60 * MINUTE_MS + i * 6 * MINUTE_MS;
      const base = newTicket(ws, { type: 'billing', channel: 'phone' });
      if (i % 5 === 4) {
        abandoned++;
        tickets.push({ ...base, createdAt, status: 'closed', closedAt: createdAt + 2 * MINUTE_MS, updatedAt: createdAt + 2 * MINUTE_MS });
        continue;
      }
      const firstResponseAt = createdAt + MINUTE_MS;
      const resolvedAt = firstResponseAt + (200 + (i % 5) * 50) * 1000;
      const ticket: Ticket = { ...base, createdAt, status: 'resolved', assigneeId: agents[i % 2]!.id, firstResponseAt, resolvedAt, updatedAt: resolvedAt };
      answered.push(ticket);
      tickets.push(ticket);
    }
  }
  tickets.push({ ...newTicket(ws, { type: 'billing', channel: 'phone' }), status: 'queued' });
  await api.db.store.transaction(async (tx) => {
    for (const agent of agents) await tx.agents.insert(agent);
    for (const ticket of tickets) await tx.tickets.insert(ticket);
  });
  return { answered, abandoned, open: 1 };
}

/** Monday 0 … Sunday 6. */
const weekdayOf = (at: number) => (new Date(at).getUTCDay() + 6) % 7;

for (const backend of BACKENDS) {
  describe(`calibration from the workspace's tickets (${backend.name})`, () => {
    let api: TestApi;
    let seeded: Seeded;
    let dir: string;
    before(async () => {
      api = await startTestApi(backend);
      seeded = await seed(api);
      dir = mkdtempSync(join(tmpdir(), 'switchboard-workspace-calibration-'));
    });
    after(async () => {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('starts the simulator from the recent arrivals, handle times and the workspace\'s own agents', async () => {
      const { reading, scenario } = expectStatus(await api.call('GET', '/v1/simulations/starting-scenario?days=7&interval_min=60'), 200);
      assert.equal(reading.tickets, seeded.answered.length + seeded.abandoned + seeded.open);
      assert.equal(reading.calls, seeded.answered.length + seeded.abandoned);
      assert.deepEqual(reading.skipped, { open: 1, unanswered_resolved: 0 });
      // Ten tickets came between 10:00 and 11:00 on each seeded morning.
      const firstDay = Math.floor(seeded.answered[0]!.createdAt / DAY_MS) * DAY_MS;
      assert.equal(scenario.arrivals.weekday_rates.per_hour[weekdayOf(firstDay)][10], PER_HOUR);
      assert.equal(scenario.arrivals.weekday_rates.per_hour[weekdayOf(firstDay)][9], 0);
      const handle = seeded.answered.map((t) => (t.resolvedAt! - t.firstResponseAt!) / 1000);
      assert.ok(Math.abs(scenario.handle_time.mean_s - handle.reduce((a, b) => a + b, 0) / handle.length) < 1, JSON.stringify(scenario.handle_time));
      assert.equal(scenario.channel, 'phone');
      assert.deepEqual(scenario.agents.map((g: { count: number; capacity: object }) => [g.count, g.capacity]), [[2, { phone: 1 }], [1, { chat: 3 }]]);
      assert.equal(Math.max(...scenario.staffing.agents), 2, 'the two phone agents answered in the seeded hours');
      expectStatus(await api.call('POST', '/v1/simulations', { body: scenario }), 200);
    });

    it('reports how closely the calibrated scenario reproduces the tickets, per interval', async () => {
      const report = expectStatus(await api.call('POST', '/v1/simulations/calibrations/workspace?days=7&interval_min=60'), 200);
      assert.equal(report.fit.totals.offered.history, seeded.answered.length + seeded.abandoned);
      assert.equal(report.fit.totals.abandoned.history, seeded.abandoned);
      assert.equal(report.fit.totals.asa_s.history, 60, 'each answered a minute after it came');
      assert.equal(report.fit.intervals.filter((i: { offered: { history: number } }) => i.offered.history > 0).length, SEEDED_DAYS.length);
      assert.ok(report.fit.totals.offered.simulated > 0);
    });

    it('refuses a workspace without history, a window out of range and a role that may not simulate', async () => {
      const other = await api.otherWorkspace('empty');
      const empty = assertError(await api.call('GET', '/v1/simulations/starting-scenario', { token: other }), 422, 'invalid_history');
      assert.equal(empty.reading.tickets, 0);
      assertError(await api.call('GET', '/v1/simulations/starting-scenario?days=0'), 400, 'validation_failed');
      assertError(await api.call('POST', '/v1/simulations/calibrations/workspace?interval_min=20'), 400, 'validation_failed');
      assertError(await api.call('GET', '/v1/simulations/starting-scenario', { token: await api.token('viewer') }), 403, 'forbidden');
    });

    it('switchboard simulate calibrate --from-workspace writes the scenario and the fit report', async () => {
      const out = join(dir, 'scenario.json');
      const run = await runCli(['simulate', 'calibrate', '--from-workspace', '--days', '7', '--interval', '60', '--workspace', 'main', '--out', out, '--report', join(dir, 'report.json'), ...api.db.cliArgs]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`Calibrated from ${seeded.answered.length + seeded.abandoned} of ${seeded.answered.length + seeded.abandoned + 1} tickets`));
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
      assert.equal(report.fit.totals.abandoned.history, seeded.abandoned);
      assert.equal(JSON.parse(readFileSync(out, 'utf8')).agents.length, 2);
      const markdown = join(dir, 'report.md');
      assert.equal((await runCli(['simulate', 'calibrate', '--from-workspace', '--workspace', 'main', '--out', out, '--report', markdown, ...api.db.cliArgs])).code, 0);
      assert.match(readFileSync(markdown, 'utf8'), /Tickets created from .*: 31; read as calls: 30; skipped: 1 still open/);
      const both = await runCli(['simulate', 'calibrate', '--from-workspace', '--from', 'calls.csv', '--out', out, ...api.db.cliArgs]);
      assert.equal(both.code, 2);
      assert.match(both.stderr, /Give either --from FILE or --from-workspace/);
      const days = await runCli(['simulate', 'calibrate', '--from-workspace', '--days', '99', '--out', out, ...api.db.cliArgs]);
      assert.equal(days.code, 2);
    });
  });
}

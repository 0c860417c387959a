import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { DAY, T0, loadMetricsScenario, scenarioClock } from './helpers/metrics-fixtures.js';
import { runCli } from './helpers/cli.js';

const FROM = new Date(T0).toISOString();
const TO = new Date(T0 + DAY).toISOString();

for (const backend of BACKENDS) {
  // Most of the time is CLI start-up; the cases only read, so they run side by side.
  describe(`switchboard metrics (${backend.name})`, { concurrency: true }, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(backend, { clock: scenarioClock() });
      await loadMetricsScenario(api);
    });
    after(() => api.close());

    const run = (...args: string[]) => runCli(['metrics', '--workspace', 'main', '--from', FROM, '--to', TO, ...args, ...api.db.cliArgs]);

    it('prints readable tables: figures per group, escalation, series, agents, best performers', async () => {
      const result = await run('--group-by', 'queue', '--interval', 'day');
      assert.equal(result.code, 0, result.stderr);
      const lines = result.stdout.split('\n');
      assert.match(lines[0]!, /^metrics of main from 2026-03-02T08:00:00.000Z to 2026-03-03T08:00:00.000Z, by queue$/);
      assert.match(lines.find((l) => l.startsWith('all '))!, /^all\s+4\s+3\s+2\s+1h 00m \/ 1h 24m\s+3h 00m \/ 3h 00m\s+33\.3%\s+25\.0%\s+50\.0%\s+1\s+1\s+50\.0%$/);
      assert.match(lines.find((l) => l.startsWith('billing '))!, /^billing\s+3\s+3\s+0\s/);
      assert.match(result.stdout, /trigger to first human reply 20m \/ 20m/);
      assert.match(result.stdout, /csat: no ratings in the range/);
      assert.match(result.stdout, /knowledge-base deflections on the request form: 0/);
      assert.match(result.stdout, /^2026-03-02T00:00:00.000Z\s+4\s+3\s+1\s+2\s+—$/m);
      assert.match(result.stdout, /^Ann\s+2\s+2\s+1\s+8\s+12\.5%\s+1h 30m \/ 1h 54m$/m);
      assert.match(result.stdout, /^incident\s+Bob\s+1\s+0\.944$/m);
    });

    it('prints the same JSON as the API', async () => {
      const result = await run('--json', '--group-by', 'agent');
      assert.equal(result.code, 0, result.stderr);
      const fromApi = expectStatus(await api.call('GET', `/v1/metrics?from=${FROM}&to=${TO}&group_by=agent`), 200);
      assert.deepEqual(JSON.parse(result.stdout), fromApi);
    });

    it('prints one table as CSV', async () => {
      const result = await run('--csv', '--table', 'agents');
      assert.equal(result.code, 0, result.stderr);
      const rows = parse(result.stdout) as string[][];
      assert.equal(rows[0]![0], 'agent_id');
      assert.deepEqual(rows.slice(1).map((r) => [r[1], r[2], r[3]]).sort(), [['Ann', '2', '2'], ['Bob', '2', '1']]);
    });

    it('filters as the API does, and prints the leaderboard and SLA targets', async () => {
      const result = await run('--json', '--queue', 'billing', '--priority', 'high', '--interval', 'week');
      assert.equal(result.code, 0, result.stderr);
      const fromApi = expectStatus(await api.call('GET', `/v1/metrics?from=${FROM}&to=${TO}&queue=billing&priority=high&interval=week`), 200);
      assert.deepEqual(JSON.parse(result.stdout), fromApi);
      assert.equal(fromApi.totals.created, 1);
      const tables = await run('--channel', 'chat');
      assert.equal(tables.code, 0, tables.stderr);
      assert.match(tables.stdout.split('\n')[0]!, /, only channel chat$/);
      assert.match(tables.stdout, /^Bob\s+1\s+1h 00m\s+3h 00m\s+0\.0%\s+—\s+0$/m);
      assert.match(tables.stdout, /^policy \S+\s+first_response\s+1\s+0\s+0\.0%$/m);
      const bad = await run('--channel', 'pigeon');
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--channel must be one of email, chat/);
    });

    it('exits 2 on a bad flag or range, saying what is wrong', async () => {
      const group = await run('--group-by', 'team');
      assert.equal(group.code, 2);
      assert.match(group.stderr, /--group-by must be one of queue, agent, type, channel, priority/);
      const date = await runCli(['metrics', '--workspace', 'main', '--from', 'yesterday', ...api.db.cliArgs]);
      assert.equal(date.code, 2);
      assert.match(date.stderr, /--from must be an ISO 8601 date/);
      const inverted = await runCli(['metrics', '--workspace', 'main', '--from', TO, '--to', FROM, ...api.db.cliArgs]);
      assert.equal(inverted.code, 2);
      assert.match(inverted.stderr, /`from` must be before `to`/);
      const both = await run('--json', '--csv');
      assert.equal(both.code, 2);
    });
  });
}

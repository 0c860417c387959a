import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';
import { DAY, HOUR, T0, loadMetricsScenario, scenarioClock, type MetricsScenario } from './helpers/metrics-fixtures.js';

const WINDOW = `from=${new Date(T0).toISOString()}&to=${new Date(T0 + DAY).toISOString()}`;

/** The score `best_performer` routing learns from one resolution without a rating (see routing/performance.ts). */
const score = (hours: number, reroutes: number) => 0.5 * (24 / (24 + hours)) + 0.5 * (0.6 + (reroutes === 0 ? 0.4 : reroutes === 1 ? 0.2 : 0));

const NO_RATINGS = { average: null, responses: 0, satisfied: null };

const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} should be ${expected}`);

for (const backend of BACKENDS) {
  describe(`metrics report (${backend.name})`, () => {
    let api: TestApi;
    let scenario: MetricsScenario;
    const report = async (query = ''): Promise<JsonBody> => expectStatus(await api.call('GET', `/v1/metrics?${WINDOW}${query}`), 200);

    before(async () => {
      api = await startTestApi(backend, { clock: scenarioClock() });
      scenario = await loadMetricsScenario(api);
    });
    after(() => api.close());

    it('counts, times and rates over the whole window match the hand-worked figures', async () => {
      const body = await report();
      assert.equal(body.from, '2026-03-02T08:00:00.000Z');
      assert.equal(body.group_by, null);
      assert.deepEqual(body.groups, []);
      assert.deepEqual(body.series, []);
      assert.deepEqual(body.totals, {
        created: 4,
        resolved: 3,
        backlog: 2,
        // T1 600 s, T2 3600 s, T3 5400 s; p90 sits 0.8 of the way from 3600 to 5400.
        first_response_s: { median: 3600, p90: 5040 },
        // T1 1 h, T2 3 h, T3 3 h.
        resolution_s: { median: 10800, p90: 10800 },
        first_contact_resolution: 1 / 3,
        reroute_rate: 0.25,
        sla: { attained: 0.5, breaches: 1 },
        escalation: {
          escalated: 1,
          // T2 of the four created tickets, escalated 40 minutes after it arrived.
          rate: 0.25,
          time_to_escalate_s: { median: 2400, p90: 2400 },
          trigger_to_human_s: { median: 1200, p90: 1200 },
          resolution_s_escalated: { median: 10800, p90: 10800 },
          // T1 1 h and T3 3 h: p90 is 0.9 of the way from one to the other.
          resolution_s_not_escalated: { median: 7200, p90: 10080 },
          resolved_first_human_contact: 1,
        },
        csat: { average: null, responses: 0, satisfied: null },
        routing_accuracy: 0.5,
      });
    });

    it('splits the figures per queue, in the order of the keys', async () => {
      const body = await report('&group_by=queue');
      assert.deepEqual(body.groups.map((g: JsonBody) => [g.key, g.label, g.created, g.resolved, g.backlog]), [
        ['billing', 'billing', 3, 3, 0],
        ['general', 'general', 1, 0, 2],
      ]);
      const billing = body.groups[0];
      assert.equal(billing.reroute_rate, 1 / 3);
      assert.deepEqual(billing.sla, { attained: 0.5, breaches: 1 });
      assert.equal(body.groups[1].first_response_s.median, null);
      assert.equal(body.totals.created, 4, 'the totals do not change with the grouping');
    });

    it('labels agent groups with their names and groups tickets by who holds them now', async () => {
      const body = await report('&group_by=agent');
      assert.deepEqual(body.groups.map((g: JsonBody) => [g.key, g.label, g.created, g.resolved, g.backlog]), [
        [scenario.ann, 'Ann', 2, 2, 1],
        [scenario.bob, 'Bob', 2, 1, 1],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
    });

    it('reports each agent: assignments and resolutions in the window, load against capacity now, handle times', async () => {
      const body = await report();
      assert.deepEqual(body.agents, [
        {
          agent_id: scenario.ann, name: 'Ann', assigned: 2, resolved: 2, open_load: 1, open_tickets: 1, capacity: 8, utilization: 0.125,
          handle_time_s: { median: 5400, p90: 6840 },
        },
        {
          agent_id: scenario.bob, name: 'Bob', assigned: 2, resolved: 1, open_load: 1, open_tickets: 1, capacity: 3, utilization: 1 / 3,
          handle_time_s: { median: 10800, p90: 10800 },
        },
      ]);
    });

    it('names the best performer of each category with the score routing learned', async () => {
      const body = await report();
      assert.deepEqual(body.best_performers.map((b: JsonBody) => [b.category, b.name, b.resolved]), [['incident', 'Bob', 1], ['support', 'Ann', 2]]);
      near(body.best_performers[0].score, score(3, 0));
      near(body.best_performers[1].score, (score(1, 0) + score(3, 1)) / 2);
    });

    it('gives an hourly series with every hour of the window, empty ones as zeros', async () => {
      const body = await report('&interval=hour');
      assert.equal(body.series.length, 24);
      assert.equal(body.series[0].at, '2026-03-02T08:00:00.000Z');
      const busy = body.series.filter((p: JsonBody) => p.created + p.resolved + p.sla_breaches > 0)
        .map((p: JsonBody) => [(Date.parse(p.at) - T0) / HOUR, p.created, p.resolved, p.sla_breaches]);
      assert.deepEqual(busy, [[0, 1, 0, 0], [1, 1, 1, 1], [2, 1, 0, 0], [3, 1, 0, 0], [4, 0, 1, 0], [5, 0, 1, 0]]);
      const daily = await report('&interval=day');
      // The window starts at 08:00, so it touches two UTC days.
      assert.deepEqual(daily.series, [
        { at: '2026-03-02T00:00:00.000Z', created: 4, resolved: 3, sla_breaches: 1, backlog: 2, csat: NO_RATINGS },
        { at: '2026-03-03T00:00:00.000Z', created: 0, resolved: 0, sla_breaches: 0, backlog: 2, csat: NO_RATINGS },
      ]);
    });

    it('leaves out what happened outside the window', async () => {
      const before = new Date(T0 - 3 * DAY).toISOString();
      const body = expectStatus(await api.call('GET', `/v1/metrics?from=${before}&to=${new Date(T0).toISOString()}`), 200);
      assert.equal(body.totals.created, 1, 'only T5 was created before T0');
      assert.equal(body.totals.resolved, 0);
      assert.equal(body.totals.backlog, 1);
      assert.equal(body.totals.first_contact_resolution, null);
      assert.deepEqual(body.totals.resolution_s, { median: null, p90: null });
    });
  });
}

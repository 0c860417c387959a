import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';
import { DAY, T0, loadMetricsScenario, scenarioClock, type MetricsScenario } from './helpers/metrics-fixtures.js';

const WINDOW = `from=${new Date(T0).toISOString()}&to=${new Date(T0 + DAY).toISOString()}`;
const counts = (body: JsonBody) => [body.totals.created, body.totals.resolved, body.totals.backlog];

// The scenario's figures are worked out by hand in test/helpers/metrics-fixtures.ts.
for (const backend of BACKENDS) {
  describe(`metrics filters and lead figures (${backend.name})`, () => {
    let api: TestApi;
    let scenario: MetricsScenario;
    const report = async (query = ''): Promise<JsonBody> => expectStatus(await api.call('GET', `/v1/metrics?${WINDOW}${query}`), 200);

    before(async () => {
      api = await startTestApi(backend, { clock: scenarioClock() });
      scenario = await loadMetricsScenario(api);
    });
    after(() => api.close());

    it('keeps only the tickets with the filtered queue, agent, type, channel and priority', async () => {
      assert.deepEqual(counts(await report()), [4, 3, 2]);
      assert.deepEqual(counts(await report('&queue=billing')), [3, 3, 0]);
      assert.deepEqual(counts(await report('&channel=phone')), [1, 0, 1]);
      assert.deepEqual(counts(await report('&type=incident&priority=high')), [1, 1, 0]);
      assert.deepEqual(counts(await report('&queue=billing&channel=phone')), [0, 0, 0]);
      const ann = await report(`&agent=${scenario.ann}`);
      assert.deepEqual(counts(ann), [2, 2, 1]);
      assert.deepEqual(ann.agents.map((a: JsonBody) => [a.name, a.resolved]), [['Ann', 2]]);
      assert.deepEqual(ann.filter, { agent: scenario.ann });
      assert.deepEqual((await report('&queue=billing&interval=day')).series.map((p: JsonBody) => p.created), [3, 0]);
    });

    it('runs the backlog on from the tickets open at the start, ending at the report backlog', async () => {
      const body = await report('&interval=hour');
      assert.deepEqual(body.series.slice(0, 6).map((p: JsonBody) => p.backlog), [2, 2, 3, 4, 3, 2]);
      assert.equal(body.series.at(-1).backlog, body.totals.backlog);
    });

    it('counts weeks from Monday', async () => {
      const body = await report('&interval=week');
      assert.deepEqual(body.series.map((p: JsonBody) => [p.at, p.created, p.resolved, p.backlog]), [['2026-03-02T00:00:00.000Z', 4, 3, 2]]);
    });

    it('ranks agents by resolved work with their median times, first-contact resolution and CSAT', async () => {
      const body = await report();
      assert.deepEqual(body.leaderboard, [
        {
          agent_id: scenario.ann, name: 'Ann', resolved: 2, first_response_s: { median: 3000, p90: 4920 }, resolution_s: { median: 7200, p90: 10_080 },
          first_contact_resolution: 0.5, csat: { average: null, responses: 0 },
        },
        {
          agent_id: scenario.bob, name: 'Bob', resolved: 1, first_response_s: { median: 3600, p90: 3600 }, resolution_s: { median: 10_800, p90: 10_800 },
          first_contact_resolution: 0, csat: { average: null, responses: 0 },
        },
      ]);
    });

    it('gives SLA attainment per policy and target, and the times as bands', async () => {
      const body = await report();
      assert.deepEqual(body.sla_targets.map((t: JsonBody) => [t.metric, t.held, t.met, t.attained]), [['first_response', 2, 1, 0.5]]);
      assert.match(body.sla_targets[0].policy_name, /^policy /);
      assert.deepEqual(body.distributions.first_response.map((b: JsonBody) => b.count), [1, 0, 2, 0, 0, 0, 0]);
      assert.deepEqual(body.distributions.resolution.map((b: JsonBody) => b.count), [0, 0, 3, 0, 0, 0, 0]);
      assert.deepEqual(body.distributions.resolution.slice(-1), [{ from_s: 259_200, to_s: null, count: 0 }]);
    });

    it('exports the leaderboard, SLA targets and distributions as CSV', async () => {
      const csv = async (table: string) => {
        const response = await api.app.inject({ url: `/v1/metrics?${WINDOW}&format=csv&table=${table}`, headers: { authorization: `Bearer ${api.admin}` } });
        return response.body.split('\n')[0];
      };
      assert.equal(await csv('leaderboard'), 'agent_id,name,resolved,first_response_s.median,first_response_s.p90,resolution_s.median,'
        + 'resolution_s.p90,first_contact_resolution,csat.average,csat.responses');
      assert.equal(await csv('sla_targets'), 'policy_id,policy_name,metric,held,met,attained');
      assert.equal(await csv('distributions'), 'measure,from_s,to_s,count');
    });

    it('refuses a filter value that cannot be one, changing nothing', async () => {
      for (const bad of ['channel=pigeon', 'priority=extreme', 'agent=not%20an%20id', 'queue=', `type=${'x'.repeat(201)}`]) {
        assertError(await api.call('GET', `/v1/metrics?${WINDOW}&${bad}`), 400, 'validation_failed');
      }
    });
  });
}

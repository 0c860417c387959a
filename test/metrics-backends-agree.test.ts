import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';
import { DAY, HOUR, T0, loadMetricsScenario, scenarioClock } from './helpers/metrics-fixtures.js';

const RANGES = [
  `from=${new Date(T0).toISOString()}&to=${new Date(T0 + DAY).toISOString()}`,
  `from=${new Date(T0 - 3 * DAY).toISOString()}&to=${new Date(T0 + 3 * DAY).toISOString()}`,
];
const VARIANTS = ['', '&group_by=queue', '&group_by=agent', '&group_by=type', '&group_by=channel', '&group_by=priority', '&interval=hour', '&interval=day',
  '&interval=week', '&queue=billing&interval=day', '&channel=phone&group_by=queue', '&type=support&priority=normal&group_by=agent'];

/** Ratings of two resolutions and a deflection, so the CSAT figures and deflections are compared too. */
async function addRatings(api: TestApi, tickets: { t1: string; t2: string }): Promise<void> {
  await api.db.store.transaction(async (tx) => {
    for (const [ticketId, score, at] of [[tickets.t1, 5, T0 + 2 * HOUR], [tickets.t2, 2, T0 + 5 * HOUR]] as const) {
      const ticket = (await tx.tickets.get(api.workspaceId, ticketId))!;
      await tx.portal.insertRating({
        id: `csat_${ticketId}`, workspaceId: api.workspaceId, ticketId, resolvedAt: ticket.resolvedAt!, score, comment: null,
        agentId: ticket.assigneeId, category: ticket.type, ratedAt: at,
      });
    }
    await tx.portal.insertDeflection({ id: 'dfl_1', workspaceId: api.workspaceId, articleId: 'art_1', at: T0 + HOUR });
  });
}

/** Every variant of the report over the scenario, with agent ids (random per database) replaced by names. */
async function reportsOn(backend: (typeof BACKENDS)[number]): Promise<JsonBody[]> {
  const api = await startTestApi(backend, { clock: scenarioClock() });
  try {
    const scenario = await loadMetricsScenario(api);
    await addRatings(api, scenario.tickets);
    const names: Record<string, string> = { [scenario.ann]: 'Ann', [scenario.bob]: 'Bob' };
    const reports: JsonBody[] = [];
    for (const range of RANGES) {
      for (const variant of VARIANTS) {
        const body = expectStatus(await api.call('GET', `/v1/metrics?${range}${variant}`), 200);
        // Agent ids and the SLA policy's id and name are random per database: compare them by what they stand for.
        const text = JSON.stringify(body).replace(/agt_[0-9A-Z]+/g, (id) => names[id] ?? id)
          .replace(/slp_[0-9A-Z]+/g, 'the policy id').replace(/policy t[0-9]+-[0-9]+/g, 'the policy');
        const report = JSON.parse(text);
        report.groups.sort((a: JsonBody, b: JsonBody) => String(a.key).localeCompare(String(b.key)));
        reports.push({ query: `${range}${variant}`, report });
      }
    }
    return reports;
  } finally {
    await api.close();
  }
}

describe('the metrics report on both backends', () => {
  it('gives the same figures on SQLite and PostgreSQL for the same tickets and events', { skip: BACKENDS.length < 2 && 'needs both backends' }, async () => {
    const [sqlite, postgres] = [await reportsOn(BACKENDS[0]!), await reportsOn(BACKENDS[1]!)];
    assert.equal(sqlite.length, RANGES.length * VARIANTS.length);
    for (const [i, report] of sqlite.entries()) assert.deepEqual(postgres[i], report, `differs for ${report.query}`);
    assert.ok(sqlite.some((r) => r.report.groups.length > 1) && sqlite.some((r) => r.report.series.length > 24), 'the variants exercise groups and long series');
    assert.deepEqual(sqlite[0]!.report.totals.csat, { average: 3.5, responses: 2, satisfied: 0.5 });
    assert.equal(sqlite[0]!.report.deflections, 1);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody } from './helpers/http.js';
import { DAY, T0, loadMetricsScenario, scenarioClock } from './helpers/metrics-fixtures.js';

const RANGES = [
  `from=${new Date(T0).toISOString()}&to=${new Date(T0 + DAY).toISOString()}`,
  `from=${new Date(T0 - 3 * DAY).toISOString()}&to=${new Date(T0 + 3 * DAY).toISOString()}`,
];
const VARIANTS = ['', '&group_by=queue', '&group_by=agent', '&group_by=type', '&group_by=channel', '&group_by=priority', '&interval=hour', '&interval=day'];

/** Every variant of the report over the scenario, with agent ids (random per database) replaced by names. */
async function reportsOn(backend: (typeof BACKENDS)[number]): Promise<JsonBody[]> {
  const api = await startTestApi(backend, { clock: scenarioClock() });
  try {
    const scenario = await loadMetricsScenario(api);
    const names: Record<string, string> = { [scenario.ann]: 'Ann', [scenario.bob]: 'Bob' };
    const reports: JsonBody[] = [];
    for (const range of RANGES) {
      for (const variant of VARIANTS) {
        const body = expectStatus(await api.call('GET', `/v1/metrics?${range}${variant}`), 200);
        const text = JSON.stringify(body).replace(/agt_[0-9A-Z]+/g, (id) => names[id] ?? id);
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
  });
});

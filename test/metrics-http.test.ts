import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { ManualClock } from '../src/domain/shared/clock.js';
import { assertError, createAgent, createTicket, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { addTaggedPolicy } from './helpers/sla-fixtures.js';

const START = Date.UTC(2026, 4, 4, 9, 0, 0);
const MINUTE = 60_000;
const SCRAPE_TOKEN = 'scrape-0123456789abcdef';
const iso = (ms: number) => new Date(ms).toISOString();
const WINDOW = `from=${iso(START - 60 * MINUTE)}&to=${iso(START + 60 * MINUTE)}`;

interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Reads the Prometheus text format strictly: every sample belongs to a family announced by HELP and TYPE. */
function parseExposition(text: string): ParsedSample[] {
  assert.ok(text.endsWith('\n'), 'the exposition ends with a line feed');
  const announced = new Map<string, string[]>();
  const samples: ParsedSample[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    const comment = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)$/.exec(line);
    if (comment) {
      announced.set(comment[2]!, [...(announced.get(comment[2]!) ?? []), comment[1]!]);
      if (comment[1] === 'TYPE') assert.equal(comment[3], 'gauge');
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    assert.ok(sample, `not a sample line: ${line}`);
    assert.deepEqual(announced.get(sample[1]!), ['HELP', 'TYPE'], `${sample[1]} is announced before its samples`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!.replace(/\\(.)/g, '$1');
    samples.push({ name: sample[1]!, labels, value: Number(sample[3]) });
  }
  return samples;
}

const valueOf = (samples: ParsedSample[], name: string, labels: Record<string, string>) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

for (const backend of BACKENDS) {
  describe(`metrics over HTTP (${backend.name})`, () => {
    let api: TestApi;
    const clock = new ManualClock(START);
    const raw = (url: string, token: string | undefined, headers: Record<string, string> = {}) =>
      api.app.inject({ method: 'GET', url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

    before(async () => {
      api = await startTestApi(backend, { clock, metricsToken: SCRAPE_TOKEN });
      // Only senior agents work billing and general; Bob (level 1) is offered sales work and holds it unanswered.
      await createAgent(api, { name: 'Ann', status: 'away', level: 5 });
      await createAgent(api, { name: '=Bob', status: 'available', level: 1 });
      const policy = {
        queues: [
          { id: 'billing', agents: 'agent.level >= 5' }, { id: 'general', agents: 'agent.level >= 5' },
          { id: 'sales', agents: 'agent.level == 1', mode: 'offer', offer_timeout: '1h' },
        ],
        rules: [], default: { queue: 'general' },
      };
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: policy }), 200);
      const { tag } = await addTaggedPolicy(api, { normal: { first_response: { minutes: 30 } } });
      await createTicket(api, { title: 'Oldest', queue: 'billing', tags: [tag] });
      clock.advance(MINUTE);
      await createTicket(api, { title: 'Newer', queue: 'billing' });
      await createTicket(api, { title: 'Lead', queue: 'sales' });
      clock.advance(30 * MINUTE);
      await api.fireDueTimers();
      clock.advance(9 * MINUTE);
    });
    after(() => api.close());

    it('exposes queue lengths, waiting age, agents, offers and breaches in the Prometheus text format', async () => {
      const response = await raw('/metrics', api.admin);
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
      const samples = parseExposition(response.body);
      const ws = { workspace: 'main' };
      assert.equal(valueOf(samples, 'switchboard_queue_waiting_tickets', { ...ws, queue: 'billing' }), 2);
      assert.equal(valueOf(samples, 'switchboard_queue_oldest_waiting_seconds', { ...ws, queue: 'billing' }), 40 * 60);
      assert.equal(valueOf(samples, 'switchboard_queue_waiting_tickets', { ...ws, queue: 'sales' }), 1, 'an offered ticket waits until it is accepted');
      assert.equal(valueOf(samples, 'switchboard_agents_available', ws), 1);
      assert.equal(valueOf(samples, 'switchboard_offers_pending', ws), 1);
      assert.equal(valueOf(samples, 'switchboard_sla_breached_open_tickets', ws), 1);
      assert.equal(valueOf(samples, 'switchboard_open_tickets', { ...ws, status: 'queued' }), 3);
      assert.equal(valueOf(samples, 'switchboard_webhook_backlog', ws), 0);
    });

    it('shows a token its own workspace, and the scrape token every workspace', async () => {
      const other = await api.otherWorkspace('other');
      const own = parseExposition((await raw('/metrics', other)).body);
      assert.deepEqual([...new Set(own.map((s) => s.labels.workspace))], ['other']);
      const supervisor = await api.token('supervisor');
      assert.equal((await raw('/metrics', supervisor)).statusCode, 200);
      const all = parseExposition((await raw('/metrics', SCRAPE_TOKEN)).body);
      assert.deepEqual(all.filter((s) => s.name === 'switchboard_agents_available').map((s) => [s.labels.workspace, s.value]).sort(), [['main', 1], ['other', 0]]);
    });

    it('refuses scrapes without a token, with a wrong one, or with a role below supervisor', async () => {
      assertError(await api.call('GET', '/metrics', { token: '' }), 401, 'unauthorized');
      assertError(await api.call('GET', '/metrics', { token: 'scrape-not-the-right-one' }), 401, 'unauthorized');
      assertError(await api.call('GET', '/metrics', { token: await api.token('viewer') }), 403, 'forbidden');
      assertError(await api.call('GET', '/v1/metrics', { token: SCRAPE_TOKEN }), 401, 'unauthorized');
      assertError(await api.call('GET', '/v1/metrics', { token: await api.token('agent') }), 403, 'forbidden');
      expectStatus(await api.call('GET', '/v1/metrics', { token: await api.token('viewer') }), 200);
    });

    it('exports the figures as CSV, one row for all tickets and one per group, with dotted column names', async () => {
      const response = await raw(`/v1/metrics?${WINDOW}&group_by=queue&format=csv`, api.admin);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/csv/);
      const [header, ...rows] = parse(response.body) as string[][];
      assert.deepEqual(header!.slice(0, 8), ['scope', 'key', 'label', 'created', 'resolved', 'backlog', 'first_response_s.median', 'first_response_s.p90']);
      assert.ok(header!.includes('escalation.trigger_to_human_s.median') && header!.includes('routing_accuracy') && header!.includes('csat.satisfied'));
      assert.ok(header!.includes('escalation.rate') && header!.includes('escalation.time_to_escalate_s.p90'));
      assert.equal(header!.length, 29);
      const column = (row: string[], name: string) => row[header!.indexOf(name)];
      assert.deepEqual(rows.map((row) => [row[0], row[1], row[2], column(row, 'created'), column(row, 'backlog'), column(row, 'sla.breaches')]), [
        ['total', '', 'all', '3', '3', '1'],
        ['group', 'billing', 'billing', '2', '2', '1'],
        ['group', 'sales', 'sales', '1', '1', '0'],
      ]);
      assert.equal(column(rows[0]!, 'first_response_s.median'), '', 'a figure with nothing to measure is an empty cell');
    });

    it('answers Accept: text/csv with CSV, and exports the series and agent tables; text a spreadsheet would run is escaped', async () => {
      const series = await raw(`/v1/metrics?${WINDOW}&interval=hour&table=series`, api.admin, { accept: 'text/csv' });
      const [seriesHeader, ...points] = parse(series.body) as string[][];
      assert.deepEqual(seriesHeader, ['at', 'created', 'resolved', 'sla_breaches', 'backlog', 'csat.average', 'csat.responses', 'csat.satisfied']);
      assert.deepEqual(points.map((p) => [p[0], p[1]]), [[iso(START - 60 * MINUTE), '0'], [iso(START), '3']]);
      const agents = parse((await raw(`/v1/metrics?${WINDOW}&format=csv&table=agents`, api.admin)).body) as string[][];
      assert.deepEqual(agents[0], ['agent_id', 'name', 'assigned', 'resolved', 'open_load', 'open_tickets', 'capacity', 'utilization', 'handle_time_s.median', 'handle_time_s.p90']);
      assert.deepEqual(agents.slice(1).map((row) => row[1]).sort(), ["'=Bob", 'Ann']);
      const json = await raw(`/v1/metrics?${WINDOW}&format=json`, api.admin, { accept: 'text/csv' });
      assert.equal(JSON.parse(json.body).totals.created, 3, 'format=json wins over the Accept header');
    });

    it('refuses a bad range or grouping with a coded 4xx', async () => {
      const at = (ms: number) => encodeURIComponent(iso(ms));
      const details = assertError(await api.call('GET', `/v1/metrics?from=${at(START)}&to=${at(START - MINUTE)}`), 422, 'invalid_range');
      assert.equal(details.from, iso(START));
      assertError(await api.call('GET', `/v1/metrics?from=${at(START)}&to=${at(START)}`), 422, 'invalid_range');
      const tooLong = assertError(await api.call('GET', `/v1/metrics?from=${at(START - 367 * 86_400_000)}&to=${at(START)}`), 422, 'range_too_large');
      assert.equal(tooLong.max_days, 366);
      assertError(await api.call('GET', `/v1/metrics?from=${at(START - 32 * 86_400_000)}&to=${at(START)}&interval=hour`), 422, 'range_too_large');
      expectStatus(await api.call('GET', `/v1/metrics?from=${at(START - 32 * 86_400_000)}&to=${at(START)}&interval=day`), 200);
      assertError(await api.call('GET', '/v1/metrics?group_by=team'), 400, 'validation_failed');
      assertError(await api.call('GET', '/v1/metrics?interval=minute'), 400, 'validation_failed');
      assertError(await api.call('GET', '/v1/metrics?from=yesterday'), 400, 'validation_failed');
      assertError(await api.call('GET', '/v1/metrics?format=xml'), 400, 'validation_failed');
      assertError(await api.call('GET', '/v1/metrics?window=7d'), 400, 'validation_failed');
    });

    it('covers the week before now when no range is given', async () => {
      const body = expectStatus(await api.call('GET', '/v1/metrics'), 200);
      assert.equal(body.to, iso(clock.now()));
      assert.equal(body.from, iso(clock.now() - 7 * 86_400_000));
      assert.equal(body.totals.created, 3);
    });
  });
}

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { expectStatus, listAll } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/import/${name}`, import.meta.url));
const ZENDESK = [
  'zendesk', fixture('zendesk-tickets.json'), '--users', fixture('zendesk-users.json'), '--organizations', fixture('zendesk-organizations.json'),
  '--groups', fixture('zendesk-groups.json'), '--ticket-fields', fixture('zendesk-ticket-fields.json'),
];
const FRESHDESK = ['freshdesk', fixture('freshdesk-tickets.csv'), '--time-zone', 'Europe/Helsinki'];
const POLICY = {
  queues: [{ id: 'billing', agents: 'true', strategy: 'least_busy' }, { id: 'access', agents: 'true', strategy: 'round_robin' }],
  rules: [{ name: 'billing', when: "'billing' in ticket.tags", targets: [{ queue: 'billing' }] }],
  default: { queue: 'access' },
};
const MINUTES = { first_response: { minutes: 60 }, resolution: { minutes: 480 } };

for (const backend of BACKENDS) {
  describe(`importing from other help desks (${backend.name})`, () => {
    let api: TestApi;
    let dir: string;
    const agents: Record<string, string> = {};
    const run = (...args: string[]) => runCli(['import', ...args, '--workspace', 'main', ...api.db.cliArgs]);
    const tickets = async (): Promise<JsonBody[]> => listAll(api, '/v1/tickets?limit=200');
    const byTitle = async (title: string): Promise<JsonBody> => (await tickets()).find((t) => t.title === title);
    const comments = async (id: string): Promise<JsonBody[]> => expectStatus(await api.call('GET', `/v1/tickets/${id}/comments`), 200).data;

    before(async () => {
      api = await startTestApi(backend);
      dir = mkdtempSync(join(tmpdir(), 'switchboard-import-'));
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: POLICY }), 200);
      for (const [name, email] of [['Sari Wulandari', 'sari@example.com'], ['Budi Santoso', 'budi@example.com']]) {
        const body = { name, email, status: 'available', capacity: { email: 10, chat: 1 } };
        agents[email!] = expectStatus(await api.call('POST', '/v1/agents', { body }), 201).id;
      }
      const targets = { urgent: MINUTES, high: MINUTES, normal: MINUTES, low: MINUTES };
      expectStatus(await api.call('POST', '/v1/sla-policies', { body: { name: 'Everything', condition: 'true', targets } }), 201);
    });
    after(async () => {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('brings in a Zendesk export with its history, times, conversation, fields and ratings', async () => {
      const result = await run(...ZENDESK);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Imported 14 tickets from zendesk \(14 created, 0 updated, 0 unchanged\); refused 0; \d+ tickets\/s/);
      const solved = await byTitle('Invoice shows the wrong VAT rate');
      assert.equal(solved.status, 'resolved');
      assert.equal(solved.created_at, '2026-10-01T08:00:00.000Z');
      assert.equal(solved.resolved_at, '2026-10-01T15:00:00.000Z');
      assert.equal(solved.first_response_at, '2026-10-01T09:30:00.000Z');
      assert.equal(solved.assignee, agents['sari@example.com']);
      assert.equal(solved.queue, 'billing', 'the Zendesk group names the queue of finished work');
      assert.equal(solved.type, 'support');
      assert.equal(solved.channel, 'email');
      assert.deepEqual(solved.fields, { category: 'billing', contract_number: 'C-101' });
      assert.deepEqual([solved.customer.email, solved.customer.organization], ['mika@customer.example', 'Virtanen Oy']);
      assert.equal(solved.sla, null, 'finished work is not held to an SLA again');
      const conversation = await comments(solved.id);
      assert.deepEqual(conversation.map((c) => [c.visibility, c.author.kind, c.created_at]), [
        ['internal', 'agent', '2026-10-01T09:00:00.000Z'], ['public', 'agent', '2026-10-01T09:30:00.000Z'],
      ]);
      const closed = await byTitle('Charged twice for the annual plan');
      assert.equal(closed.status, 'closed');
      const ratings = await api.db.store.read((tx) => tx.portal.ratingsFor(api.workspaceId, solved.id));
      assert.deepEqual(ratings.map((r) => [r.score, r.comment]), [[5, 'Quick and clear answer']]);
      const events = expectStatus(await api.call('GET', `/v1/tickets/${solved.id}/events`), 200).data;
      assert.ok(!events.some((e: JsonBody) => e.type.startsWith('routing.')), 'finished work was not routed');
    });

    it('takes open Zendesk tickets in through intake: routed, with SLA clocks from their real creation', async () => {
      const unassigned = await byTitle('Cannot reach the admin console');
      assert.equal(unassigned.queue, 'access');
      assert.ok(['assigned', 'queued'].includes(unassigned.status), unassigned.status);
      assert.equal(unassigned.priority, 'urgent');
      const firstResponse = unassigned.sla.metrics.find((m: JsonBody) => m.metric === 'first_response');
      assert.equal(firstResponse.started_at, '2026-12-01T08:00:00.000Z');
      assert.equal(firstResponse.due_at, '2026-12-01T09:00:00.000Z');
      const held = await byTitle('Invoice portal shows an error');
      assert.equal(held.assignee, agents['sari@example.com'], 'the Zendesk assignee, matched by e-mail');
      assert.equal(held.created_at, '2026-11-30T08:00:00.000Z');
      assert.deepEqual((await comments(held.id)).map((c) => [c.author.kind, c.visibility, c.created_at]), [
        ['customer', 'public', '2026-11-30T10:15:00.000Z'], ['agent', 'internal', '2026-11-30T10:20:00.000Z'],
      ]);
    });

    it('runs again without duplicates', async () => {
      const before = await tickets();
      const again = await run(...ZENDESK);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /\(0 created, 0 updated, 14 unchanged\)/);
      assert.equal((await tickets()).length, before.length);
      const held = await byTitle('Invoice portal shows an error');
      assert.equal((await comments(held.id)).length, 2);
    });

    it('reads a Freshdesk CSV export: a dry run keeps nothing, then each bad row is reported', async () => {
      const count = (await tickets()).length;
      const dry = await run(...FRESHDESK, '--dry-run');
      assert.equal(dry.code, 1);
      assert.match(dry.stdout, /Would import 5 tickets from freshdesk \(5 created, 0 updated, 0 unchanged\); refused 1/);
      assert.equal((await tickets()).length, count, 'a dry run keeps nothing');
      const report = join(dir, 'freshdesk-report.json');
      const real = await run(...FRESHDESK, '--report', report);
      assert.equal(real.code, 1);
      assert.match(real.stderr, /row 6: invalid_value at \/status: "Sideways" is not a known status/);
      assert.deepEqual(JSON.parse(readFileSync(report, 'utf8')).rejected.map((r: JsonBody) => r.row), [6]);
      const printer = await byTitle('Printer on floor 3 is offline');
      assert.equal(printer.status, 'resolved');
      assert.equal(printer.created_at, '2026-10-05T06:30:00.000Z', 'Freshdesk local time read in the given zone');
      assert.deepEqual(printer.fields, { product: 'printers', category: 'Hardware' });
      assert.deepEqual(printer.tags, ['hardware', 'printers']);
      assert.equal(printer.assignee, agents['sari@example.com'], 'Freshdesk names the agent; matched by name');
      assert.equal(printer.type, 'incident');
      assert.equal(printer.channel, 'form');
      const monitor = await byTitle('Request a second monitor');
      assert.notEqual(monitor.queue, null, 'an open Freshdesk ticket is routed');
    });

    it('reads any CSV through a column mapping (a Jira Service Management export)', async () => {
      const result = await run('mapped', fixture('jira-service-management.csv'), '--mapping', fixture('jira-mapping.json'));
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Imported 2 tickets from mapped \(2 created/);
      const vpn = await byTitle('Reset my VPN token');
      assert.deepEqual([vpn.status, vpn.type, vpn.priority], ['resolved', 'task', 'normal']);
      assert.equal(vpn.created_at, '2026-10-05T07:30:00.000Z', "Jira's own time format, in the mapping's zone");
      assert.equal(vpn.assignee, agents['budi@example.com']);
      assert.deepEqual(vpn.fields, { request_type: 'Get IT help' });
      const ratings = await api.db.store.read((tx) => tx.portal.ratingsFor(api.workspaceId, vpn.id));
      assert.deepEqual(ratings.map((r) => r.score), [4]);
      const bounce = await byTitle('Email bounces from partner domain');
      assert.equal(bounce.sla.metrics[0].started_at, '2026-11-30T13:00:00.000Z');
      const broken = await run('mapped', fixture('jira-service-management.csv'), '--mapping', fixture('zendesk-users.json'));
      assert.equal(broken.code, 2, 'a file that is no mapping stops before any row');
      assert.match(broken.stderr, /is not valid/);
      const missing = await run(...ZENDESK, '--groups', join(dir, 'no-such-groups.json'));
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /No file .*no-such-groups\.json/);
    });

    it('trains the classifier on the imported resolved tickets', async () => {
      const trained = await runCli(['triage', 'train', '--seed', '1', '--json', '--workspace', 'main', ...api.db.cliArgs]);
      assert.equal(trained.code, 0, trained.stderr);
      const category = JSON.parse(trained.stdout).models.find((m: JsonBody) => m.kind === 'category');
      assert.deepEqual([...category.classes].sort(), ['access', 'billing']);
    });
  });
}

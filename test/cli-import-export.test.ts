import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { submitTicketCommand } from '../src/commands/intake/submit-ticket.js';
import { importRecords, type ImportInput } from '../src/commands/import-records.js';
import { createWorkspaceCommand } from '../src/commands/workspace-commands.js';
import type { TicketDraft } from '../src/domain/ticket/ticket.js';
import { fail } from '../src/domain/errors.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { systemClock, systemIds } from '../src/surfaces/runtime.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import type { JsonBody } from './helpers/http.js';
import { runCli } from './helpers/cli.js';
import { REACTIONS } from '../src/commands/reactors.js';
import { createAgentCommand } from '../src/commands/agent-commands.js';
import { savePolicyCommand } from '../src/commands/routing/policy-commands.js';
import { createSlaPolicyCommand } from '../src/commands/sla/sla-policy-commands.js';
import { slaPolicyFromBody } from '../src/surfaces/wire/sla/sla-input.js';
import type { PolicyDocument } from '../src/domain/routing/policy.js';

const TICKETS_CSV = [
  'title,description,channel,priority,customer.id,customer.name,customer.email,customer.tier,tags,fields',
  'Printer jammed,Paper stuck,email,high,c-1,Ann Lee,ann@example.com,vip,hardware;printer,"{""floor"":3}"',
  ',no title,email,normal,,,,,,',
  'Refund please,,chat,normal,c-2,Bob Tran,not-an-email,pro,refund,',
  'Carrier pigeon,,pigeon,normal,,,,,,',
  'Login loop,Cannot sign in,form,urgent,c-3,Cy Ng,cy@example.com,free,account|login,',
  '"   ",blank title,email,normal,,,,,,',
].join('\n');

// Text that trips naive CSV and JSON writers: commas, quotes, line breaks, non-ASCII, nesting.
const ROUND_TRIP_TICKETS = [
  { title: 'Refund, "soon"', description: 'Line one\nline two', channel: 'email', priority: 'high', tags: ['refund', 'billing'],
    customer: { id: 'c-9', name: 'Zoë Ålund', email: 'zoe@example.com', organization: 'Acme, Inc.', tier: 'enterprise' },
    fields: { order: { id: 42, lines: [1, 2] } }, location: { lat: 60.17, lon: 24.94, address: 'Helsinki' }, language: 'fi' },
  { title: 'No customer at all', type: 'incident', channel: 'phone', tags: [] },
  { title: 'Due soon', due_at: '2030-01-02T03:04:05.000Z', queue: 'billing', customer: { email: 'only@example.com' } },
];

// A routing policy with the `billing` queue the round-trip fixture names, and a default queue.
const POLICY: PolicyDocument = {
  queues: [{ id: 'billing', agents: 'true', strategy: 'least_busy' }, { id: 'general', agents: 'true', strategy: 'least_busy' }],
  rules: [{ name: 'billing', when: "'billing' in ticket.tags", targets: [{ queue: 'billing' }] }],
  default: { queue: 'general' },
};
const HOUR = { first_response: { minutes: 60 }, resolution: { minutes: 480 } };

for (const backend of BACKENDS) {
  // Each test works in its own workspaces, so they run side by side: most of the time is CLI start-up.
  describe(`CLI import and export (${backend.name})`, { concurrency: true }, () => {
    let db: TestDatabase;
    let dir: string;
    const ids = systemIds();

    before(async () => {
      db = await backend.open();
      dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-'));
    });
    after(async () => {
      await db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    const run = (...args: string[]) => runCli([...args, ...db.cliArgs]);
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const workspace = (slug: string) =>
      db.store.transaction((tx) => createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids, tx }, { slug, name: slug }));
    const inWorkspace = (workspaceId: string) => ({ actor: SYSTEM_ACTOR, clock: systemClock, ids, workspaceId, reactions: REACTIONS });
    /** A workspace whose routing policy has a `billing` queue. */
    const routedWorkspace = async (slug: string) => {
      const ws = await workspace(slug);
      await db.store.transaction((tx) => savePolicyCommand({ ...inWorkspace(ws.id), tx }, POLICY));
      return ws;
    };
    const tickets = async (workspaceId: string) => (await db.store.read((tx) => tx.tickets.list({ workspaceId, limit: 1000 }))).items;
    const agents = async (workspaceId: string) => (await db.store.read((tx) => tx.agents.list({ workspaceId, limit: 1000 }))).items;

    it('imports the good rows of a CSV file and reports each bad one with its row and code (exit 1)', async () => {
      const ws = await workspace('csv-in');
      const report = join(dir, 'csv-report.json');
      const result = await run('import', 'tickets', file('tickets.csv', TICKETS_CSV), '--workspace', 'csv-in', '--report', report);
      assert.equal(result.code, 1, result.stderr);
      const rejected = JSON.parse(readFileSync(report, 'utf8')).rejected as JsonBody[];
      assert.deepEqual(rejected.map((r) => [r.row, r.code, r.path]), [
        [2, 'validation_failed', ''],
        [3, 'validation_failed', '/customer/email'],
        [4, 'validation_failed', '/channel'],
        // Passes the schema but not the command: its batch is replayed without it.
        [6, 'invalid_value', '/title'],
      ]);
      assert.match(result.stderr, /^row 3: validation_failed at \/customer\/email: /m);
      assert.match(result.stderr, /^row 4: validation_failed at \/channel: must be one of email, chat/m);
      const stored = await tickets(ws.id);
      assert.deepEqual(stored.map((t) => t.title).sort(), ['Login loop', 'Printer jammed']);
      const printer = stored.find((t) => t.title === 'Printer jammed')!;
      assert.deepEqual(printer.tags, ['hardware', 'printer']);
      assert.deepEqual(printer.customer, { id: 'c-1', name: 'Ann Lee', email: 'ann@example.com', organization: null, tier: 'vip', crm: null });
      assert.deepEqual(printer.fields, { floor: 3 });
      assert.deepEqual(stored.find((t) => t.title === 'Login loop')!.tags, ['account', 'login']);
    });

    it('imports a JSON array of agents and JSON lines of tickets, reporting the bad rows', async () => {
      const ws = await workspace('json-in');
      const agentsFile = file('agents.json', JSON.stringify([
        { name: 'Ann', skills: { billing: 7 }, capacity: { email: 5 }, languages: ['en', 'fi'] },
        { name: 'Bob', skills: { billing: 11 } },
        { name: 'Cy', unknown: 1 },
        { name: 'Dee', working_hours: { timezone: 'Nowhere/Land', days: {} } },
      ]));
      const lines = ['{"title":"First"}', '', '{"title":"Second","tags":["a"]}', '{"title": oops}', '{"title":"Third","priority":"soon"}'];
      const [agentResult, ticketResult] = await Promise.all([
        run('import', 'agents', agentsFile, '--workspace', 'json-in'),
        run('import', 'tickets', file('tickets.jsonl', lines.join('\n')), '--workspace', 'json-in', '--format', 'json'),
      ]);
      assert.equal(agentResult.code, 1, agentResult.stderr);
      assert.match(agentResult.stderr, /^row 2: validation_failed at \/skills\/billing: /m);
      assert.match(agentResult.stderr, /^row 3: validation_failed at \/unknown: unknown field "unknown"/m);
      assert.match(agentResult.stderr, /^row 4: invalid_value at \/working_hours\/timezone: /m);
      assert.deepEqual((await agents(ws.id)).map((a) => [a.name, a.skills, a.capacity]), [['Ann', { billing: 7 }, { email: 5 }]]);

      assert.equal(ticketResult.code, 1, ticketResult.stderr);
      assert.match(ticketResult.stderr, /^row 3: malformed_json: /m);
      assert.match(ticketResult.stderr, /^row 4: validation_failed at \/priority: must be one of urgent, high, normal, low/m);
      assert.deepEqual((await tickets(ws.id)).map((t) => t.title).sort(), ['First', 'Second']);
    });

    it('takes open tickets in through intake, as POST /v1/tickets: routed to a queue and an agent, SLA running', async () => {
      const ws = await routedWorkspace('intake');
      const ann = await db.store.transaction((tx) =>
        createAgentCommand({ ...inWorkspace(ws.id), tx }, { name: 'Ann', status: 'available', capacity: { email: 5 } }));
      const targets = { urgent: HOUR, high: HOUR, normal: HOUR, low: HOUR };
      await db.store.transaction((tx) =>
        createSlaPolicyCommand({ ...inWorkspace(ws.id), tx }, slaPolicyFromBody({ name: 'All', condition: 'true', targets })));
      const open = [{ title: 'Invoice is wrong', tags: ['billing'], channel: 'email' }, { title: 'Cannot sign in', channel: 'email' }];
      const result = await run('import', 'tickets', file('open.json', JSON.stringify(open)), '--workspace', 'intake');
      assert.equal(result.code, 0, result.stderr);
      const stored = await tickets(ws.id);
      assert.deepEqual(stored.map((t) => [t.title, t.queue, t.status, t.assigneeId]).sort(), [
        ['Cannot sign in', 'general', 'assigned', ann.id], ['Invoice is wrong', 'billing', 'assigned', ann.id],
      ]);
      assert.ok(stored.every((t) => t.sla !== null), 'each SLA clock runs from intake');
    });

    it('imports its own exports again: JSON, CSV and JSON lines keep titles, tags, customers and fields', async () => {
      const source = await routedWorkspace('rt-source');
      const seeded = await run('import', 'tickets', file('seed.json', JSON.stringify(ROUND_TRIP_TICKETS)), '--workspace', 'rt-source');
      assert.equal(seeded.code, 0, seeded.stderr);
      const essence = (list: Awaited<ReturnType<typeof tickets>>) => list
        .map((t) => ({ title: t.title, description: t.description, type: t.type, channel: t.channel, priority: t.priority, tags: t.tags,
          customer: t.customer, fields: t.fields, location: t.location, language: t.language, dueAt: t.dueAt, queue: t.queue }))
        .sort((a, b) => a.title.localeCompare(b.title));
      const expected = essence(await tickets(source.id));
      assert.equal(expected.length, ROUND_TRIP_TICKETS.length);

      const formats = ['json', 'csv', 'jsonl'] as const;
      const out = (format: string) => join(dir, `export.${format}`);
      const exports = await Promise.all(formats.map((format) => run('export', 'tickets', '--workspace', 'rt-source', '--out', out(format))));
      for (const [i, format] of formats.entries()) {
        assert.equal(exports[i]!.code, 0, exports[i]!.stderr);
        const text = readFileSync(out(format), 'utf8');
        const rows: JsonBody[] = format === 'json' ? JSON.parse(text)
          : format === 'csv' ? parse(text, { columns: true }) : text.trim().split('\n').map((line) => JSON.parse(line));
        assert.equal(rows.length, ROUND_TRIP_TICKETS.length, format);
        assert.ok(rows.every((row) => typeof row.id === 'string' && row.status === 'queued'), format);
      }

      const targets = await Promise.all(formats.map((format) => routedWorkspace(`rt-${format}`)));
      const imports = await Promise.all(formats.map((format) => run('import', 'tickets', out(format), '--workspace', `rt-${format}`)));
      for (const [i, format] of formats.entries()) {
        assert.equal(imports[i]!.code, 0, `${format}: ${imports[i]!.stderr}`);
        assert.deepEqual(essence(await tickets(targets[i]!.id)), expected, format);
      }
    });

    it('exports only the tickets a filter asks for', async () => {
      await workspace('filtered');
      await run('import', 'tickets', file('two.json', JSON.stringify([{ title: 'One' }, { title: 'Two' }])), '--workspace', 'filtered');
      const [queued, none] = await Promise.all([
        run('export', 'tickets', '--workspace', 'filtered', '--status', 'queued', '--since', '2000-01-01'),
        run('export', 'tickets', '--workspace', 'filtered', '--status', 'closed', '--format', 'csv'),
      ]);
      assert.deepEqual((JSON.parse(queued.stdout) as JsonBody[]).map((t) => t.title).sort(), ['One', 'Two']);
      assert.equal(parse(none.stdout, { columns: true }).length, 0);
      assert.match(none.stdout, /^id,type,title,/);
    });

    it('round-trips agents through CSV and exports the history as JSON lines', async () => {
      const source = await workspace('agents-rt');
      const csv = 'name,email,skills,languages,teams,level,capacity,status\nAnn,ann@example.com,billing:7;refund:5,en;fi,finance,2,email:5;chat:2,available\n';
      assert.equal((await run('import', 'agents', file('agents.csv', csv), '--workspace', 'agents-rt')).code, 0);
      const out = join(dir, 'agents-export.csv');
      const [exported, history] = await Promise.all([
        run('export', 'agents', '--workspace', 'agents-rt', '--out', out),
        run('export', 'events', '--workspace', 'agents-rt', '--format', 'jsonl'),
      ]);
      assert.equal(exported.code, 0, exported.stderr);
      const target = await workspace('agents-rt2');
      assert.equal((await run('import', 'agents', out, '--workspace', 'agents-rt2')).code, 0);
      const shape = (list: Awaited<ReturnType<typeof agents>>) =>
        list.map((a) => ({ name: a.name, email: a.email, skills: a.skills, languages: a.languages, teams: a.teams, level: a.level, capacity: a.capacity, status: a.status }));
      assert.deepEqual(shape(await agents(target.id)), shape(await agents(source.id)));

      assert.equal(history.code, 0, history.stderr);
      const events = history.stdout.trim().split('\n').map((line) => JSON.parse(line) as JsonBody);
      assert.deepEqual(events.map((e) => [e.type, e.actor.kind, e.actor.name]), [['policy.saved', 'system', 'Switchboard'], ['agent.created', 'system', 'import']]);
    });

    it('keeps every good row when the command refuses some, wherever they sit in a batch', async () => {
      const ws = await workspace('batches');
      // Rows 1, 4, 5 and 9 name an agent that does not exist; rows 10 and 11 were invalid before writing.
      const refused = new Set([1, 4, 5, 9]);
      async function* inputs(): AsyncGenerator<ImportInput<TicketDraft>> {
        for (let row = 1; row <= 9; row++) yield { row, draft: { title: `Row ${row}`, assigneeId: refused.has(row) ? 'agt_missing' : null } };
        yield { row: 10, error: fail('validation_failed', 'bad', { path: '/title' }) };
        yield { row: 11, error: fail('malformed_json') };
      }
      const context = { actor: SYSTEM_ACTOR, workspaceId: ws.id, clock: systemClock, ids, reactions: REACTIONS };
      const summary = await importRecords(db.store, context, submitTicketCommand, inputs(), { batchSize: 4 });
      assert.equal(summary.imported, 5);
      assert.deepEqual(summary.rejected.map((r) => [r.row, r.code, r.path]), [
        [1, 'invalid_reference', '/assignee'], [4, 'invalid_reference', '/assignee'], [5, 'invalid_reference', '/assignee'],
        [9, 'invalid_reference', '/assignee'], [10, 'validation_failed', '/title'], [11, 'malformed_json', null],
      ]);
      assert.deepEqual((await tickets(ws.id)).map((t) => t.title).sort(), ['Row 2', 'Row 3', 'Row 6', 'Row 7', 'Row 8']);
    });

    it('exits with 2 on usage errors', async () => {
      const csv = file('usage.csv', 'title\nNever imported\n');
      const results = await Promise.all([
        run('import', 'tickets', csv, '--format', 'xml'),
        run('import', 'tickets', join(dir, 'missing.csv')),
        run('import', 'tickets', csv, '--workspace', 'nope'),
        run('export', 'events', '--format', 'xml'),
        run('export', 'agents', '--status', 'queued'),
      ]);
      assert.deepEqual(results.map((r) => r.code), [2, 2, 2, 2, 2], results.map((r) => r.stderr).join('\n'));
      assert.match(results[0]!.stderr, /Unknown format "xml"/);
    });
  });
}

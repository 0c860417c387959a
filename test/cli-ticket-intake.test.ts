import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { cliOn } from './helpers/cli.js';
import type { JsonBody } from './helpers/http.js';

for (const backend of BACKENDS) {
  describe(`the CLI takes tickets in and escalates them (${backend.name})`, () => {
    let db: TestDatabase;
    let dir: string;
    before(async () => {
      db = await backend.open();
      dir = mkdtempSync(join(tmpdir(), 'switchboard-intake-'));
    });
    after(async () => {
      await db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });
    const { run, json } = cliOn(() => db);
    const titles = async () => (await json('tickets', 'list')).data.map((t: JsonBody) => t.title);

    it('creates a ticket through intake: read, queued and routed to an available agent', async () => {
      assert.equal((await run('workspace', 'create', '--slug', 'desk')).code, 0);
      const agents = join(dir, 'agents.json');
      writeFileSync(agents, JSON.stringify([{ name: 'Ann', skills: { billing: 7 }, capacity: { email: 5 }, status: 'available' }]));
      assert.equal((await run('import', 'agents', agents)).code, 0);
      const ann = (await json('agents', 'list')).data[0];
      const created = await json('tickets', 'create', '--title', 'Charged twice', '--description', 'I want a refund for order 7',
        '--channel', 'email', '--tags', 'billing, refund', '--customer-email', 'bo@example.com');
      assert.equal(created.status, 'assigned');
      assert.equal(created.queue, 'general');
      assert.equal(created.assignee, ann.id);
      assert.deepEqual(created.tags, ['billing', 'refund']);
      assert.equal(created.customer.email, 'bo@example.com');
      assert.ok(created.signals.flags.includes('refund'), 'the text was read at intake');
      const table = await run('tickets', 'create', '--title', 'Second');
      assert.match(table.stdout, /^Created tkt_\S+: \w+ · normal · queue general/);
    });

    it('refuses a bad ticket with exit 2 and keeps nothing', async () => {
      const before = await titles();
      const unknownQueue = await run('tickets', 'create', '--title', 'Lost', '--queue', 'nowhere');
      assert.equal(unknownQueue.code, 2);
      assert.match(unknownQueue.stderr, /invalid_reference/);
      const noTitle = await run('tickets', 'create', '--title', '');
      assert.equal(noTitle.code, 2);
      assert.match(noTitle.stderr, /\/title/);
      const badPriority = await run('tickets', 'create', '--title', 'Soon', '--priority', 'soon');
      assert.equal(badPriority.code, 2);
      assert.match(badPriority.stderr, /\/priority/);
      assert.deepEqual(await titles(), before);
    });

    it('escalates a ticket one level up, and refuses a level beyond the last', async () => {
      const ticket = await json('tickets', 'create', '--title', 'Server room flooded');
      const outcome = await json('tickets', 'escalate', ticket.id, '--reason', 'water near the racks');
      assert.deepEqual([outcome.escalation.from_level, outcome.escalation.to_level], [0, 1]);
      assert.deepEqual((await json('tickets', 'show', ticket.id)).escalation, { level: 1, reason: 'water near the racks' });
      const table = await run('tickets', 'escalate', ticket.id, '--reason', 'still rising');
      assert.match(table.stdout, /level 1 → 2/);
      const beyond = await run('tickets', 'escalate', ticket.id, '--reason', 'x', '--level', '4');
      assert.equal(beyond.code, 2);
      assert.match(beyond.stderr, /invalid_value/);
      assert.equal((await run('tickets', 'escalate', ticket.id, '--reason', 'x', '--level', 'high')).code, 2);
      const unknown = await run('tickets', 'escalate', 'tkt_nope', '--reason', 'x');
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /ticket_not_found/);
      assert.equal((await json('tickets', 'show', ticket.id)).escalation.level, 2);
    });
  });
}

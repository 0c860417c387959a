import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { cliOn } from './helpers/cli.js';
import type { JsonBody } from './helpers/http.js';

for (const backend of BACKENDS) {
  describe(`the CLI for daily work (${backend.name})`, () => {
    let db: TestDatabase;
    let dir: string;
    before(async () => {
      db = await backend.open();
      dir = mkdtempSync(join(tmpdir(), 'switchboard-daily-'));
    });
    after(async () => {
      await db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });
    const { run, json } = cliOn(() => db);

    it('lists workspaces and prints the line that makes one the default', async () => {
      assert.equal((await run('workspace', 'create', '--slug', 'ops', '--name', 'Operations')).code, 0);
      assert.deepEqual((await json('workspaces', 'list')).data.map((w: JsonBody) => [w.slug, w.name]), [['ops', 'Operations']]);
      const use = await run('workspace', 'use', 'ops');
      assert.equal(use.stdout.trim(), 'export SWITCHBOARD_WORKSPACE=ops');
      assert.equal((await run('workspace', 'use', 'nowhere')).code, 2);
    });

    it('lists and revokes tokens', async () => {
      const created = await run('token', 'create', '--role', 'viewer', '--name', 'wallboard');
      assert.equal(created.code, 0, created.stderr);
      const listed = (await json('tokens', 'list')).data;
      const wallboard = listed.find((t: JsonBody) => t.name === 'wallboard');
      assert.equal(wallboard.revoked_at, null);
      assert.ok(!JSON.stringify(listed).includes('hash'), 'no secret or hash is shown');
      assert.equal((await run('tokens', 'revoke', wallboard.id)).code, 0);
      assert.notEqual((await json('tokens', 'list')).data.find((t: JsonBody) => t.id === wallboard.id).revoked_at, null);
      const unknown = await run('tokens', 'revoke', 'tok_nope');
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /token_not_found/);
    });

    it('lists, shows, updates, assigns and comments on tickets with the API\'s rules', async () => {
      const file = join(dir, 'tickets.jsonl');
      writeFileSync(file, '{"title": "Printer jammed", "priority": "normal"}\n{"title": "VPN down", "priority": "urgent"}\n');
      assert.equal((await run('import', 'tickets', file)).code, 0);
      const listed = (await json('tickets', 'list')).data;
      assert.deepEqual(listed.map((t: JsonBody) => t.title).sort(), ['Printer jammed', 'VPN down']);
      const printer = listed.find((t: JsonBody) => t.title === 'Printer jammed');
      const table = await run('tickets', 'list', '--status', printer.status);
      assert.match(table.stdout, /^id\s+status\s+priority/);
      assert.match(table.stdout, /Printer jammed/);
      assert.equal((await json('tickets', 'update', printer.id, '--priority', 'high', '--tags', 'hardware,floor-3')).priority, 'high');
      const comment = await json('tickets', 'comment', printer.id, '--body', 'Paper removed from tray 2', '--internal');
      assert.equal(comment.visibility, 'internal');
      const shown = await json('tickets', 'show', printer.id);
      assert.deepEqual(shown.tags, ['hardware', 'floor-3']);
      assert.deepEqual(shown.comments.map((c: JsonBody) => c.body), ['Paper removed from tray 2']);
      const close = await run('tickets', 'update', printer.id, '--status', 'closed');
      assert.equal(close.code, 0, close.stderr);
      const reopen = await run('tickets', 'update', printer.id, '--status', 'queued');
      assert.equal(reopen.code, 2, 'a closed ticket is final, as through the API');
      assert.match(reopen.stderr, /invalid_transition/);
      assert.equal((await run('tickets', 'update', printer.id, '--status', 'sideways')).code, 2);
      assert.equal((await run('tickets', 'assign', printer.id, 'agt_nobody')).code, 2);
      assert.equal((await run('tickets', 'show', 'tkt_nope')).code, 2);
    });
  });
}

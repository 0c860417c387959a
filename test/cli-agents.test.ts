import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { cliOn } from './helpers/cli.js';
import type { JsonBody } from './helpers/http.js';

for (const backend of BACKENDS) {
  describe(`the CLI for agents (${backend.name})`, () => {
    let db: TestDatabase;
    let dir: string;
    let ann: JsonBody;
    before(async () => {
      db = await backend.open();
      dir = mkdtempSync(join(tmpdir(), 'switchboard-agents-'));
      const file = join(dir, 'agents.json');
      writeFileSync(file, JSON.stringify([
        { name: 'Ann', email: 'ann@example.com', skills: { billing: 7 }, capacity: { email: 5 }, status: 'available' },
        { name: 'Bob', skills: { network: 5 }, teams: ['ops'], status: 'offline' },
      ]));
      assert.equal((await run('workspace', 'create', '--slug', 'desk')).code, 0);
      assert.equal((await run('import', 'agents', file)).code, 0);
      ann = (await json('agents', 'list', '--skill', 'billing')).data[0];
    });
    after(async () => {
      await db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });
    const { run, json } = cliOn(() => db);

    it('lists agents as a table or as the API\'s JSON, with filters, and shows one', async () => {
      assert.equal(ann.name, 'Ann');
      assert.deepEqual((await json('agents', 'list', '--status', 'offline')).data.map((a: JsonBody) => a.name), ['Bob']);
      assert.deepEqual((await json('agents', 'list', '--team', 'ops')).data.map((a: JsonBody) => a.name), ['Bob']);
      const table = await run('agents', 'list');
      assert.match(table.stdout, /^id\s+name\s+status\s+level\s+skills/);
      assert.match(table.stdout, /Ann\s+available\s+1\s+billing:7\s+email:5/);
      assert.equal((await json('agents', 'show', ann.id)).email, 'ann@example.com');
      assert.match((await run('agents', 'show', ann.id)).stdout, /skills billing:7/);
      assert.equal((await run('agents', 'list', '--status', 'asleep')).code, 2);
      const unknown = await run('agents', 'show', 'agt_nope');
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /agent_not_found/);
    });

    it('sets skills, languages, teams, level and capacity as PATCH does, refusing bad values', async () => {
      const changed = await json('agents', 'set', ann.id, '--skills', 'billing:9,refund:4', '--languages', 'en,fi',
        '--teams', 'finance', '--level', '2', '--capacity', 'email:3,chat:1');
      assert.deepEqual([changed.skills, changed.languages, changed.teams, changed.level, changed.capacity],
        [{ billing: 9, refund: 4 }, ['en', 'fi'], ['finance'], 2, { email: 3, chat: 1 }]);
      for (const bad of [['--skills', 'billing'], ['--skills', 'billing:11'], ['--level', 'two'], ['--capacity', 'fax:2'], []]) {
        const refused = await run('agents', 'set', ann.id, ...bad);
        assert.equal(refused.code, 2, bad.join(' '));
      }
      assert.equal((await run('agents', 'set', 'agt_nope', '--level', '2')).code, 2);
      assert.deepEqual((await json('agents', 'show', ann.id)).skills, { billing: 9, refund: 4 }, 'refusals changed nothing');
    });

    it('changes presence through the same command as the API: an agent back from away pulls the waiting work', async () => {
      assert.equal((await json('agents', 'presence', ann.id, 'away')).status, 'away');
      const waiting = await json('tickets', 'create', '--title', 'Invoice question');
      assert.equal(waiting.assignee, null);
      assert.equal((await json('agents', 'presence', ann.id, 'available')).status, 'available');
      assert.equal((await json('tickets', 'show', waiting.id)).assignee, ann.id);
      const refused = await run('agents', 'presence', ann.id, 'asleep');
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /available, busy, away, offline/);
    });
  });
}

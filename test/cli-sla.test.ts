import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createWorkspaceCommand } from '../src/commands/workspace-commands.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { systemClock, systemIds } from '../src/surfaces/runtime.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { OFFICE_HOURS } from './helpers/sla-fixtures.js';
import { runCli } from './helpers/cli.js';

for (const backend of BACKENDS) {
  // The two tests use their own workspaces and run side by side: most of the time is CLI start-up.
  describe(`switchboard sla (${backend.name})`, { concurrency: true }, () => {
    let db: TestDatabase;
    let dir: string;
    before(async () => {
      db = await backend.open();
      dir = mkdtempSync(join(tmpdir(), 'switchboard-sla-'));
      for (const slug of ['sla', 'sla-bad']) {
        await db.store.transaction((tx) => createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids: systemIds(), tx }, { slug, name: slug }));
      }
    });
    after(async () => {
      await db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    const run = (workspace: string, ...args: string[]) => runCli([...args, '--workspace', workspace, ...db.cliArgs]);
    const file = (name: string, value: unknown) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(value));
      return path;
    };

    it('adds business hours, sets the policies from a file in order, and lists them', async () => {
      const added = await run('sla', 'sla', 'hours', file('hours.json', OFFICE_HOURS));
      assert.equal(added.code, 0, added.stderr);
      const hoursId = /business hours (\S+) /.exec(added.stdout)![1]!;
      const policies = {
        policies: [
          { name: 'VIP', condition: "ticket.customer != null && ticket.customer.tier == 'vip'", targets: { high: { first_response: { minutes: 30, business_hours: hoursId } } } },
          { name: 'Everyone', targets: { normal: { resolution: { minutes: 2880 } } } },
        ],
      };
      const set = await run('sla', 'sla', 'set', file('policies.json', policies));
      assert.equal(set.code, 0, set.stderr);
      assert.match(set.stdout, /Saved 2 SLA policies/);
      const listed = JSON.parse((await run('sla', 'sla', 'list')).stdout);
      assert.deepEqual(listed.policies.map((p: { name: string }) => p.name), ['VIP', 'Everyone']);
      assert.equal(listed.business_hours[0].id, hoursId);
    });

    it('refuses a file with mistakes, naming each, and saves nothing', async () => {
      const bad = { policies: [{ name: 'Broken', condition: 'ticket.priorty == "high"', targets: { low: { resolution: { minutes: 0 } } } }] };
      const result = await run('sla-bad', 'sla', 'set', file('bad.json', bad));
      assert.equal(result.code, 1);
      assert.match(result.stderr, /\/policies\/0\/condition \(line 1, column 8\)/);
      assert.match(result.stderr, /\/policies\/0\/targets\/low\/resolution\/minutes/);
      const workspace = await db.store.read((tx) => tx.workspaces.getBySlug('sla-bad'));
      assert.deepEqual(await db.store.read((tx) => tx.slaPolicies.list(workspace!.id)), []);
    });
  });
}

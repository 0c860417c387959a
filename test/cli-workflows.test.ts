import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { savePolicyCommand } from '../src/commands/routing/policy-commands.js';
import { createWorkspaceCommand } from '../src/commands/workspace-commands.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { systemClock, systemContext, systemIds } from '../src/surfaces/runtime.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';

for (const backend of BACKENDS) {
  describe(`switchboard escalation, automations and types (${backend.name})`, () => {
    let db: TestDatabase;
    let dir: string;
    before(async () => {
      db = await backend.open();
      dir = mkdtempSync(join(tmpdir(), 'switchboard-workflows-'));
      await db.store.transaction(async (tx) => {
        const ws = await createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids: systemIds(), tx }, { slug: 'flows', name: 'flows' });
        await savePolicyCommand(systemContext(tx, ws.id, systemIds()), { queues: [{ id: 'tier1', agents: 'true' }], rules: [], default: { queue: 'tier1' } });
      });
    });
    after(async () => {
      await db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    const run = (...args: string[]) => runCli([...args, '--workspace', 'flows', ...db.cliArgs]);
    const file = (name: string, value: unknown) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(value));
      return path;
    };

    it('sets the escalation config from a file, refusing one with mistakes by path, and adds an automation', async () => {
      const bad = await run('escalation', 'set', file('bad.json', { levels: [{ level: 1, queue: 'tier9', owner: { role: 'admin' } }], triggers: [] }));
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /\/levels\/0\/queue/);
      const good = await run('escalation', 'set', file('good.json', { levels: [{ level: 1, queue: 'tier1', owner: { role: 'admin' } }], triggers: [{ name: 'idle', preset: 'idle' }] }));
      assert.equal(good.code, 0, good.stderr);
      const shown = JSON.parse((await run('escalation', 'show')).stdout);
      assert.deepEqual([shown.version, shown.config.triggers[0].preset], [1, 'idle']);

      const added = await run('automations', 'add', file('rule.json', { name: 'tag urgent', events: ['ticket.created'], when: "ticket.priority == 'urgent'", actions: [{ kind: 'add_tags', tags: ['hot'] }] }));
      assert.equal(added.code, 0, added.stderr);
      const listed = JSON.parse((await run('automations', 'list', '--json')).stdout).data;
      assert.deepEqual(listed.map((a: { name: string }) => a.name), ['tag urgent']);
      const swept = await run('automations', 'run');
      assert.equal(swept.code, 0, swept.stderr);
    });

    it('sets, lists and removes a ticket type, refusing a broken one by path', async () => {
      const bad = await run('types', 'set', file('bad-type.json', { name: 'bug', label: 'Bug', fields: [{ key: 'severity', label: 'Severity', kind: 'select' }] }));
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /\/fields\/0\/options/);
      const good = await run('types', 'set', file('type.json', { name: 'bug', label: 'Bug', fields: [{ key: 'steps', label: 'Steps to reproduce', kind: 'textarea', required: true }] }));
      assert.equal(good.code, 0, good.stderr);
      assert.match(good.stdout, /Saved bug as version 1/);
      assert.deepEqual(JSON.parse((await run('types', 'list')).stdout).map((t: { name: string }) => t.name), ['bug']);
      assert.equal(JSON.parse((await run('types', 'show', 'bug')).stdout).fields[0].required, true);
      const environment = JSON.parse((await run('policy', 'fields')).stdout) as { scopes: { routing: { path: string; custom?: { kind: string } }[] } };
      assert.equal(environment.scopes.routing.find((field) => field.path === 'ticket.fields.steps')?.custom?.kind, 'textarea');
      assert.equal((await run('types', 'remove', 'bug')).code, 0);
      assert.equal((await run('types', 'show', 'bug')).code, 1);
    });
  });
}

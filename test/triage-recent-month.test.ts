import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createWorkspaceCommand } from '../src/commands/workspace-commands.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { systemClock, systemIds } from '../src/surfaces/runtime.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';
import type { JsonBody } from './helpers/http.js';

const MAPPING = {
  source: 'archive',
  columns: { external_id: 'id', title: 'subject', status: 'status', group: 'team', created_at: 'created', solved_at: 'solved' },
};
const TEXTS = {
  billing: ['Invoice total is wrong', 'Refund the double charge', 'VAT missing on the receipt', 'Card charged twice this month'],
  access: ['Cannot sign in to the portal', 'Password reset link expired', 'Account locked after login tries', 'Two-factor code never arrives'],
};

/** Resolved tickets of two teams: ten each solved in September and early October, six each in late November. */
function history(): string {
  const rows = ['id,subject,status,team,created,solved'];
  let id = 0;
  const add = (team: keyof typeof TEXTS, day: string) => {
    const subject = TEXTS[team][id % 4]!;
    rows.push(`${++id},${subject},solved,${team},${day}T08:00:00Z,${day}T12:00:00Z`);
  };
  for (let i = 0; i < 10; i++) for (const team of ['billing', 'access'] as const) add(team, `2026-09-${String(10 + i).padStart(2, '0')}`);
  for (let i = 0; i < 6; i++) for (const team of ['billing', 'access'] as const) add(team, `2026-11-${String(20 + i).padStart(2, '0')}`);
  return rows.join('\n');
}

for (const backend of BACKENDS) {
  describe(`training reports the most recent month (${backend.name})`, () => {
    let db: TestDatabase;
    let dir: string;
    before(async () => {
      db = await backend.open();
      dir = mkdtempSync(join(tmpdir(), 'switchboard-recent-'));
      await db.store.transaction((tx) => createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids: systemIds(), tx }, { slug: 'desk', name: 'desk' }));
    });
    after(async () => {
      await db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it('scores a model trained on the earlier imported tickets on the last month of them', async () => {
      writeFileSync(join(dir, 'history.csv'), history());
      writeFileSync(join(dir, 'mapping.json'), JSON.stringify({ ...MAPPING, values: { status: { solved: 'resolved' } } }));
      const imported = await runCli(['import', 'mapped', join(dir, 'history.csv'), '--mapping', join(dir, 'mapping.json'), ...db.cliArgs]);
      assert.equal(imported.code, 0, imported.stderr);
      const trained = await runCli(['triage', 'train', '--seed', '1', '--json', ...db.cliArgs]);
      assert.equal(trained.code, 0, trained.stderr);
      const category = JSON.parse(trained.stdout).models.find((m: JsonBody) => m.kind === 'category');
      assert.equal(category.data_size, 32);
      const recent = category.recent_month;
      assert.deepEqual([recent.from, recent.to], ['2026-10-26T12:00:00.000Z', '2026-11-25T12:00:00.000Z']);
      assert.equal(recent.examples, 12, 'only the late-November tickets are scored');
      assert.ok(recent.accuracy > 0.5, `the earlier tickets teach the later ones (accuracy ${recent.accuracy})`);
      const text = await runCli(['triage', 'train', '--seed', '1', ...db.cliArgs]);
      assert.match(text.stdout, /most recent month \(2026-10-26 to 2026-11-25\), learnt from the tickets before it: 12 tickets/);
    });
  });
}

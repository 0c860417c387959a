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

const JSON_ARTICLES = [
  { title: 'Reset your password', body: 'Choose "Forgot password" on the sign-in page.', tags: ['account'], published: true },
  { title: 'How refunds work', body: 'Refunds go back to your card within ten days.', tags: ['billing'], language: 'en', published: true },
  { title: '', body: 'no title' },
];
const CSV_ARTICLES = [
  'title,body,tags,language,published',
  'Download an invoice,"Invoices are under Billing, as PDF.",billing;invoice,en,true',
  'Draft about refunds,Refund drafts stay hidden from viewers.,billing,,false',
  'Bad flag,Body,tag,en,maybe',
].join('\n');

for (const backend of BACKENDS) {
  describe(`CLI kb import and search (${backend.name})`, { concurrency: true }, () => {
    let db: TestDatabase;
    let dir: string;
    before(async () => {
      db = await backend.open();
      dir = mkdtempSync(join(tmpdir(), 'switchboard-kb-'));
      await db.store.transaction((tx) => createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids: systemIds(), tx }, { name: 'KB', slug: 'kb' }));
      writeFileSync(join(dir, 'articles.json'), JSON.stringify(JSON_ARTICLES));
      writeFileSync(join(dir, 'articles.csv'), CSV_ARTICLES);
      writeFileSync(join(dir, 'broken.json'), '{"not": "a list"');
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await db.cleanup();
    });

    it('imports the good rows of JSON and CSV files, names the bad ones, and finds them by search', async () => {
      const fromJson = await runCli(['kb', 'import', join(dir, 'articles.json'), '--workspace', 'kb', ...db.cliArgs]);
      assert.equal(fromJson.code, 1, fromJson.stderr);
      assert.match(fromJson.stdout, /Imported 2 articles; rejected 1/);
      assert.match(fromJson.stderr, /row 3:/);
      const fromCsv = await runCli(['kb', 'import', join(dir, 'articles.csv'), '--workspace', 'kb', ...db.cliArgs]);
      assert.match(fromCsv.stdout, /Imported 2 articles; rejected 1/);
      assert.match(fromCsv.stderr, /row 3:.*published/);

      const found = await runCli(['kb', 'search', 'refunds', '--json', '--workspace', 'kb', ...db.cliArgs]);
      assert.equal(found.code, 0, found.stderr);
      const hits = JSON.parse(found.stdout) as { title: string; published: boolean; snippet: string }[];
      assert.deepEqual(hits.map((h) => h.title).sort(), ['Draft about refunds', 'How refunds work']);
      const text = await runCli(['kb', 'search', 'invoice pdf', '--workspace', 'kb', ...db.cliArgs]);
      assert.match(text.stdout, /Download an invoice/);
      assert.match(text.stdout, /\*\*PDF\*\*/);
    });

    // Misuse is caught before the database is opened: one backend shows it.
    it('exits 2 on a missing file, an unreadable one, or a bad limit', { skip: backend !== BACKENDS[0] }, async () => {
      assert.equal((await runCli(['kb', 'import', join(dir, 'nope.json'), '--workspace', 'kb', ...db.cliArgs])).code, 2);
      const broken = await runCli(['kb', 'import', join(dir, 'broken.json'), '--workspace', 'kb', ...db.cliArgs]);
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /Cannot read/);
      assert.equal((await runCli(['kb', 'search', 'x', '--limit', '0', '--workspace', 'kb', ...db.cliArgs])).code, 2);
    });
  });
}

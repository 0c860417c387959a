import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';

for (const backend of BACKENDS) {
  describe(`switchboard init and template (${backend.name})`, { concurrency: true }, () => {
    let db: TestDatabase;
    let dir: string;
    before(async () => {
      db = await backend.open();
      dir = mkdtempSync(join(tmpdir(), 'switchboard-templates-'));
    });
    after(async () => {
      await db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    const run = (...args: string[]) => runCli([...args, ...db.cliArgs]);

    it('init creates the workspace and sets it up; diff then finds nothing to do; export writes a bundle', async () => {
      const init = await run('init', '--template', 'qa-bug-triage', '--workspace', 'qa');
      assert.equal(init.code, 0, init.stderr);
      assert.match(init.stdout, /Workspace qa set up from qa-bug-triage 1\.0\.0 .*6 agents/);
      assert.match(init.stdout, /Admin token \(shown once\): sb_/);
      const diff = await run('template', 'diff', 'qa-bug-triage', '--workspace', 'qa', '--json');
      assert.equal(diff.code, 0, diff.stderr);
      const counts = JSON.parse(diff.stdout).counts;
      assert.deepEqual([counts.added, counts.changed, counts.removed], [0, 0, 0]);
      const out = join(dir, 'qa.json');
      assert.equal((await run('template', 'export', '--workspace', 'qa', '--out', out)).code, 0);
      assert.equal(JSON.parse(readFileSync(out, 'utf8')).agents.length, 6);
      const scenario = join(dir, 'scenario.json');
      assert.equal((await run('template', 'export', '--scenario', '--workspace', 'qa', '--out', scenario)).code, 0);
      const simulated = await run('simulate', '--scenario', scenario, '--workspace', 'qa', '--json');
      assert.equal(simulated.code, 0, simulated.stderr);
      assert.ok(JSON.parse(simulated.stdout).policies[0].answered > 0);
    });

    it('apply shows the diff and waits for --yes; a bad file is refused with its paths and exit code 1', async () => {
      assert.equal((await run('init', '--template', 'sales-lead-routing', '--workspace', 'sales')).code, 0);
      const asked = await run('template', 'apply', 'incident-response', '--workspace', 'sales');
      assert.match(asked.stdout, /Nothing was applied: run again with --yes/);
      const applied = await run('template', 'apply', 'incident-response', '--workspace', 'sales', '--yes');
      assert.match(applied.stdout, /Applied incident-response 1\.0\.0/);
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ format: 1, name: 'bad', version: '1.0.0', title: 'Bad', description: '', use_case: '', automations: [{ name: 'x', events: ['ticket.created'], actions: [{ kind: 'assign_agent', agent: '@ghost' }] }] }));
      const refused = await run('template', 'apply', bad, '--workspace', 'sales', '--yes');
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /\/automations\/0\/actions\/0\/agent: There is no agent "@ghost"/);
    });
  });
}

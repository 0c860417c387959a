import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWorkspaceCommand } from '../src/commands/workspace-commands.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { systemClock, systemIds } from '../src/surfaces/runtime.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';

for (const backend of BACKENDS) {
  describe(`switchboard sso (${backend.name})`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await backend.open();
      await db.store.transaction((tx) => createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids: systemIds(), tx }, { slug: 'desk', name: 'desk' }));
    });
    after(() => db.cleanup());
    const run = (args: string[], stdin?: string) =>
      runCli(['sso', ...args, ...db.cliArgs, '--workspace', 'desk'], { stdin, env: { SWITCHBOARD_PUBLIC_URL: 'https://desk.example.com' } });
    const settingsArgs = ['--issuer', 'https://id.example.com', '--client-id', 'desk', '--domains', 'Example.com, example.org', '--name', 'Example ID'];

    it('sets the provider with the secret from standard input, shows it without the secret, and turns it off', async () => {
      const withoutSecret = await run(['set', ...settingsArgs]);
      assert.equal(withoutSecret.code, 1);
      assert.match(withoutSecret.stderr, /client secret is needed/);
      const set = await run(['set', ...settingsArgs, '--client-secret-stdin', '--role-claim', 'groups', '--map', 'desk-leads=supervisor', '--json'], 's3cret-from-stdin\n');
      assert.equal(set.code, 0, set.stderr);
      const saved = JSON.parse(set.stdout);
      assert.deepEqual(saved.allowed_domains, ['example.com', 'example.org']);
      assert.deepEqual(saved.role_map, { 'desk-leads': 'supervisor' });
      assert.equal(saved.callback_url, 'https://desk.example.com/v1/auth/sso/callback');
      const stored = await db.store.read(async (tx) => tx.sso.get((await tx.workspaces.getBySlug('desk'))!.id));
      assert.equal(stored!.clientSecret, 's3cret-from-stdin');

      const shown = await run(['show']);
      assert.equal(shown.code, 0, shown.stderr);
      assert.match(shown.stdout, /Sign in with Example ID/);
      assert.match(shown.stdout, /https:\/\/desk\.example\.com\/v1\/auth\/sso\/callback/);
      assert.ok(!shown.stdout.includes('s3cret'));

      assert.equal((await run(['set', ...settingsArgs, '--map', 'leads=owner'])).code, 2);
      const insecure = await run(['set', ...settingsArgs.map((a) => a.replace('https://id', 'http://id'))]);
      assert.equal(insecure.code, 1);
      assert.match(insecure.stderr, /https/);

      assert.equal((await run(['disable'])).code, 0);
      const gone = await run(['show']);
      assert.equal(gone.code, 1);
      assert.match(gone.stderr, /no single sign-on/);
    });
  });
}

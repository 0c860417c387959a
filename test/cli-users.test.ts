import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { confirmTwoFactorCommand, startTwoFactorCommand } from '../src/commands/users/two-factor.js';
import { createWorkspaceCommand } from '../src/commands/workspace-commands.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { systemClock, systemIds } from '../src/surfaces/runtime.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { authenticatorCode } from './helpers/authenticator.js';
import { runCli } from './helpers/cli.js';
import { GOOD_PASSWORD } from './helpers/sessions.js';

for (const backend of BACKENDS) {
  describe(`switchboard users (${backend.name})`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await backend.open();
      await db.store.transaction((tx) => createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids: systemIds(), tx }, { slug: 'desk', name: 'desk' }));
    });
    after(() => db.cleanup());
    const run = (args: string[], stdin?: string) =>
      runCli(['users', ...args, ...db.cliArgs, '--workspace', 'desk'], { stdin, env: { SWITCHBOARD_PUBLIC_URL: 'https://desk.example.com' } });

    it('creates the first admin with a password from standard input, refusing a weak one', async () => {
      const weak = await run(['create-admin', '--email', 'root@example.com'], 'password1234\n');
      assert.equal(weak.code, 1);
      assert.match(weak.stderr, /common/);
      const made = await run(['create-admin', '--email', 'root@example.com', '--name', 'Rut'], `${GOOD_PASSWORD}\n`);
      assert.equal(made.code, 0, made.stderr);
      const again = await run(['create-admin', '--email', 'root@example.com'], `${GOOD_PASSWORD}\n`);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /member of the workspace already/);
      const stored = await db.store.read((tx) => tx.users.findByEmail('root@example.com'));
      assert.match(stored!.passwordHash!, /^scrypt\$15\$8\$1\$/);
    });

    it('invites, lists, changes a role and disables, and keeps one admin', async () => {
      const invited = await run(['invite', '--email', 'Sam@Example.com', '--role', 'supervisor', '--json']);
      assert.equal(invited.code, 0, invited.stderr);
      const sam = JSON.parse(invited.stdout);
      assert.equal(sam.has_password, false);
      assert.match(sam.invitation_link, /^https:\/\/desk\.example\.com\/#\/accept-invitation\?workspace=desk&token=v1\./);
      assert.equal((await run(['invite', '--email', 'x@example.com', '--role', 'owner'])).code, 2);
      const listed = await run(['list']);
      assert.match(listed.stdout, /root@example\.com {2}Rut {2}admin/);
      assert.match(listed.stdout, /sam@example\.com {2}Sam {2}supervisor/);
      assert.match((await run(['set-role', 'sam@example.com', 'viewer'])).stdout, /sam@example\.com {2}Sam {2}viewer/);
      assert.match((await run(['disable', 'sam@example.com'])).stdout, /viewer {2}disabled/);
      assert.doesNotMatch((await run(['disable', sam.id, '--enable'])).stdout, /disabled/);
      const lastAdmin = await run(['set-role', 'root@example.com', 'agent']);
      assert.equal(lastAdmin.code, 1);
      assert.match(lastAdmin.stderr, /without an admin/);
      assert.equal((await run(['disable', 'nobody@example.com'])).code, 1);
    });

    it('sets a person\'s language and time zone, refusing unknown ones, and "none" returns to the browser\'s', async () => {
      const set = await run(['set-preferences', 'sam@example.com', '--language', 'fi', '--time-zone', 'Asia/Kolkata']);
      assert.equal(set.code, 0, set.stderr);
      assert.match(set.stdout, /sam@example\.com {2}language fi {2}time zone Asia\/Kolkata/);
      const sam = (await db.store.read((tx) => tx.users.findByEmail('sam@example.com')))!;
      assert.deepEqual({ language: sam.language, timeZone: sam.timeZone }, { language: 'fi', timeZone: 'Asia/Kolkata' });
      const cleared = JSON.parse((await run(['set-preferences', sam.id, '--language', 'none', '--json'])).stdout);
      assert.deepEqual({ language: cleared.language, time_zone: cleared.time_zone }, { language: null, time_zone: 'Asia/Kolkata' });
      const unknown = await run(['set-preferences', 'sam@example.com', '--time-zone', 'Europe/Atlantis']);
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /Unknown time zone "Europe\/Atlantis"/);
      assert.match((await run(['set-preferences', 'sam@example.com', '--language', 'de'])).stderr, /Unknown language "de"/);
      assert.equal((await run(['set-preferences', 'sam@example.com'])).code, 2);
    });

    it('sets the roles that must use two-factor, and clears a lost authenticator', async () => {
      assert.match((await run(['require-2fa', 'agent', 'admin'])).stdout, /required of: admin, agent\./);
      assert.equal((await run(['require-2fa', 'owner'])).code, 2);
      const workspace = await db.store.read((tx) => tx.workspaces.getBySlug('desk'));
      assert.deepEqual(workspace!.settings.two_factor_required_roles, ['admin', 'agent']);
      assert.match((await run(['require-2fa'])).stdout, /required of nobody/);
      const root = (await db.store.read((tx) => tx.users.findByEmail('root@example.com')))!;
      await db.store.transaction(async (tx) => {
        const ctx = { actor: SYSTEM_ACTOR, workspaceId: workspace!.id, clock: systemClock, ids: systemIds(), tx };
        const { secret } = await startTwoFactorCommand(ctx, root.id, root.email);
        assert.ok(await confirmTwoFactorCommand(ctx, root.id, authenticatorCode(secret, systemClock.now())));
      });
      const reset = await run(['reset-2fa', 'root@example.com']);
      assert.equal(reset.code, 0, reset.stderr);
      assert.equal(await db.store.read((tx) => tx.twoFactor.get(root.id)), undefined);
      const again = await run(['reset-2fa', 'root@example.com']);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /not set up/);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWorkspaceCommand } from '../src/commands/workspace-commands.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { systemClock, systemIds } from '../src/surfaces/runtime.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'false', ...env } });

for (const backend of BACKENDS) {
  describe(`switchboard webhooks (${backend.name})`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await backend.open();
      await db.store.transaction((tx) => createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids: systemIds(), tx }, { slug: 'hooks', name: 'hooks' }));
    });
    after(() => db.cleanup());
    const run = (args: string[], env?: Record<string, string>) => cli(['webhooks', ...args, ...db.cliArgs, '--workspace', 'hooks'], env);

    it('creates, lists, shows deliveries and redelivers', async () => {
      const refused = await run(['create', 'http://127.0.0.1:9/hook', '--events', 'webhook.*']);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /loopback/);

      const created = await run(['create', 'http://127.0.0.1:9/hook', '--events', 'webhook.*', '--json'], { SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true' });
      assert.equal(created.code, 0, created.stderr);
      const endpoint = JSON.parse(created.stdout);
      assert.match(endpoint.secret, /^whsec_/);

      const listed = await run(['list']);
      assert.match(listed.stdout, new RegExp(`${endpoint.id}  http://127.0.0.1:9/hook  webhook\\.\\*  enabled`));
      assert.ok(!listed.stdout.includes(endpoint.secret), 'the secret is never shown again');

      // Its own creation is a `webhook.created` event, which it subscribes to.
      const log = JSON.parse((await run(['deliveries', endpoint.id, '--json'])).stdout).data;
      assert.deepEqual(log.map((d: { event_type: string; status: string }) => [d.event_type, d.status]), [['webhook.created', 'pending']]);
      const again = await run(['redeliver', endpoint.id, log[0].id]);
      assert.match(again.stdout, new RegExp(`message ${log[0].message_id}`));
      assert.match((await run(['deliveries', endpoint.id])).stdout, /webhook\.created {2}pending {2}0 attempt\(s\) {2}not tried yet/);
      const missing = await run(['deliveries', 'whk_none']);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /No webhook whk_none/);
    });
  });
}

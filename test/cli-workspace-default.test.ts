import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';
import { startServer } from './helpers/server-process.js';

const ADMIN = 'sb_workspace_default_admin_token';

for (const backend of BACKENDS) {
  describe(`which workspace the CLI and serve work in (${backend.name})`, () => {
    let db: TestDatabase;
    before(async () => { db = await backend.open(); });
    after(async () => { await db.cleanup(); });

    const run = (args: string[], env: Record<string, string> = {}) => runCli([...args, ...db.cliArgs], { env });
    const workspaces = () => db.store.read((tx) => tx.workspaces.list()).then((all) => all.map((w) => w.slug).sort());

    it('after init --workspace acme, commands without --workspace work in acme', async () => {
      const init = await run(['init', '--template', 'it-service-desk', '--workspace', 'acme']);
      assert.equal(init.code, 0, init.stderr);
      const token = await run(['token', 'create', '--role', 'admin', '--name', 'ops']);
      assert.equal(token.code, 0, token.stderr);
      const acme = await db.store.read((tx) => tx.workspaces.getBySlug('acme'));
      const tokens = await db.store.read((tx) => tx.tokens.list(acme!.id));
      assert.ok(tokens.some((t) => t.name === 'ops'), 'the token belongs to acme');
    });

    it('serve does not seed a demo or add a default workspace beside the one there is', async () => {
      const server = await startServer(db.cliArgs, ADMIN, { demo: true });
      try {
        const answer = await fetch(`${server.base}/v1/agents`, { headers: { authorization: `Bearer ${ADMIN}` } });
        assert.equal(answer.status, 200, server.output());
        const agents = (await answer.json()) as { data: Array<{ name: string }> };
        assert.ok(agents.data.length > 0, 'the admin token works in acme, which holds the template\'s agents');
      } finally {
        await server.stop('SIGTERM');
      }
      assert.deepEqual(await workspaces(), ['acme']);
      assert.doesNotMatch(server.output(), /Seeded the demo/);
    });

    it('with several workspaces, the CLI asks for one unless SWITCHBOARD_WORKSPACE names it', async () => {
      assert.equal((await run(['workspace', 'create', '--slug', 'beta'])).code, 0);
      const unnamed = await run(['token', 'create', '--role', 'viewer', '--name', 'unnamed']);
      assert.equal(unnamed.code, 2);
      assert.match(unnamed.stderr, /several workspaces \(acme, beta\)/);
      const fromEnv = await run(['token', 'create', '--role', 'viewer', '--name', 'env'], { SWITCHBOARD_WORKSPACE: 'beta' });
      assert.equal(fromEnv.code, 0, fromEnv.stderr);
      const beta = await db.store.read((tx) => tx.workspaces.getBySlug('beta'));
      assert.ok((await db.store.read((tx) => tx.tokens.list(beta!.id))).some((t) => t.name === 'env'));
      const missing = await run(['token', 'create', '--role', 'viewer', '--workspace', 'gamma']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /No workspace "gamma"/);
    });
  });
}

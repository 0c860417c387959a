import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { cliOn } from './helpers/cli.js';
import type { JsonBody } from './helpers/http.js';

for (const backend of BACKENDS) {
  describe(`the CLI for canned responses, articles, automations and webhooks (${backend.name})`, () => {
    let db: TestDatabase;
    let dir: string;
    before(async () => {
      db = await backend.open();
      dir = mkdtempSync(join(tmpdir(), 'switchboard-content-'));
    });
    after(async () => {
      await db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });
    const { run, json } = cliOn(() => db, { SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true' });
    const file = (name: string, value: unknown) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(value));
      return path;
    };
    const refusal = async (code: string | null, ...args: string[]) => {
      const result = await run(...args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      if (code) assert.match(result.stderr, new RegExp(code));
    };

    it('creates a workspace with --json: its id, slug and first admin token', async () => {
      const created = await json('workspaces', 'create', '--slug', 'desk', '--name', 'Help desk');
      assert.deepEqual([created.slug, created.name], ['desk', 'Help desk']);
      assert.match(created.admin_token, /^sb_/);
      assert.equal((await json('workspaces', 'list')).data[0].id, created.id);
    });

    it('creates, lists, shows, updates and removes canned responses, refusing an unknown variable', async () => {
      const created = await json('canned', 'create', '--name', 'Thanks', '--body', 'Thanks {{customer.name}}, about {{ticket.title}}.');
      assert.equal(created.version, 1);
      const table = await run('canned', 'list');
      assert.match(table.stdout, /^id\s+name\s+version/);
      assert.match(table.stdout, /Thanks\s+1/);
      await refusal('invalid_canned_response', 'canned', 'create', '--name', 'Bad', '--body', 'Hi {{customer.shoe_size}}');
      await refusal('invalid_canned_response', 'canned', 'update', created.id, '--body', 'Hi {{nope}}');
      await refusal(null, 'canned', 'update', created.id);
      await refusal(null, 'canned', 'create', '--name', '', '--body', 'x');
      const updated = await json('canned', 'update', created.id, '--name', 'Thank you');
      assert.deepEqual([updated.name, updated.version, updated.body], ['Thank you', 2, created.body]);
      assert.match((await run('canned', 'show', created.id)).stdout, /Thanks \{\{customer\.name\}\}/);
      assert.deepEqual((await json('canned', 'list')).data.map((c: JsonBody) => c.name), ['Thank you']);
      assert.equal((await run('canned', 'remove', created.id)).code, 0);
      await refusal('canned_response_not_found', 'canned', 'show', created.id);
      await refusal('canned_response_not_found', 'canned', 'remove', created.id);
    });

    it('lists, shows and removes knowledge-base articles, drafts included', async () => {
      const articles = file('articles.json', [
        { title: 'How refunds work', body: 'Refunds take five days.', tags: ['billing'], language: 'en', published: true },
        { title: 'Draft on invoices', body: 'Not ready.', published: false },
      ]);
      assert.equal((await run('kb', 'import', articles)).code, 0);
      const listed = (await json('kb', 'list')).data;
      assert.deepEqual(listed.map((a: JsonBody) => [a.title, a.published]).sort(), [['Draft on invoices', false], ['How refunds work', true]]);
      assert.deepEqual((await json('kb', 'list', '--language', 'en')).data.map((a: JsonBody) => a.title), ['How refunds work']);
      await refusal(null, 'kb', 'list', '--limit', '500');
      const draft = listed.find((a: JsonBody) => !a.published);
      assert.match((await run('kb', 'list')).stdout, /Draft on invoices\s+draft/);
      assert.match((await run('kb', 'show', draft.id)).stdout, /\(draft\)[\s\S]*Not ready\./);
      assert.equal((await run('kb', 'remove', draft.id)).code, 0);
      await refusal('article_not_found', 'kb', 'show', draft.id);
      assert.deepEqual((await json('kb', 'list')).data.map((a: JsonBody) => a.title), ['How refunds work']);
    });

    it('updates, dry-runs and removes an automation', async () => {
      const rule = { name: 'tag urgent', events: ['ticket.created'], when: "ticket.priority == 'urgent'", actions: [{ kind: 'add_tags', tags: ['hot'] }] };
      assert.equal((await run('automations', 'add', file('rule.json', rule))).code, 0);
      const [saved] = (await json('automations', 'list')).data;
      const ticket = await json('tickets', 'create', '--title', 'Site down', '--priority', 'urgent');
      const tried = await json('automations', 'dry-run', saved.id, '--ticket', ticket.id);
      assert.deepEqual([tried.matched, tried.actions.map((a: JsonBody) => a.kind), tried.changed], [true, ['add_tags'], false]);
      assert.match((await run('automations', 'dry-run', saved.id, '--ticket', ticket.id)).stdout, /would act/);
      const lower = file('rule-high.json', { ...rule, when: "ticket.priority == 'high'", version: saved.version });
      assert.match((await run('automations', 'update', saved.id, lower)).stdout, /version 2/);
      assert.equal((await json('automations', 'dry-run', saved.id, '--ticket', ticket.id)).matched, false);
      const stale = await run('automations', 'update', saved.id, lower);
      assert.notEqual(stale.code, 0, 'a version that is no longer current is refused');
      assert.match((await run('automations', 'list')).stdout, /tag urgent\s+yes\s+ticket\.created\s+2/);
      await refusal('ticket_not_found', 'automations', 'dry-run', saved.id, '--ticket', 'tkt_nope');
      assert.equal((await run('automations', 'remove', saved.id)).code, 0);
      await refusal('automation_not_found', 'automations', 'remove', saved.id);
      assert.deepEqual((await json('automations', 'list')).data, []);
    });

    it('deletes a webhook endpoint', async () => {
      const endpoint = await json('webhooks', 'create', 'http://127.0.0.1:9/hook', '--events', 'ticket.*');
      assert.match((await run('webhooks', 'delete', endpoint.id)).stdout, /deleted/);
      assert.deepEqual((await json('webhooks', 'list')).data, []);
      await refusal('webhook_not_found', 'webhooks', 'delete', endpoint.id);
    });
  });
}

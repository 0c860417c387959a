import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createAgentCommand } from '../src/commands/agent-commands.js';
import { REACTIONS } from '../src/commands/reactors.js';
import { createWorkspaceCommand } from '../src/commands/workspace-commands.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { systemClock, systemIds } from '../src/surfaces/runtime.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { runCli } from './helpers/cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../test/fixtures/import/${name}`, import.meta.url));
const shipped = (name: string) => fileURLToPath(new URL(`../../data/import-mappings/${name}`, import.meta.url));

for (const backend of BACKENDS) {
  describe(`the shipped Zammad and osTicket mappings (${backend.name})`, { concurrency: true }, () => {
    let db: TestDatabase;
    const ids = systemIds();
    const workspaces: Record<string, { id: string; sari: string }> = {};
    before(async () => {
      db = await backend.open();
      for (const slug of ['zammad', 'osticket']) {
        const ws = await db.store.transaction((tx) => createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids, tx }, { slug, name: slug }));
        const ctx = { actor: SYSTEM_ACTOR, clock: systemClock, ids, workspaceId: ws.id, reactions: REACTIONS };
        const sari = await db.store.transaction((tx) => createAgentCommand({ ...ctx, tx }, { name: 'Sari Wulandari', email: 'sari@example.com' }));
        workspaces[slug] = { id: ws.id, sari: sari.id };
      }
    });
    after(() => db.cleanup());

    const imported = async (slug: string, file: string) => {
      const result = await runCli(['import', 'mapped', fixture(file), '--mapping', shipped(`${slug}.json`), '--workspace', slug, ...db.cliArgs]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /Imported 2 tickets from mapped \(2 created/);
      const tickets = (await db.store.read((tx) => tx.tickets.list({ workspaceId: workspaces[slug]!.id, limit: 10 }))).items;
      return (title: string) => tickets.find((t) => t.title === title)!;
    };

    it("reads Zammad's expanded API tickets: states, priorities, owner, customer, times", async () => {
      const byTitle = await imported('zammad', 'zammad-tickets.json');
      const vat = byTitle('Invoice shows the wrong VAT');
      assert.deepEqual([vat.status, vat.priority, vat.channel, vat.queue, vat.assigneeId], ['closed', 'normal', 'email', 'billing', workspaces.zammad!.sari]);
      assert.deepEqual([vat.customer?.email, vat.customer?.organization], ['ella@customer.example', 'Customer Oy']);
      assert.equal(vat.createdAt, Date.parse('2026-10-01T08:15:00.000Z'));
      assert.equal(vat.closedAt, Date.parse('2026-10-02T10:00:00.000Z'));
      const portal = byTitle('Cannot open the customer portal');
      assert.deepEqual([portal.priority, portal.channel, portal.assigneeId], ['high', 'form', null], 'owner "-" is nobody');
      assert.equal(portal.queue, 'general', 'the open ticket went through intake and routing');
    });

    it("reads osTicket's CSV export: its columns, its time format, Help Topic and form fields", async () => {
      const byTitle = await imported('osticket', 'osticket-tickets.csv');
      const refund = byTitle('Refund for a double charge');
      assert.deepEqual([refund.status, refund.priority, refund.channel, refund.queue, refund.assigneeId],
        ['closed', 'normal', 'email', 'billing', workspaces.osticket!.sari]);
      assert.equal(refund.createdAt, Date.parse('2026-10-05T09:30:00.000Z'));
      assert.equal(refund.closedAt, Date.parse('2026-10-06T16:00:00.000Z'));
      assert.deepEqual(refund.fields, { help_topic: 'Billing Inquiry', order_number: 'A-1001' });
      assert.deepEqual([refund.customer?.name, refund.customer?.email], ['Ella Virtanen', 'ella@customer.example']);
      const reset = byTitle('Password reset link expired');
      assert.deepEqual([reset.priority, reset.channel, reset.queue], ['urgent', 'form', 'general']);
      assert.equal(reset.createdAt, Date.parse('2026-11-30T14:00:00.000Z'));
    });
  });
}

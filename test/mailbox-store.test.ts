import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWorkspaceCommand } from '../src/commands/workspace-commands.js';
import type { Mailbox } from '../src/domain/inbound/mailbox.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { systemClock, systemIds } from '../src/surfaces/runtime.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';

for (const backend of BACKENDS) {
  describe(`mailbox leases, progress and taken messages (${backend.name})`, () => {
    let db: TestDatabase;
    let mailbox: Mailbox;
    before(async () => {
      db = await backend.open();
      const workspace = await db.store.transaction((tx) =>
        createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock: systemClock, ids: systemIds(), tx }, { slug: 'mail', name: 'mail' }));
      mailbox = {
        id: 'mbx_1', workspaceId: workspace.id, address: 'support@example.com', host: 'imap.example.com', port: 993, tls: 'implicit',
        username: 'support', password: 'secret', folder: 'INBOX', afterImport: 'mark_seen', moveTo: null, uidValidity: null, lastUid: 0,
        lastSuccessAt: null, lastError: null, lastErrorAt: null, createdAt: 1, updatedAt: 1,
      };
      await db.store.transaction((tx) => tx.mailboxes.insert(mailbox));
    });
    after(() => db.cleanup());

    const claim = (owner: string, now: number) => db.store.transaction((tx) => tx.mailboxes.claim(owner, now, now + 100));
    const held = async (owner: string, now: number) => (await claim(owner, now)).map((m) => m.id);

    it('leases a mailbox to one node at a time, renewable by its holder, free once it runs out or is let go', async () => {
      assert.deepEqual(await held('a', 1000), ['mbx_1']);
      assert.deepEqual(await held('b', 1050), []);
      assert.deepEqual(await held('a', 1090), ['mbx_1'], 'renewed until 1190');
      assert.deepEqual(await held('b', 1150), []);
      assert.deepEqual(await held('b', 1190), ['mbx_1'], 'taken over once the lease ran out');
      assert.deepEqual(await held('a', 1200), []);
      await db.store.transaction((tx) => tx.mailboxes.release('a', ['mbx_1']));
      assert.deepEqual(await held('a', 1210), [], 'only the holder lets go');
      await db.store.transaction((tx) => tx.mailboxes.release('b', ['mbx_1']));
      assert.deepEqual(await held('a', 1220), ['mbx_1']);
    });

    it('moves the progress mark forward only, unless the UIDVALIDITY changed', async () => {
      const progress = async () => {
        const m = (await db.store.read((tx) => tx.mailboxes.get(mailbox.workspaceId, mailbox.id)))!;
        return [m.uidValidity, m.lastUid];
      };
      await db.store.transaction((tx) => tx.mailboxes.advance(mailbox.id, 4_000_000_000, 5));
      await db.store.transaction((tx) => tx.mailboxes.advance(mailbox.id, 4_000_000_000, 3));
      assert.deepEqual(await progress(), [4_000_000_000, 5]);
      await db.store.transaction((tx) => tx.mailboxes.advance(mailbox.id, 9, 1));
      assert.deepEqual(await progress(), [9, 1]);
    });

    it('records a taken message once; a second record of the same UID is a unique violation', async () => {
      const record = { mailboxId: mailbox.id, uidValidity: 9, uid: 1, messageId: 'a@b', ticketId: null, at: 1 };
      await db.store.transaction((tx) => tx.mailboxes.recordTaken(record));
      assert.equal(await db.store.read((tx) => tx.mailboxes.isTaken(mailbox.id, 9, 1)), true);
      assert.equal(await db.store.read((tx) => tx.mailboxes.isTaken(mailbox.id, 10, 1)), false);
      await assert.rejects(db.store.transaction((tx) => tx.mailboxes.recordTaken(record)), (error) => db.store.isUniqueViolation(error));
    });

    it('removes a mailbox with its record of taken messages, only in its own workspace', async () => {
      assert.equal(await db.store.transaction((tx) => tx.mailboxes.delete('ws_other', mailbox.id)), false);
      assert.equal(await db.store.transaction((tx) => tx.mailboxes.delete(mailbox.workspaceId, mailbox.id)), true);
      assert.equal(await db.store.read((tx) => tx.mailboxes.isTaken(mailbox.id, 9, 1)), false);
    });
  });
}

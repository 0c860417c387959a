import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWorkspaceCommand } from '../src/commands/workspace-commands.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { UlidGenerator } from '../src/domain/shared/ids.js';
import { DomainError, fail } from '../src/domain/errors.js';
import { createTicket } from '../src/domain/ticket/ticket-changes.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';

for (const backend of BACKENDS) {
  describe(`many transactions at once (${backend.name})`, () => {
    let db: TestDatabase;
    let workspaceId: string;
    const clock = new ManualClock(Date.parse('2026-03-02T09:00:00Z'));
    const ids = new UlidGenerator(clock, (n) => new Uint8Array(n).map(() => Math.floor(Math.random() * 256)));
    before(async () => {
      db = await backend.open();
      workspaceId = (await db.store.transaction((tx) => createWorkspaceCommand({ actor: SYSTEM_ACTOR, clock, ids, tx }, { name: 'c', slug: 'c' }))).id;
    });
    after(() => db.cleanup());

    it('keeps each one all-or-nothing, whatever the others do', async () => {
      const outcomes = await Promise.allSettled(Array.from({ length: 60 }, (_, i) => db.store.transaction(async (tx) => {
        const ticket = createTicket({ title: `T${i}` }, ids.next('tkt'), workspaceId, clock.now());
        await tx.tickets.insert(ticket);
        // Every third one fails after it wrote: nothing of it may remain.
        if (i % 3 === 0) throw fail('invalid_value', `refused ${i}`);
        return ticket.id;
      })));
      const kept = outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<string>).value);
      const refused = outcomes.filter((o) => o.status === 'rejected');
      assert.equal(kept.length, 40);
      assert.equal(refused.length, 20);
      assert.ok(refused.every((o) => (o as PromiseRejectedResult).reason instanceof DomainError));
      const stored = await db.store.read((tx) => tx.tickets.list({ workspaceId, limit: 200 }));
      assert.deepEqual(stored.items.map((t) => t.id).sort(), [...kept].sort());
      assert.deepEqual(stored.items.map((t) => t.title).filter((title) => Number(title.slice(1)) % 3 === 0), []);
    });
  });
}

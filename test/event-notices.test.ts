import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventNotices } from '../src/adapters/store/event-notices.js';
import { openStore } from '../src/adapters/store/open-store.js';
import { SYSTEM_ACTOR } from '../src/domain/shared/actor.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { addWorkspace } from './helpers/store-fixtures.js';

describe('event notices', () => {
  it('sends one notice at a time: commits while one is in flight share the next', async () => {
    const sends: Array<() => void> = [];
    const notices = new EventNotices(() => new Promise<void>((resolve) => { sends.push(resolve); }));
    notices.committed();
    notices.committed();
    notices.committed();
    assert.equal(sends.length, 1, 'the later commits wait for the notice in flight');
    sends[0]!();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(sends.length, 2, 'one more notice covers both commits that came meanwhile');
    sends[1]!();
    await notices.settled();
    assert.equal(sends.length, 2);
  });

  it('goes on after a notice that could not be sent', async () => {
    let sent = 0;
    const notices = new EventNotices(async () => {
      sent++;
      if (sent === 1) throw new Error('connection lost');
    });
    notices.committed();
    await notices.settled();
    notices.committed();
    await notices.settled();
    assert.equal(sent, 2);
  });
});

for (const backend of BACKENDS.filter((b) => b.name === 'postgres')) {
  describe(`event notices across processes (${backend.name})`, () => {
    let database: TestDatabase;
    before(async () => { database = await backend.open(); });
    after(() => database.cleanup());

    it('wakes another store\'s listener once the events are committed and readable', async () => {
      const other = openStore(database.location);
      const workspaceId = await addWorkspace(database.store, `notices-${Date.now()}`);
      let woken!: () => void;
      const wake = new Promise<void>((resolve) => { woken = resolve; });
      const stop = await other.listenForEvents(() => woken());
      try {
        await database.store.transaction((tx) => tx.events.append({
          workspaceId, entityKind: 'workspace', entityId: workspaceId, ticketId: null, type: 'workspace.noticed',
          actor: SYSTEM_ACTOR, at: 1, before: null, after: null, data: null,
        }));
        await wake;
        const page = await other.read((tx) => tx.events.listForWorkspace(workspaceId, undefined, 10));
        assert.ok(page.items.some((event) => event.type === 'workspace.noticed'));
      } finally {
        await stop();
        await other.close();
      }
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkRequesterLink, mintRequesterLink } from '../src/commands/portal/requester-links.js';
import { DomainError } from '../src/domain/errors.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { BACKENDS, type TestDatabase } from './helpers/backends.js';
import { addWorkspace } from './helpers/store-fixtures.js';

for (const backend of BACKENDS) {
  describe(`requester links (${backend.name})`, () => {
    let db: TestDatabase;
    before(async () => { db = await backend.open(); });
    after(() => db.cleanup());

    const code = (error: unknown) => (error instanceof DomainError ? error.code : String(error));

    it('checks a link with the key its workspace keeps, and refuses it elsewhere or late', async () => {
      const clock = new ManualClock(1_000);
      const first = { workspaceId: await addWorkspace(db.store, 'links-a'), clock };
      const second = { workspaceId: await addWorkspace(db.store, 'links-b'), clock };
      const token = await db.store.transaction((tx) => mintRequesterLink({ ...first, tx }, 'status', 'tkt_1', 60_000));
      const claims = await db.store.read((tx) => checkRequesterLink({ ...first, tx }, 'status', token));
      assert.equal(claims.subject, 'tkt_1');
      await assert.rejects(db.store.read((tx) => checkRequesterLink({ ...second, tx }, 'status', token)), (e) => code(e) === 'link_invalid');
      await assert.rejects(db.store.read((tx) => checkRequesterLink({ ...first, tx }, 'unsubscribe', token)), (e) => code(e) === 'link_invalid');
      clock.set(61_000);
      await assert.rejects(db.store.read((tx) => checkRequesterLink({ ...first, tx }, 'status', token)), (e) => code(e) === 'link_expired');
    });
  });
}

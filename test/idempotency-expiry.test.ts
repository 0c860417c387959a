import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../src/domain/shared/clock.js';
import { assertError, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';

const HOUR = 3_600_000;

for (const backend of BACKENDS) {
  describe(`idempotency keys over time (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    before(async () => {
      clock = new ManualClock(Date.parse('2026-03-02T09:00:00Z'));
      api = await startTestApi(backend, { clock });
    });
    after(() => api.close());

    const create = (title: string) => api.call('POST', '/v1/tickets', { body: { title }, headers: { 'idempotency-key': 'order-42' } });

    it('holds a key for 24 hours, then treats it as new even before the sweep removed it', async () => {
      const first = expectStatus(await create('First'), 201);
      clock.advance(23 * HOUR);
      assert.equal(expectStatus(await create('First'), 201).id, first.id, 'replayed within 24 hours');
      assertError(await create('Second'), 422, 'idempotency_key_reused');
      clock.advance(2 * HOUR);
      const later = expectStatus(await create('Second'), 201);
      assert.notEqual(later.id, first.id);
      assert.equal(later.title, 'Second');
      assert.equal(expectStatus(await create('Second'), 201).id, later.id, 'and the new use is held in turn');
    });
  });
}

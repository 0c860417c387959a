import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openStore } from '../src/adapters/store/open-store.js';
import { RoutingRuntime } from '../src/commands/routing/routing-runtime.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { systemIds } from '../src/surfaces/runtime.js';
import { timerSweep } from '../src/surfaces/worker/timer-sweep.js';
import { createAgent, createTicket } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';
import { addTaggedPolicy, clockOf, patchTicket, reply, slaEvents } from './helpers/sla-fixtures.js';

const MINUTE = 60_000;
const WARNING: [string, string] = ['sla.warning', 'resolution'];
const BREACH: [string, string] = ['sla.breached', 'resolution'];

for (const backend of BACKENDS) {
  describe(`SLA warnings and breaches (${backend.name})`, () => {
    const clock = new ManualClock(Date.parse('2025-02-03T08:00:00Z'));
    let api: TestApi;
    let agent: string;
    before(async () => {
      api = await startTestApi(backend, { clock });
      agent = (await createAgent(api, { name: 'Bo', status: 'available' })).id;
    });
    after(() => api.close());

    /** A ticket whose resolution is due in an hour of calendar time, warned at 45 minutes. */
    const hourTicket = async (): Promise<JsonBody> => {
      const { tag } = await addTaggedPolicy(api, { normal: { resolution: { minutes: 60 } } }, { warn_at: 0.75 });
      return createTicket(api, { title: 'An hour to resolve', tags: [tag], assignee: agent });
    };
    /** Fires due timers twice over, as a worker that runs again (or a second one) would. */
    const fireTwice = async () => {
      await api.fireDueTimers();
      await api.fireDueTimers();
    };

    it('warns at the warning share and breaches at the target, each exactly once however often timers run', async () => {
      const ticket = await hourTicket();
      clock.advance(44 * MINUTE);
      await fireTwice();
      assert.deepEqual(await slaEvents(api, ticket.id), []);
      clock.advance(MINUTE);
      await fireTwice();
      assert.deepEqual(await slaEvents(api, ticket.id), [WARNING]);
      clock.advance(15 * MINUTE);
      await fireTwice();
      clock.advance(60 * MINUTE);
      await fireTwice();
      assert.deepEqual(await slaEvents(api, ticket.id), [WARNING, BREACH]);
      const resolution = await clockOf(api, ticket.id, 'resolution');
      assert.deepEqual([resolution.breached, resolution.remaining_minutes], [true, -60]);
      assert.equal(resolution.breached_at, new Date(Date.parse(resolution.started_at) + 60 * MINUTE).toISOString());
    });

    it('a timer whose due time moved on does nothing: a pause in between moves the breach', async () => {
      const ticket = await hourTicket();
      clock.advance(30 * MINUTE);
      await patchTicket(api, ticket.id, { status: 'pending' });
      clock.advance(60 * MINUTE);
      await fireTwice();
      assert.deepEqual(await slaEvents(api, ticket.id), [], 'paused at half time: neither warned nor breached');
      await patchTicket(api, ticket.id, { status: 'in_progress' });
      clock.advance(15 * MINUTE);
      await fireTwice();
      assert.deepEqual(await slaEvents(api, ticket.id), [WARNING]);
      clock.advance(15 * MINUTE);
      await fireTwice();
      assert.deepEqual(await slaEvents(api, ticket.id), [WARNING, BREACH]);
    });

    it('a target met in time never breaches', async () => {
      const ticket = await hourTicket();
      clock.advance(46 * MINUTE);
      await fireTwice();
      clock.advance(4 * MINUTE);
      await patchTicket(api, ticket.id, { status: 'resolved' });
      clock.advance(60 * MINUTE);
      await fireTwice();
      assert.deepEqual(await slaEvents(api, ticket.id), [WARNING]);
      assert.equal((await clockOf(api, ticket.id, 'resolution')).status, 'fulfilled');
    });

    it('next reply breaches once per cycle: a new requester comment after an answer starts a new one', async () => {
      const { tag } = await addTaggedPolicy(api, { normal: { next_response: { minutes: 10 } } });
      const ticket = await createTicket(api, { title: 'Back and forth', tags: [tag], assignee: agent });
      await reply(api, ticket.id, 'agent');
      for (const cycle of [1, 2]) {
        await reply(api, ticket.id, 'customer');
        clock.advance(11 * MINUTE);
        await fireTwice();
        await reply(api, ticket.id, 'agent');
        assert.equal((await clockOf(api, ticket.id, 'next_response')).cycle, cycle);
      }
      const breaches = (await slaEvents(api, ticket.id)).filter(([type]) => type === 'sla.breached');
      assert.deepEqual(breaches, [['sla.breached', 'next_response'], ['sla.breached', 'next_response']]);
    });

    it('a restart while a breach is pending fires it exactly once, even with the old process still sweeping', async () => {
      const ticket = await hourTicket();
      clock.advance(30 * MINUTE);
      // A new process on the same database: its own store, routing cache and timer sweep.
      const store = openStore(api.db.location);
      const restarted = timerSweep(store, new RoutingRuntime(), clock, systemIds(clock));
      try {
        clock.advance(31 * MINUTE);
        const sweeps = [() => restarted.run(), () => api.fireDueTimers(), () => restarted.run(), () => api.fireDueTimers()];
        // One SQLite file has one writer at a time (a second process waits for the lock), so its
        // sweeps take turns; PostgreSQL nodes race for real.
        if (store.capabilities.supportsConcurrentWriters) await Promise.all(sweeps.map((sweep) => sweep()));
        else for (const sweep of sweeps) await sweep();
        assert.deepEqual(await slaEvents(api, ticket.id), [WARNING, BREACH]);
        assert.equal((await clockOf(api, ticket.id, 'resolution')).breached, true);
      } finally {
        await store.close();
      }
    });
  });
}

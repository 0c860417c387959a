import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../src/adapters/store/open-store.js';
import { RoutingRuntime } from '../src/commands/routing/routing-runtime.js';
import type { DomainEvent } from '../src/domain/shared/event.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { buildApp } from '../src/surfaces/http/app.js';
import { TokenAuthenticator } from '../src/surfaces/http/auth.js';
import { EventCursor } from '../src/surfaces/http/event-cursor.js';
import { systemClock, systemIds } from '../src/surfaces/runtime.js';
import { assertError, createTicket, expectStatus, listAll } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { openSse, type SseMessage } from './helpers/sse.js';

const dataOf = (message: SseMessage) => JSON.parse(message.data) as { id: number; type: string; ticket_id: string | null; changed: string[] };
const createdEventOf = (ticketId: string) => (message: SseMessage) => {
  const data = dataOf(message);
  return data.type === 'ticket.created' && data.ticket_id === ticketId;
};

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

for (const backend of BACKENDS) {
  describe(`live event stream (${backend.name})`, () => {
    let api: TestApi;
    let base: string;
    before(async () => {
      api = await startTestApi(backend);
      base = await listen(api.app);
    });
    after(() => api.close());

    it('streams the workspace\'s events with their ids, and nothing of another workspace', async () => {
      const stream = await openSse(`${base}/v1/events/stream`, api.admin);
      try {
        assert.equal(stream.status, 200);
        assert.match(stream.headers['content-type'] ?? '', /^text\/event-stream/);
        const other = await api.otherWorkspace('elsewhere');
        const theirs = await createTicket(api, { title: 'Not yours' }, other);
        const ours = await createTicket(api, { title: 'Printer on fire' });
        const message = await stream.next(createdEventOf(ours.id));
        assert.ok(stream.comments.length > 0, 'the stream opens with a comment');
        assert.equal(message.id, String(dataOf(message).id));
        assert.deepEqual(Object.keys(dataOf(message)).sort(), ['actor', 'at', 'changed', 'entity', 'id', 'ticket_id', 'type']);
        assert.ok(stream.seen.every((seen) => dataOf(seen).ticket_id !== theirs.id), 'another workspace\'s event leaked');
      } finally {
        stream.close();
      }
    });

    it('resumes right after Last-Event-ID: every missed event once, in order', async () => {
      const first = await openSse(`${base}/v1/events/stream`, api.admin);
      const t1 = await createTicket(api, { title: 'Before the cut' });
      const lastSeen = Number((await first.next(createdEventOf(t1.id))).id);
      first.close();
      const t2 = await createTicket(api, { title: 'Missed one' });
      const t3 = await createTicket(api, { title: 'Missed two' });
      const resumed = await openSse(`${base}/v1/events/stream`, api.admin, String(lastSeen));
      try {
        const until = Number((await resumed.next(createdEventOf(t3.id))).id);
        const received = resumed.seen.map((message) => Number(message.id)).filter((id) => id <= until);
        const history: DomainEvent[] = [];
        for (const ticket of [t1, t2, t3]) history.push(...await listAll(api, `/v1/tickets/${ticket.id}/events`));
        const expected = history.map((event) => event.id).filter((id) => id > lastSeen && id <= until).sort((a, b) => a - b);
        assert.deepEqual(received, expected);
      } finally {
        resumed.close();
      }
    });

    it('sees events written by another server process on the same database', async () => {
      const store = openStore(api.db.location);
      const ids = systemIds();
      const node = await buildApp({
        services: { store, clock: systemClock, ids, auth: new TokenAuthenticator(store, systemClock.now), routing: new RoutingRuntime() },
        dashboardDir: null,
      });
      const stream = await openSse(`${base}/v1/events/stream`, api.admin);
      try {
        const response = await node.inject({
          method: 'POST', url: '/v1/tickets', headers: { authorization: `Bearer ${api.admin}`, 'content-type': 'application/json' }, payload: { title: 'Via the other node' },
        });
        const ticket = JSON.parse(response.body) as { id: string };
        assert.equal(response.statusCode, 201);
        await stream.next(createdEventOf(ticket.id));
      } finally {
        stream.close();
        await node.close();
        await store.close();
      }
    });

    it('refuses a malformed Last-Event-ID and a missing token', async () => {
      const bad = await api.call('GET', '/v1/events/stream', { headers: { 'last-event-id': 'yesterday' } });
      assertError(bad, 400, 'validation_failed');
      assertError(await api.call('GET', '/v1/events/stream', { token: '' }), 401, 'unauthorized');
    });

    it('ends open streams when the server shuts down', async () => {
      const own = await startTestApi(backend);
      const stream = await openSse(`${await listen(own.app)}/v1/events/stream`, own.admin);
      expectStatus(await own.call('GET', '/v1/me'), 200);
      await own.close();
      await stream.ended;
    });
  });
}

describe('event cursor', () => {
  const event = (id: number) => ({ id }) as DomainEvent;

  it('waits for an id skipped over, delivers it when it commits late, and gives up on it after a while', () => {
    const clock = new ManualClock(0);
    const cursor = new EventCursor(() => clock.now());
    cursor.startAt(10);
    assert.deepEqual(cursor.advance([event(11), event(13), event(14)]).map((e) => e.id), [11, 13, 14]);
    assert.deepEqual(cursor.awaited(), [12]);
    assert.deepEqual(cursor.advance([event(12), event(15)]).map((e) => e.id), [12, 15]);
    assert.deepEqual(cursor.awaited(), []);
    cursor.advance([event(17)]);
    clock.advance(60_000);
    cursor.advance([]);
    assert.deepEqual(cursor.awaited(), []);
    assert.deepEqual(cursor.advance([event(16), event(17)]), [], 'given up and already seen are not delivered again');
  });
});

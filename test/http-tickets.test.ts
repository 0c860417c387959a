import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { allowedTransitions } from '../src/domain/ticket/status.js';
import {
  assertError, createAgent, createTicket, expectStatus, listAll, patchTicket, uniqueTag,
} from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';

for (const backend of BACKENDS) {
  describe(`tickets API (${backend.name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(backend);
      // Queues nobody belongs to, so tickets stay where the tests put them.
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: {
        queues: ['general', 'hardware', 'accounts'].map((id) => ({ id, agents: 'false' })),
        rules: [],
        default: { queue: 'general' },
      } }), 200);
    });
    after(() => api.close());

    const titles = (tickets: JsonBody[]) => tickets.map((t) => t.title).sort();

    it('creates a queued ticket with a Location header, and reads it back', async () => {
      const response = await api.call('POST', '/v1/tickets', { body: { title: 'Printer on fire', description: 'Smoke' } });
      const ticket = expectStatus(response, 201);
      assert.equal(response.headers.location, `/v1/tickets/${ticket.id}`);
      assert.match(ticket.id, /^tkt_[0-9A-Z]{26}$/);
      assert.equal(ticket.status, 'queued');
      assert.equal(ticket.priority, 'normal');
      assert.equal(ticket.queue, 'general', 'routed to the default queue');
      assert.equal(ticket.assignee, null);
      assert.equal(ticket.version, 2, 'created, then routed');
      assert.ok(ticket.created_at <= ticket.updated_at);
      assert.deepEqual(expectStatus(await api.call('GET', response.headers.location as string), 200), ticket);
    });

    it('lists tickets with each filter', async () => {
      const tag = uniqueTag();
      const agent = await createAgent(api);
      await createTicket(api, {
        title: 'Alpha printer', priority: 'urgent', queue: 'hardware', type: 'incident', tags: [tag, `${tag}-x`],
        customer: { id: 'c-ann', email: 'ann@example.com' },
      });
      await createTicket(api, { title: 'Beta login', priority: 'low', queue: 'accounts', tags: [tag], assignee: agent.id });
      const gamma = await createTicket(api, { title: 'Gamma invoice', tags: [tag], customer: { id: 'c-carl' }, description: 'PRINTER paper' });
      await patchTicket(api, gamma.id, { status: 'needs_info' });

      const list = async (query: string) => titles(await listAll(api, `/v1/tickets?tag=${tag}&${query}`));
      assert.deepEqual(await list(''), ['Alpha printer', 'Beta login', 'Gamma invoice']);
      assert.deepEqual(await list('status=queued,assigned'), ['Alpha printer', 'Beta login']);
      assert.deepEqual(await list('status=needs_info'), ['Gamma invoice']);
      assert.deepEqual(await list('priority=urgent,low'), ['Alpha printer', 'Beta login']);
      assert.deepEqual(await list('priority=normal'), ['Gamma invoice']);
      assert.deepEqual(await list('queue=hardware'), ['Alpha printer']);
      assert.deepEqual(await list('assignee=none'), ['Alpha printer', 'Gamma invoice']);
      assert.deepEqual(await list(`assignee=${agent.id}`), ['Beta login']);
      assert.deepEqual(await list('type=incident'), ['Alpha printer']);
      assert.deepEqual(await list('type=support'), ['Beta login', 'Gamma invoice']);
      assert.deepEqual(titles(await listAll(api, `/v1/tickets?tag=${tag}-X`)), ['Alpha printer']);
      assert.deepEqual(await list('customer=ANN%40example.com'), ['Alpha printer']);
      assert.deepEqual(await list('customer=c-carl'), ['Gamma invoice']);
      assert.deepEqual(await list('q=printer'), ['Alpha printer', 'Gamma invoice']);
      assert.deepEqual(await list('q=printer%20alpha'), ['Alpha printer']);
      assertError(await api.call('GET', '/v1/tickets?status=queued,sleeping'), 400, 'validation_failed');
    });

    it('pages with next_cursor until every ticket was seen once', async () => {
      const tag = uniqueTag();
      const created: string[] = [];
      for (let i = 0; i < 7; i++) created.push((await createTicket(api, { title: `page ${i}`, tags: [tag] })).id);
      const first = expectStatus(await api.call('GET', `/v1/tickets?tag=${tag}&limit=3`), 200);
      assert.equal(first.data.length, 3);
      assert.equal(typeof first.next_cursor, 'string');
      const all = await listAll(api, `/v1/tickets?tag=${tag}&limit=3`);
      assert.deepEqual(all.map((t) => t.id), [...created].reverse());
    });

    it('moves a ticket through the state machine and refuses illegal moves', async () => {
      const agent = await createAgent(api);
      const ticket = await createTicket(api, { title: 'Lifecycle' });
      assert.equal(assertError(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { status: 'in_progress' } }), 422, 'invalid_value').path, '/assignee');
      assert.equal((await patchTicket(api, ticket.id, { assignee: agent.id })).status, 'assigned');
      assert.equal((await patchTicket(api, ticket.id, { status: 'in_progress' })).status, 'in_progress');
      const resolved = await patchTicket(api, ticket.id, { status: 'resolved' });
      assert.equal(typeof resolved.resolved_at, 'string');
      const details = assertError(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { status: 'pending' } }), 422, 'invalid_transition');
      assert.deepEqual(details.allowed, [...allowedTransitions('resolved')]);
      assert.equal(details.from, 'resolved');
      assert.equal(details.to, 'pending');
      const closed = await patchTicket(api, ticket.id, { status: 'closed' });
      assert.equal(typeof closed.closed_at, 'string');
      assert.deepEqual(assertError(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { status: 'queued' } }), 422, 'invalid_transition').allowed, []);
      assert.equal(expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}`), 200).status, 'closed');
    });

    it('refuses a change to a version that is no longer current, by body or If-Match', async () => {
      const ticket = await createTicket(api, { title: 'Contended' });
      const v = ticket.version as number;
      assert.equal((await patchTicket(api, ticket.id, { priority: 'high', version: v })).version, v + 1);
      assert.equal(assertError(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { priority: 'low', version: v } }), 409, 'version_conflict').current_version, v + 1);
      assertError(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { priority: 'low' }, headers: { 'if-match': `"${v}"` } }), 409, 'version_conflict');
      const current = expectStatus(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { priority: 'urgent' }, headers: { 'if-match': `W/"${v + 1}"` } }), 200);
      assert.equal(current.version, v + 2);
      assert.equal(current.priority, 'urgent');
      assertError(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { priority: 'low' }, headers: { 'if-match': 'yesterday' } }), 400, 'validation_failed');
      assert.equal(expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}`), 200).priority, 'urgent');
    });

    it('refuses an assignee that is not an agent of the workspace', async () => {
      const ticket = await createTicket(api, { title: 'Who?' });
      const onPatch = assertError(await api.call('PATCH', `/v1/tickets/${ticket.id}`, { body: { assignee: 'agt_nobody' } }), 422, 'invalid_reference');
      assert.equal(onPatch.path, '/assignee');
      assertError(await api.call('POST', '/v1/tickets', { body: { title: 'Who?', assignee: 'agt_nobody' } }), 422, 'invalid_reference');
      assert.equal(expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}`), 200).assignee, null);
    });

    describe('Idempotency-Key', () => {
      const post = (key: string, body: Record<string, unknown>) => api.call('POST', '/v1/tickets', { body, headers: { 'idempotency-key': key } });

      it('answers a repeated create with the first response, and creates one ticket', async () => {
        const tag = uniqueTag();
        const body = { title: 'Once only', tags: [tag], fields: { a: 1, b: [1, 2] } };
        const first = await post(`key-${tag}`, body);
        expectStatus(first, 201);
        assert.equal(first.headers['idempotent-replayed'], undefined);
        const again = await post(`key-${tag}`, { fields: { b: [1, 2], a: 1 }, tags: [tag], title: 'Once only' });
        assert.equal(again.status, 201);
        assert.deepEqual(again.body, first.body);
        assert.equal(again.headers['idempotent-replayed'], 'true');
        assert.equal(again.headers.location, first.headers.location);
        assert.equal((await listAll(api, `/v1/tickets?tag=${tag}`)).length, 1);
      });

      it('refuses the same key with another body', async () => {
        const tag = uniqueTag();
        expectStatus(await post(`key-${tag}`, { title: 'First', tags: [tag] }), 201);
        assertError(await post(`key-${tag}`, { title: 'Second', tags: [tag] }), 422, 'idempotency_key_reused');
        assert.deepEqual(titles(await listAll(api, `/v1/tickets?tag=${tag}`)), ['First']);
      });

      it('stores nothing for a failed create, so a corrected retry with the key succeeds', async () => {
        const tag = uniqueTag();
        assertError(await post(`key-${tag}`, { title: 'Retry', tags: [tag], assignee: 'agt_nobody' }), 422, 'invalid_reference');
        assert.equal((await listAll(api, `/v1/tickets?tag=${tag}`)).length, 0);
        const retried = await post(`key-${tag}`, { title: 'Retry', tags: [tag] });
        expectStatus(retried, 201);
        assert.equal(retried.headers['idempotent-replayed'], undefined);
        assert.equal((await listAll(api, `/v1/tickets?tag=${tag}`)).length, 1);
      });

      it('refuses a key that is not printable ASCII', async () => {
        assertError(await post('has space', { title: 'Bad key' }), 400, 'validation_failed');
      });
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, createAgent, createTicket, expectStatus, listAll, patchTicket } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';

for (const backend of BACKENDS) {
  describe(`ticket conversation, history and links (${backend.name})`, () => {
    let api: TestApi;
    let agentId: string;
    let agentToken: string;
    before(async () => {
      api = await startTestApi(backend);
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: {
        queues: ['general', 'billing'].map((id) => ({ id, agents: 'false' })), rules: [], default: { queue: 'general' },
      } }), 200);
      agentId = (await createAgent(api, { name: 'Ann Agent' })).id;
      agentToken = await api.token('agent', agentId);
    });
    after(() => api.close());

    const comment = (ticketId: string, body: Record<string, unknown>, token?: string) =>
      api.call('POST', `/v1/tickets/${ticketId}/comments`, { body, token });
    const ticketNow = async (id: string) => expectStatus(await api.call('GET', `/v1/tickets/${id}`), 200);

    it('keeps public replies and internal notes with their authors, oldest first', async () => {
      const ticket = await createTicket(api, { title: 'Chatty' });
      const note = expectStatus(await comment(ticket.id, { body: 'Looks like a driver issue', visibility: 'internal' }, agentToken), 201);
      assert.deepEqual(note.author, { kind: 'agent', id: agentId, name: 'test agent' });
      const byApi = expectStatus(await comment(ticket.id, { body: 'We are on it' }), 201);
      assert.equal(byApi.visibility, 'public');
      assert.equal(byApi.author.kind, 'api');
      const byCustomer = expectStatus(await comment(ticket.id, { body: 'Thanks!', author: { kind: 'customer', id: 'c-1', name: 'Carl' } }), 201);
      assert.deepEqual(byCustomer.author, { kind: 'customer', id: 'c-1', name: 'Carl' });
      const listed = await listAll(api, `/v1/tickets/${ticket.id}/comments?limit=2`);
      assert.deepEqual(listed.map((c) => [c.visibility, c.author.kind, c.body]), [
        ['internal', 'agent', 'Looks like a driver issue'], ['public', 'api', 'We are on it'], ['public', 'customer', 'Thanks!'],
      ]);
    });

    it('lets only admin and supervisor tokens post on someone else\'s behalf', async () => {
      const ticket = await createTicket(api, { title: 'Impersonation' });
      assertError(await comment(ticket.id, { body: 'hi', author: { kind: 'customer' } }, agentToken), 403, 'forbidden');
      assert.deepEqual(await listAll(api, `/v1/tickets/${ticket.id}/comments`), []);
    });

    it('stamps the first response at the first public reply by an agent, only once', async () => {
      const ticket = await createTicket(api, { title: 'Waiting for us' });
      expectStatus(await comment(ticket.id, { body: 'internal', visibility: 'internal' }, agentToken), 201);
      expectStatus(await comment(ticket.id, { body: 'customer', author: { kind: 'customer' } }), 201);
      assert.equal((await ticketNow(ticket.id)).first_response_at, null);
      const reply = expectStatus(await comment(ticket.id, { body: 'Hello, we are looking into it.' }, agentToken), 201);
      assert.equal((await ticketNow(ticket.id)).first_response_at, reply.created_at);
      expectStatus(await comment(ticket.id, { body: 'Update' }, agentToken), 201);
      assert.equal((await ticketNow(ticket.id)).first_response_at, reply.created_at);
    });

    it('puts a pending ticket back in progress when the customer answers in public', async () => {
      const ticket = await createTicket(api, { title: 'Need your logs', assignee: agentId });
      await patchTicket(api, ticket.id, { status: 'pending' });
      expectStatus(await comment(ticket.id, { body: 'note to self', visibility: 'internal', author: { kind: 'customer' } }), 201);
      assert.equal((await ticketNow(ticket.id)).status, 'pending');
      expectStatus(await comment(ticket.id, { body: 'Here are the logs', author: { kind: 'customer', id: 'c-9' } }), 201);
      assert.equal((await ticketNow(ticket.id)).status, 'in_progress');
      const last = (await listAll(api, `/v1/tickets/${ticket.id}/events`)).at(-1);
      assert.equal(last.type, 'comment.added');
      assert.deepEqual([last.before, last.after], [{ status: 'pending' }, { status: 'in_progress' }]);
    });

    it('records creation, changes and comments with before, after and actor', async () => {
      const ticket = await createTicket(api, { title: 'Audited', priority: 'low' });
      await patchTicket(api, ticket.id, { priority: 'high', queue: 'billing' });
      expectStatus(await comment(ticket.id, { body: 'On it' }, agentToken), 201);
      const events = await listAll(api, `/v1/tickets/${ticket.id}/events?limit=1`);
      // Moving the waiting ticket to billing routes it again there (a second ticket.queued).
      assert.deepEqual(events.map((e) => e.type), ['ticket.created', 'ticket.queued', 'ticket.updated', 'ticket.queued', 'comment.added']);
      assert.ok(events.every((e, i) => i === 0 || events[i - 1].id < e.id));
      const [created, , updated, , commented] = events;
      assert.equal(created.after.title, 'Audited');
      assert.equal(created.before, null);
      assert.deepEqual(created.entity, { kind: 'ticket', id: ticket.id });
      assert.equal(created.actor.kind, 'api');
      assert.equal(created.actor.name, 'test admin');
      assert.deepEqual(updated.before, { priority: 'low', queue: 'general' });
      assert.deepEqual(updated.after, { priority: 'high', queue: 'billing' });
      assert.deepEqual(commented.actor, { kind: 'agent', id: agentId, name: 'test agent' });
      assert.equal(commented.data.visibility, 'public');
      assert.equal(typeof commented.data.comment_id, 'string');
    });

    it('links tickets and refuses self links, blocked_by cycles and unknown targets', async () => {
      const [a, b, c] = [await createTicket(api, { title: 'A' }), await createTicket(api, { title: 'B' }), await createTicket(api, { title: 'C' })];
      const link = (from: string, kind: string, to: string) => api.call('POST', `/v1/tickets/${from}/links`, { body: { kind, ticket_id: to } });
      const linked = expectStatus(await link(a.id, 'blocked_by', b.id), 200);
      assert.deepEqual(linked.links, [{ kind: 'blocked_by', ticket_id: b.id }]);
      assert.deepEqual(linked.blocked_by, [b.id]);
      expectStatus(await link(b.id, 'blocked_by', c.id), 200);
      assertError(await link(a.id, 'related', a.id), 422, 'invalid_link');
      assertError(await link(b.id, 'blocked_by', a.id), 422, 'invalid_link');
      assertError(await link(c.id, 'blocked_by', a.id), 422, 'invalid_link');
      assertError(await link(a.id, 'related', 'tkt_missing'), 422, 'invalid_reference');
      assertError(await link('tkt_missing', 'related', a.id), 404, 'ticket_not_found');
      assert.deepEqual((await ticketNow(c.id)).links, []);
      assert.deepEqual((await ticketNow(a.id)).blocked_by, [b.id]);
      const types = (await listAll(api, `/v1/tickets/${a.id}/events`)).map((e) => e.type);
      assert.deepEqual(types, ['ticket.created', 'ticket.queued', 'ticket.linked']);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, createTicket, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import type { TestApi } from './helpers/http.js';
import { getTicket, startRoutingApi } from './helpers/routing-fixtures.js';
import { handoffBody, historyOf, tieredDesk } from './helpers/workflow-fixtures.js';

for (const backend of BACKENDS) {
  describe(`AI → human hand-off (${backend.name})`, () => {
    let api: TestApi;
    before(async () => {
      ({ api } = await startRoutingApi(backend));
    });
    after(() => api.close());

    it('creates a chat ticket with the packet on it and routes it to a person', async () => {
      const desk = await tieredDesk(api);
      const body = handoffBody();
      const created = expectStatus(await api.call('POST', '/v1/handoffs', { body }), 201);
      const { ticket, handoff } = created;
      assert.deepEqual([ticket.channel, ticket.status, ticket.assignee], ['chat', 'assigned', desk.agents.front.id]);
      assert.equal(ticket.title, 'My parcel has not arrived. It was due last Tuesday and the tracking page shows nothing.');
      assert.equal(ticket.fields.category, 'shipping');
      assert.deepEqual(ticket.customer.name, 'Dewi Sartika');
      assert.ok(ticket.tags.includes('handoff'));

      const packet = expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/handoff`), 200);
      assert.deepEqual(packet, handoff);
      assert.match(packet.summary, /^The bot handed the conversation over about shipping after 4 message\(s\); bot confidence 40%\./);
      assert.match(packet.summary, /Tried: tracking lookup \(failed\)\./);
      assert.deepEqual(packet.context.customer_data, { plan: 'pro', orders: 12 });
      assert.equal(packet.context.bot, 'HelpBot');
      assert.deepEqual(packet.attempts, [{ action: 'tracking lookup', outcome: 'failed', detail: 'carrier API had no scans' }]);
      assert.equal(packet.signals.bot_confidence, 0.4);
      assert.equal(packet.signals.customer_messages, 2);
      assert.equal(packet.transcript.length, 4);
      assert.ok((await historyOf(api, ticket.id)).some((e: { type: string; data: { mode?: string } }) => e.type === 'handoff.received' && e.data.mode === 'proactive'));
    });

    it('updates the open ticket when the same conversation is handed over again, and starts a new one once it is closed', async () => {
      const body = handoffBody();
      const first = expectStatus(await api.call('POST', '/v1/handoffs', { body }), 201);
      const again = expectStatus(await api.call('POST', '/v1/handoffs', {
        body: {
          ...body, mode: 'reactive',
          transcript: [...(body.transcript as object[]), { from: 'customer', text: 'Please let me talk to a person.' }],
          attempts: [{ action: 'reship offer', outcome: 'declined' }],
        },
      }), 200);
      assert.equal(again.ticket.id, first.ticket.id);
      assert.deepEqual([again.handoff.handoffs, again.handoff.mode, again.handoff.signals.asks_for_human], [2, 'reactive', true]);
      assert.deepEqual(again.handoff.attempts.map((a: { action: string }) => a.action), ['tracking lookup', 'reship offer']);
      assert.match((await getTicket(api, first.ticket.id)).description, /talk to a person/);

      await api.call('PATCH', `/v1/tickets/${first.ticket.id}`, { body: { status: 'closed' } });
      const later = expectStatus(await api.call('POST', '/v1/handoffs', { body }), 201);
      assert.notEqual(later.ticket.id, first.ticket.id);
      assert.ok(later.ticket.links.some((l: { kind: string; ticket_id: string }) => l.kind === 'related' && l.ticket_id === first.ticket.id), 'linked to the closed one');
    });

    it('answers 404 for a ticket that was not handed over, and refuses a malformed hand-off', async () => {
      const plain = await createTicket(api, { title: 'Typed by hand' });
      assertError(await api.call('GET', `/v1/tickets/${plain.id}/handoff`), 404, 'handoff_not_found');
      assertError(await api.call('POST', '/v1/handoffs', { body: handoffBody({ confidence: 1.5 }) }), 400, 'validation_failed');
      assertError(await api.call('POST', '/v1/handoffs', { body: handoffBody({ transcript: [] }) }), 400, 'validation_failed');
    });
  });
}

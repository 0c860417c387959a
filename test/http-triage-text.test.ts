import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, createTicket, expectStatus, listAll } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';

for (const backend of BACKENDS) {
  describe(`signals, duplicates, summaries and merges (${backend.name})`, () => {
    let api: TestApi;
    before(async () => {
      api = await startTestApi(backend);
    });
    after(() => api.close());

    const customer = (id: string) => ({ id, email: `${id}@example.com` });

    it('stores the text signals and a confidently detected language on intake', async () => {
      const ticket = await createTicket(api, {
        title: 'Saya mau bicara dengan manusia',
        description: 'Saya sangat kecewa, pesanan saya rusak. Tolong batalkan pesanan dan pengembalian dana.',
      });
      assert.equal(ticket.language, 'id');
      assert.equal(ticket.signals.language, 'id');
      assert.equal(ticket.signals.asks_for_human, true);
      assert.deepEqual(ticket.signals.flags, ['cancel', 'refund']);
      assert.ok(ticket.signals.sentiment < 0);
    });

    it("keeps the client's language and leaves it unset when the text is too short to tell", async () => {
      const given = await createTicket(api, { title: 'Jag vill prata med en människa om min faktura', language: 'en' });
      assert.equal(given.language, 'en');
      assert.equal(given.signals.language, 'sv');
      const short = await createTicket(api, { title: '#4411' });
      assert.equal(short.language, null);
      assert.deepEqual(short.signals, { sentiment: 0, language: null, asks_for_human: false, flags: [] });
    });

    it('takes any text without failing: empty description, odd Unicode, a big body', async () => {
      for (const body of [
        { title: '\u200b', description: '' },
        { title: '🙂🙂🙂', description: 'e\u0301\u0301\u0301 ＦＵＬＬＷＩＤＴＨ \u202Eevil\u202C' },
        { title: 'Huge', description: 'The export fails again. '.repeat(4_000) },
      ]) {
        const ticket = await createTicket(api, body);
        assert.ok(ticket.signals.sentiment >= -1 && ticket.signals.sentiment <= 1);
        expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/summary`), 200);
      }
    });

    it("links a near-same open ticket of the same customer as a suspected duplicate, and not another customer's", async () => {
      const first = await createTicket(api, {
        title: 'Cannot log in to my account',
        description: 'Since yesterday the login page says my password is wrong, but I reset it twice.',
        customer: customer('dup-1'),
      });
      const other = await createTicket(api, { title: 'Cannot log in to my account', description: 'Since yesterday the login page says my password is wrong.', customer: customer('dup-2') });
      assert.deepEqual(other.links, []);
      const unrelated = await createTicket(api, { title: 'Invoice for March missing', description: 'Please send the invoice again.', customer: customer('dup-1') });
      assert.deepEqual(unrelated.links, []);
      const again = await createTicket(api, {
        title: 'Cannot log into my account',
        description: 'Since yesterday the login page tells me my password is wrong even though I reset it twice.',
        customer: customer('dup-1'),
      });
      assert.deepEqual(again.links, [{ kind: 'related', ticket_id: first.id }]);
      const suspected = (await listAll(api, `/v1/tickets/${again.id}/events`)).filter((e) => e.type === 'ticket.suspected_duplicate');
      assert.equal(suspected.length, 1);
      assert.equal(suspected[0].data.ticket_id, first.id);
      assert.ok(suspected[0].data.score >= 0.45 && suspected[0].data.score <= 1);
    });

    it('summarises the description and the conversation, naming where each sentence was written', async () => {
      const ticket = await createTicket(api, {
        title: 'Export failing',
        description: 'Hello team. Our invoice export to the accounting system fails every night since the upgrade. My cat says hi.',
      });
      const note = expectStatus(await api.call('POST', `/v1/tickets/${ticket.id}/comments`, {
        body: { body: 'The nightly invoice export stops with a timeout in the accounting system. Lunch was good.', visibility: 'internal' },
      }), 201);
      const summary = expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/summary?sentences=2`), 200);
      assert.equal(summary.comments, 1);
      assert.deepEqual(summary.sentences.map((s: { source: { kind: string; comment_id: string | null } }) => [s.source.kind, s.source.comment_id]), [
        ['description', null], ['comment', note.id],
      ]);
      assert.ok(summary.sentences.every((s: { text: string }) => s.text.includes('invoice export')));
      assertError(await api.call('GET', `/v1/tickets/${ticket.id}/summary?sentences=0`), 400, 'validation_failed');
      assertError(await api.call('GET', '/v1/tickets/tkt_nope/summary'), 404, 'ticket_not_found');
    });

    it('merges a duplicate: its conversation goes to the target, it is linked duplicate_of and closed, with events', async () => {
      const target = await createTicket(api, { title: 'Printer on floor 3 broken' });
      const duplicate = await createTicket(api, { title: 'Floor 3 printer not working', description: 'It shows error E42.' });
      expectStatus(await api.call('POST', `/v1/tickets/${duplicate.id}/comments`, { body: { body: 'Still broken this morning.', author: { kind: 'customer', id: 'c-7' } } }), 201);
      const result = expectStatus(await api.call('POST', `/v1/tickets/${duplicate.id}/merge`, { body: { into: target.id } }), 200);
      assert.equal(result.comments, 1);
      assert.equal(result.merged.status, 'closed');
      assert.deepEqual(result.merged.links, [{ kind: 'duplicate_of', ticket_id: target.id }]);
      const moved = await listAll(api, `/v1/tickets/${target.id}/comments`);
      assert.deepEqual(moved.map((c) => [c.visibility, c.author.kind]), [['internal', 'system'], ['public', 'customer']]);
      assert.match(moved[0].body, /E42/);
      assert.equal(moved[1].body, 'Still broken this morning.');
      const targetEvents = (await listAll(api, `/v1/tickets/${target.id}/events`)).map((e) => e.type);
      assert.ok(targetEvents.includes('ticket.merged_in'));
      const duplicateEvents = (await listAll(api, `/v1/tickets/${duplicate.id}/events`)).map((e) => e.type);
      assert.ok(duplicateEvents.includes('ticket.merged') && duplicateEvents.includes('ticket.linked'));
    });

    it('refuses to merge into itself, into a closed ticket, or across workspaces, and changes nothing then', async () => {
      const open = await createTicket(api, { title: 'Open one' });
      const closed = await createTicket(api, { title: 'Closed one' });
      expectStatus(await api.call('PATCH', `/v1/tickets/${closed.id}`, { body: { status: 'closed' } }), 200);
      assertError(await api.call('POST', `/v1/tickets/${open.id}/merge`, { body: { into: open.id } }), 422, 'invalid_merge');
      assertError(await api.call('POST', `/v1/tickets/${open.id}/merge`, { body: { into: closed.id } }), 422, 'invalid_merge');
      const otherAdmin = await api.otherWorkspace('merge-other');
      const foreign = await createTicket(api, { title: 'Elsewhere' }, otherAdmin);
      assertError(await api.call('POST', `/v1/tickets/${open.id}/merge`, { body: { into: foreign.id } }), 404, 'ticket_not_found');
      assertError(await api.call('POST', `/v1/tickets/${foreign.id}/merge`, { body: { into: open.id } }), 404, 'ticket_not_found');
      assertError(await api.call('POST', `/v1/tickets/${open.id}/merge`, { body: { into: open.id, extra: 1 } }), 400, 'validation_failed');
      const after = expectStatus(await api.call('GET', `/v1/tickets/${open.id}`), 200);
      assert.equal(after.status, open.status);
      assert.deepEqual(after.links, []);
    });
  });
}

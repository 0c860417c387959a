import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { assertError, createTicket, expectStatus, listAll } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';

const ARTICLES = [
  { key: 'password', title: 'Reset your password', body: 'Open the sign-in page and choose "Forgot password". We e-mail a link that resets the password within ten minutes.', tags: ['account', 'login'], language: 'en', published: true },
  { key: 'refund', title: 'How refunds work', body: 'A refund goes back to the card you paid with. Refunds take five to ten business days; the invoice shows the refund.', tags: ['billing', 'refund'], language: 'en', published: true },
  { key: 'invoice', title: 'Download an invoice', body: 'Invoices are under Billing → Invoices. You can download each invoice as PDF. Refund notes appear there too.', tags: ['billing'], language: 'en', published: true },
  { key: 'address', title: 'Change the delivery address', body: 'You can change the delivery address of an order until it ships.', tags: ['orders'], language: 'en', published: false },
  { key: 'zh-refund', title: '退款说明', body: '退款会在五到十个工作日内退回到您的付款卡。', tags: ['billing'], language: 'zh', published: true },
  { key: 'sv-refund', title: 'Så fungerar återbetalning', body: 'Återbetalningen går tillbaka till kortet du betalade med inom tio dagar.', tags: ['billing'], language: 'sv', published: true },
];

for (const backend of BACKENDS) {
  describe(`knowledge base (${backend.name})`, () => {
    let api: TestApi;
    const ids = new Map<string, string>();
    before(async () => {
      api = await startTestApi(backend);
      for (const { key, ...article } of ARTICLES) ids.set(key, expectStatus(await api.call('POST', '/v1/kb/articles', { body: article }), 201).id);
    });
    after(() => api.close());

    const search = async (q: string, token?: string): Promise<JsonBody[]> =>
      expectStatus(await api.call('GET', `/v1/kb/search?q=${encodeURIComponent(q)}`, { token }), 200).data;
    const keysOf = (hits: JsonBody[]) => hits.map((hit) => [...ids].find(([, id]) => id === hit.article.id)?.[0]);

    it('creates, reads, changes and removes articles', async () => {
      const created = expectStatus(await api.call('POST', '/v1/kb/articles', { body: { title: '  Temp  ', body: 'Temporary', tags: ['X', 'x'] } }), 201);
      assert.deepEqual([created.title, created.tags, created.published, created.language, created.version], ['Temp', ['x'], false, null, 1]);
      const changed = expectStatus(await api.call('PATCH', `/v1/kb/articles/${created.id}`, { body: { body: 'Temporary sandwich', published: true, version: 1 } }), 200);
      assert.deepEqual([changed.body, changed.published, changed.version], ['Temporary sandwich', true, 2]);
      assertError(await api.call('PATCH', `/v1/kb/articles/${created.id}`, { body: { title: 'Stale', version: 1 } }), 409, 'version_conflict');
      assert.deepEqual(keysOf(await search('sandwich')).length, 1);
      expectStatus(await api.call('DELETE', `/v1/kb/articles/${created.id}`), 204);
      assertError(await api.call('GET', `/v1/kb/articles/${created.id}`), 404, 'article_not_found');
      assert.deepEqual(await search('sandwich'), []);
      assertError(await api.call('DELETE', `/v1/kb/articles/${created.id}`), 404, 'article_not_found');
    });

    it('ranks a title match above a body mention, and returns a snippet with the words marked', async () => {
      const hits = await search('refund');
      assert.deepEqual(keysOf(hits), ['refund', 'invoice']);
      assert.ok(hits[0].rank > hits[1].rank);
      assert.match(hits[0].snippet, /\*\*[Rr]efunds?\*\*/);
    });

    it('needs every word of the query, ignores case and punctuation, finds nothing for nothing', async () => {
      assert.deepEqual(keysOf(await search('PASSWORD, reset!')), ['password']);
      assert.deepEqual(keysOf(await search('invoice pdf')), ['invoice']);
      assert.deepEqual(await search('refund spaceship'), []);
      assert.deepEqual(await search('"*:() OR NOT'), []);
      assertError(await api.call('GET', '/v1/kb/search?q='), 400, 'validation_failed');
    });

    it('finds Chinese and Swedish articles by their own words', async () => {
      const zh = await search('退款');
      assert.deepEqual(keysOf(zh), ['zh-refund']);
      assert.match(zh[0].snippet, /退/);
      assert.deepEqual(keysOf(await search('återbetalning')), ['sv-refund']);
    });

    it('shows drafts only to tokens that may edit', async () => {
      const viewer = await api.token('viewer');
      assert.deepEqual(keysOf(await search('delivery address')), ['address']);
      assert.deepEqual(await search('delivery address', viewer), []);
      assertError(await api.call('GET', `/v1/kb/articles/${ids.get('address')}`, { token: viewer }), 404, 'article_not_found');
      const listed = await listAll(api, '/v1/kb/articles?limit=2', viewer);
      assert.equal(listed.length, ARTICLES.filter((a) => a.published).length);
      assertError(await api.call('POST', '/v1/kb/articles', { token: viewer, body: { title: 'x', body: 'y' } }), 403, 'forbidden');
    });

    it('keeps workspaces apart', async () => {
      const other = await api.otherWorkspace('kb-other');
      assert.deepEqual(await search('refund', other), []);
      assertError(await api.call('GET', `/v1/kb/articles/${ids.get('refund')}`, { token: other }), 404, 'article_not_found');
      assertError(await api.call('PATCH', `/v1/kb/articles/${ids.get('refund')}`, { token: other, body: { title: 'mine' } }), 404, 'article_not_found');
    });

    it('suggests published articles that answer a ticket', async () => {
      const ticket = await createTicket(api, { title: 'Where is my refund?', description: 'I returned the parcel two weeks ago and still have no refund on my card.' });
      const suggested = expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/suggestions`), 200).data;
      assert.equal(keysOf(suggested)[0], 'refund');
      assert.ok(!keysOf(suggested).includes('address'));
      const nothing = await createTicket(api, { title: '🙂', description: '' });
      assert.deepEqual(expectStatus(await api.call('GET', `/v1/tickets/${nothing.id}/suggestions`), 200).data, []);
      assertError(await api.call('GET', '/v1/tickets/tkt_missing/suggestions'), 404, 'ticket_not_found');
    });

    it('answers any query text with results or a coded 400, never a server error', async () => {
      await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }), async (q) => {
        const response = await api.call('GET', `/v1/kb/search?q=${encodeURIComponent(q)}`);
        assert.ok(response.status === 200 || response.status === 400, `${response.status} for ${JSON.stringify(q)}`);
      }), { numRuns: 60 });
      for (const q of ['NEAR(a b)', 'a* OR -b', '"', "'; drop table kb_articles; --", 'title:refund', '!!!', '\u202e', 'x'.repeat(500)]) {
        expectStatus(await api.call('GET', `/v1/kb/search?q=${encodeURIComponent(q)}`), 200);
      }
    });

    it('refuses malformed articles with coded errors', async () => {
      assertError(await api.call('POST', '/v1/kb/articles', { body: { title: '', body: 'x' } }), 400, 'validation_failed');
      assertError(await api.call('POST', '/v1/kb/articles', { body: { title: 'x', body: 'y', extra: true } }), 400, 'validation_failed');
      assertError(await api.call('POST', '/v1/kb/articles', { body: { title: 'x', body: 'y\u0000z' } }), 400, 'invalid_text');
    });
  });
}

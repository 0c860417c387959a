import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, assertErrorShape, expectStatus, type ApiResponse } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';

/** `depth` objects nested inside each other. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 1; i < depth; i++) value = { n: value };
  return value;
}

for (const backend of BACKENDS) {
  describe(`HTTP errors and edge cases (${backend.name})`, () => {
    let api: TestApi;
    let small: TestApi;
    const responses: ApiResponse[] = [];
    /** `api.call`, remembering every response so the file can check none of them was a 500. */
    const call = async (target: TestApi, ...args: Parameters<TestApi['call']>) => {
      const response = await target.call(...args);
      responses.push(response);
      if (response.status >= 400) assertErrorShape(response);
      return response;
    };
    const send = (...args: Parameters<TestApi['call']>) => call(api, ...args);
    const raw = (url: string, payload: string | Buffer, contentType = 'application/json') =>
      send('POST', url, { body: payload, headers: { 'content-type': contentType } });
    const newTicket = async (title = 'Edge case') => expectStatus(await send('POST', '/v1/tickets', { body: { title } }), 201);

    before(async () => {
      api = await startTestApi(backend);
      small = await startTestApi(backend, { bodyLimit: 2048 });
    });
    after(async () => {
      await api.close();
      await small.close();
      assert.ok(responses.length > 40, 'the wrapper saw the requests');
      assert.deepEqual(responses.filter((r) => r.status >= 500).map((r) => r.body), [], 'no request may end in a 500');
    });

    it('asks for a valid token', async () => {
      assertError(await send('GET', '/v1/tickets', { token: '' }), 401, 'unauthorized');
      assertError(await send('GET', '/v1/tickets', { token: 'sb_not-a-real-token' }), 401, 'unauthorized');
      assertError(await send('GET', '/v1/tickets', { token: '', headers: { authorization: `Basic ${api.admin}` } }), 401, 'unauthorized');
    });

    it('stops accepting a token as soon as it is revoked', async () => {
      const issued = expectStatus(await send('POST', '/v1/tokens', { body: { name: 'short-lived', role: 'supervisor' } }), 201);
      expectStatus(await send('GET', '/v1/tickets', { token: issued.secret }), 200);
      assert.equal((await send('DELETE', `/v1/tokens/${issued.id}`)).status, 204);
      assertError(await send('GET', '/v1/tickets', { token: issued.secret }), 401, 'unauthorized');
      assertError(await send('DELETE', `/v1/tokens/${issued.id}`), 404, 'token_not_found');
    });

    it('answers unknown routes and ids with 404', async () => {
      assertError(await send('GET', '/v1/nothing-here'), 404, 'route_not_found');
      assertError(await send('GET', '/v1/nothing-here', { token: '' }), 404, 'route_not_found');
      assertError(await send('GET', '/v1/tickets/tkt_missing'), 404, 'ticket_not_found');
      assertError(await send('GET', '/v1/tickets/tkt_missing/events'), 404, 'ticket_not_found');
      assertError(await send('GET', '/v1/agents/agt_missing'), 404, 'agent_not_found');
    });

    it('hides other workspaces\' tickets and agents behind 404', async () => {
      const ticket = await newTicket('Not yours');
      const agent = expectStatus(await send('POST', '/v1/agents', { body: { name: 'Not yours' } }), 201);
      const token = await api.otherWorkspace('elsewhere');
      const as = (method: 'GET' | 'PATCH' | 'POST' | 'DELETE', url: string, body?: unknown) => send(method, url, { token, body });
      assertError(await as('GET', `/v1/tickets/${ticket.id}`), 404, 'ticket_not_found');
      assertError(await as('PATCH', `/v1/tickets/${ticket.id}`, { priority: 'low' }), 404, 'ticket_not_found');
      assertError(await as('GET', `/v1/tickets/${ticket.id}/comments`), 404, 'ticket_not_found');
      assertError(await as('POST', `/v1/tickets/${ticket.id}/comments`, { body: 'hello' }), 404, 'ticket_not_found');
      assertError(await as('GET', `/v1/tickets/${ticket.id}/events`), 404, 'ticket_not_found');
      assertError(await as('POST', `/v1/tickets/${ticket.id}/links`, { kind: 'related', ticket_id: ticket.id }), 404, 'ticket_not_found');
      assertError(await as('GET', `/v1/agents/${agent.id}`), 404, 'agent_not_found');
      assertError(await as('PATCH', `/v1/agents/${agent.id}`, { status: 'busy' }), 404, 'agent_not_found');
      assertError(await as('DELETE', `/v1/agents/${agent.id}`), 404, 'agent_not_found');
      const theirs = expectStatus(await as('POST', '/v1/tickets', { title: 'Theirs' }), 201);
      assertError(await as('POST', `/v1/tickets/${theirs.id}/links`, { kind: 'related', ticket_id: ticket.id }), 422, 'invalid_reference');
      assertError(await as('PATCH', `/v1/tickets/${theirs.id}`, { assignee: agent.id }), 422, 'invalid_reference');
      assert.deepEqual(expectStatus(await as('GET', '/v1/tickets'), 200).data.map((t: { id: string }) => t.id), [theirs.id]);
      const after = expectStatus(await send('GET', `/v1/tickets/${ticket.id}`), 200);
      assert.deepEqual([after.version, after.links], [ticket.version, []]);
    });

    it('refuses unknown body fields and query parameters, naming them', async () => {
      const details = assertError(await send('POST', '/v1/tickets', { body: { title: 'x', colour: 'red' } }), 400, 'validation_failed');
      assert.ok(details.errors.some((e: { path: string; message: string }) => e.path === '/colour' && e.message.includes('colour')), JSON.stringify(details));
      const ticket = await newTicket();
      assertError(await send('PATCH', `/v1/tickets/${ticket.id}`, { body: { assignee_id: 'agt_x' } }), 400, 'validation_failed');
      const query = assertError(await send('GET', '/v1/tickets?colour=red'), 400, 'validation_failed');
      assert.ok(query.errors.some((e: { path: string }) => e.path.endsWith('colour')), JSON.stringify(query));
    });

    it('refuses bodies that are not storable JSON', async () => {
      assertError(await raw('/v1/tickets', '{"title": "half'), 400, 'malformed_json');
      assertError(await raw('/v1/tickets', ''), 400, 'malformed_json');
      assertError(await send('POST', '/v1/tickets', { body: { title: 'deep', fields: nested(100) } }), 400, 'json_too_deep');
      assertError(await raw('/v1/tickets', '{"title": "nul \\u0000 inside"}'), 400, 'invalid_text');
      assertError(await raw('/v1/tickets', '{"title": "lone \\ud800 high"}'), 400, 'invalid_text');
      assertError(await raw('/v1/tickets', '{"title": "lone \\udc00 low"}'), 400, 'invalid_text');
      assertError(await raw('/v1/tickets', '{"title": "x", "fields": {"k\\u0000": 1}}'), 400, 'invalid_text');
      assertError(await raw('/v1/tickets', '{"title": "x", "__proto__": {"admin": true}}'), 400, 'validation_failed');
      assertError(await raw('/v1/tickets', '{"title": "x", "fields": {"constructor": {"prototype": 1}}}'), 400, 'validation_failed');
      assertError(await raw('/v1/tickets', 'title=x', 'text/plain'), 415, 'unsupported_media_type');
      assertError(await raw('/v1/tickets', 'title=x', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
    });

    it('refuses bodies whose bytes are not UTF-8, storing nothing', async () => {
      const before = expectStatus(await send('GET', '/v1/tickets?limit=100'), 200).data.length;
      const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => Buffer.from(part)));
      const bodies = [
        bytes('{"title": "caf', [0xe9], ' au lait"}'), // Latin-1 é
        bytes('{"title": "cut ', [0xe2, 0x82], '"}'), // a three-byte sequence cut short
        bytes('{"title": "surrogate ', [0xed, 0xa0, 0x80], '"}'), // a surrogate encoded as UTF-8
        bytes('{"title": "overlong ', [0xc0, 0xaf], '"}'),
        bytes('{"title": "ok", "tags": ["', [0xff], '"]}'),
      ];
      for (const body of bodies) assertError(await raw('/v1/tickets', body), 400, 'invalid_text');
      const ticket = await newTicket();
      const comment = bytes('{"body": "bad ', [0x80], ' byte"}');
      assertError(await raw(`/v1/tickets/${ticket.id}/comments`, comment), 400, 'invalid_text');
      assert.equal(expectStatus(await send('GET', '/v1/tickets?limit=100'), 200).data.length, before + 1, 'only the good ticket was stored');
      const comments = expectStatus(await send('GET', `/v1/tickets/${ticket.id}/comments`), 200).data;
      assert.equal(comments.length, 0, 'the refused comment was not stored');
    });

    it('refuses a body over the limit with 413', async () => {
      const response = await call(small, 'POST', '/v1/tickets', { body: { title: 'big', description: 'x'.repeat(4096) } });
      assertError(response, 413, 'body_too_large');
      expectStatus(await call(small, 'POST', '/v1/tickets', { body: { title: 'fits', description: 'x'.repeat(512) } }), 201);
    });

    it('stores markup and unusual Unicode exactly as sent', async () => {
      const texts = [
        '<script>alert("x")</script> & <b>bold</b>',
        'Emoji 👩🏽‍💻 🏳️‍🌈 🔥',
        'RTL: مرحبا بالعالم ‏שלום‎',
        'Combining: e\u0301 a\u0308 n\u0303 vs é',
        'CJK: 打印机坏了 プリンター 프린터',
        'Zero width: a\u200bb\u200dc\ufeffd',
      ];
      for (const text of texts) {
        const created = expectStatus(await send('POST', '/v1/tickets', { body: { title: text, description: text, fields: { [text]: text } } }), 201);
        const read = expectStatus(await send('GET', `/v1/tickets/${created.id}`), 200);
        assert.equal(read.title, text);
        assert.equal(read.description, text);
        assert.deepEqual(read.fields, { [text]: text });
        const commented = expectStatus(await send('POST', `/v1/tickets/${created.id}/comments`, { body: { body: text } }), 201);
        assert.equal(commented.body, text);
      }
      const found = expectStatus(await send('GET', `/v1/tickets?q=${encodeURIComponent('打印机')}`), 200);
      assert.deepEqual(found.data.map((t: { title: string }) => t.title), [texts[4]]);
    });

    it('refuses cursors it did not issue', async () => {
      const ticket = await newTicket();
      assertError(await send('GET', '/v1/tickets?cursor=not-a-cursor'), 400, 'invalid_cursor');
      assertError(await send('GET', `/v1/tickets?cursor=${Buffer.from('{"p":42}').toString('base64url')}`), 400, 'invalid_cursor');
      assertError(await send('GET', `/v1/tickets/${ticket.id}/events?cursor=${Buffer.from('{"p":"abc"}').toString('base64url')}`), 400, 'invalid_cursor');
      assertError(await send('GET', `/v1/tickets/${ticket.id}/comments?cursor=%%%`), 400, 'invalid_cursor');
      assertError(await send('GET', '/v1/agents?cursor=bm9wZQ'), 400, 'invalid_cursor');
    });

    it('answers /healthz without a token', async () => {
      assert.deepEqual(expectStatus(await send('GET', '/healthz', { token: '' }), 200), { status: 'ok' });
    });

    it('publishes an OpenAPI document with the main paths', async () => {
      const response = await send('GET', '/openapi.json', { token: '' });
      const doc = expectStatus(response, 200);
      assert.match(String(response.headers['content-type']), /application\/json/);
      assert.match(doc.openapi, /^3\./);
      for (const path of ['/v1/tickets', '/v1/tickets/{id}', '/v1/tickets/{id}/events', '/v1/tickets/{id}/comments', '/v1/agents', '/v1/agents/{id}']) {
        assert.ok(doc.paths[path], `paths should include ${path}`);
      }
      assert.ok(doc.paths['/v1/tickets'].post && doc.paths['/v1/tickets'].get);
    });
  });
}

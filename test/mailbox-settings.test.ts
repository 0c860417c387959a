import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertError, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';

/** A documentation address (TEST-NET-3): public as far as the checks go, and never connected to here. */
const PUBLIC_IP = '203.0.113.7';
const VALID = { address: 'support@example.com', host: PUBLIC_IP, port: 993, tls: 'implicit', username: 'support', password: 'app-password' };

for (const backend of BACKENDS) {
  describe(`mailbox settings refuse bad input and change nothing (${backend.name})`, () => {
    let api: TestApi;
    before(async () => { api = await startTestApi(backend); });
    after(() => api.close());

    const add = (body: object, token?: string) => api.call('POST', '/v1/mailboxes', { body: { ...VALID, ...body }, token });

    it('refuses hosts inside the network, as webhook targets are refused', async () => {
      for (const host of ['127.0.0.1', 'localhost', '10.1.2.3', '169.254.169.254', '[::1]', '::ffff:192.168.0.1']) {
        const refused = assertError(await add({ host }), 422, 'mailbox_host_refused');
        assert.equal(refused.path, '/host', host);
      }
      assertError(await add({ host: 'no-such-host.invalid' }), 422, 'mailbox_host_refused');
    });

    it('allows a connection without TLS on loopback only, and a move only to another, named folder', async () => {
      assert.equal(assertError(await add({ tls: 'none' }), 422, 'invalid_mailbox').path, '/tls');
      assert.equal(assertError(await add({ after_import: 'move' }), 422, 'invalid_mailbox').path, '/move_to');
      assertError(await add({ after_import: 'move', move_to: 'INBOX' }), 422, 'invalid_mailbox');
      assertError(await add({ move_to: 'Done' }), 422, 'invalid_mailbox');
    });

    it('refuses malformed fields and unknown keys with 400', async () => {
      for (const body of [{ host: 'bad host!' }, { port: 0 }, { port: 70000 }, { tls: 'ssl' }, { address: 'nobody' }, { folder: 'In\nbox' }, { password: '' }, { extra: 1 }]) {
        assertError(await add(body), 400, 'validation_failed');
      }
    });

    it('is for admins only, and answers 404 for a mailbox it does not have', async () => {
      assertError(await add({}, await api.token('supervisor')), 403, 'forbidden');
      assertError(await api.call('GET', '/v1/mailboxes', { token: await api.token('agent') }), 403, 'forbidden');
      assertError(await api.call('GET', '/v1/mailboxes/mbx_missing'), 404, 'mailbox_not_found');
      assertError(await api.call('DELETE', '/v1/mailboxes/mbx_missing'), 404, 'mailbox_not_found');
      assertError(await api.call('POST', '/v1/mailboxes/mbx_missing/test'), 404, 'mailbox_not_found');
    });

    it('saved nothing of the refused ones; a valid one is saved, audited without its password, and removed', async () => {
      assert.deepEqual(expectStatus(await api.call('GET', '/v1/mailboxes'), 200).data, []);
      const saved = expectStatus(await add({ folder: 'Tuki' }), 201);
      assert.deepEqual({ ...saved, id: undefined, created_at: undefined }, {
        id: undefined, created_at: undefined, address: 'support@example.com', host: PUBLIC_IP, port: 993, tls: 'implicit', username: 'support',
        folder: 'Tuki', after_import: 'mark_seen', move_to: null, status: { last_success_at: null, last_error: null, last_error_at: null },
      });
      const audit = JSON.stringify(expectStatus(await api.call('GET', '/v1/audit?limit=50'), 200));
      assert.match(audit, /mailbox\.created/);
      assert.equal(audit.includes('app-password'), false);
      expectStatus(await api.call('DELETE', `/v1/mailboxes/${saved.id}`), 204);
      assert.deepEqual(expectStatus(await api.call('GET', '/v1/mailboxes'), 200).data, []);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { blockedReason } from '../src/adapters/webhooks/blocked-addresses.js';
import { postWebhook } from '../src/adapters/webhooks/webhook-client.js';
import { createWebhookCommand } from '../src/commands/webhooks/webhook-commands.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { systemContext, systemIds } from '../src/surfaces/runtime.js';
import { assertError, createTicket, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { startReceiver, type WebhookReceiver } from './helpers/webhook-receiver.js';

describe('webhook target addresses', () => {
  it('refuses loopback, private, link-local, unspecified, multicast and CGNAT addresses, also IPv4-mapped', () => {
    const refused = [
      '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '100.127.255.254', '169.254.169.254',
      '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'ff02::1',
      '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254',
    ];
    for (const address of refused) assert.ok(blockedReason(address), address);
    for (const address of ['8.8.8.8', '1.1.1.1', '100.128.0.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) assert.equal(blockedReason(address), null, address);
    assert.equal(blockedReason('127.0.0.1'), 'loopback');
    assert.equal(blockedReason('::ffff:169.254.169.254'), 'link-local');
  });
});

describe('webhook redirects', () => {
  let first: WebhookReceiver;
  let second: WebhookReceiver;
  before(async () => {
    first = await startReceiver('127.0.0.1');
    // Another loopback address, which this test's classifier treats as private while 127.0.0.1 stands for a public host.
    second = await startReceiver('127.0.0.2');
  });
  after(async () => {
    await first.close();
    await second.close();
  });
  const onlySecondIsPrivate = (address: string) => (address === '127.0.0.2' ? 'private' : null);
  const send = (allowPrivate: boolean) =>
    postWebhook(first.url, '{}', {}, { policy: { allowPrivate }, timeoutMs: 10_000, classify: onlySecondIsPrivate });

  it('checks every hop: a redirect to a private address is refused when private targets are not allowed', async () => {
    first.answer({ status: 307, headers: { location: second.url } });
    const result = await send(false);
    assert.equal(result.httpStatus, null);
    assert.match(result.error!, /127\.0\.0\.2 is a private address/);
    assert.equal(second.requests.length, 0);
  });

  it('follows a redirect, posting the same body, when the next hop is allowed', async () => {
    first.answer({ status: 308, headers: { location: second.url } });
    const result = await send(true);
    assert.equal(result.httpStatus, 200);
    assert.equal(second.requests.at(-1)!.method, 'POST');
    assert.equal(second.requests.at(-1)!.body, '{}');
  });

  it('refuses a redirect to another scheme and stops after a few hops', async () => {
    first.answer({ status: 302, headers: { location: 'file:///etc/passwd' } });
    assert.match((await send(true)).error!, /not file/);
    first.answer(...Array.from({ length: 4 }, () => ({ status: 302, headers: { location: first.url } })));
    assert.match((await send(true)).error!, /More than 3 redirects/);
  });
});

for (const backend of BACKENDS) {
  describe(`webhook targets refused (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    let receiver: WebhookReceiver;
    before(async () => {
      clock = new ManualClock(Date.UTC(2026, 2, 2, 9));
      api = await startTestApi(backend, { clock });
      receiver = await startReceiver();
    });
    after(async () => {
      await receiver.close();
      await api.close();
    });

    it('refuses private targets when subscribing, also a name that resolves to one', async () => {
      const port = new URL(receiver.url).port;
      for (const url of [receiver.url, `http://[::1]:${port}/`, 'http://[::ffff:127.0.0.1]/', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.8/', 'http://0x7f.1/']) {
        const details = assertError(await api.call('POST', '/v1/webhooks', { body: { url, event_types: ['*'] } }), 422, 'webhook_target_refused');
        assert.equal(details.path, '/url', url);
      }
      const byName = await api.call('POST', '/v1/webhooks', { body: { url: `http://localhost:${port}/hook`, event_types: ['*'] } });
      assertError(byName, 422, 'webhook_target_refused');
      assert.match(byName.body.error.message, /localhost resolves to .*loopback/);
      assertError(await api.call('POST', '/v1/webhooks', { body: { url: 'gopher://example.com/', event_types: ['*'] } }), 422, 'webhook_target_refused');
      assert.equal(receiver.requests.length, 0);
    });

    it('checks again at every delivery: a target that is private now is not posted to', async () => {
      // Saved while private targets were allowed (or before the name pointed here), delivered now that they are not.
      const endpoint = await api.db.store.transaction((tx) =>
        createWebhookCommand(systemContext(tx, api.workspaceId, systemIds(clock), clock), { url: receiver.url, eventTypes: ['ticket.created'] }, 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0'));
      await createTicket(api, { title: 'Stay inside' });
      await api.deliverWebhooks();
      const [delivery] = expectStatus(await api.call('GET', `/v1/webhooks/${endpoint.id}/deliveries`), 200).data;
      assert.equal(delivery.status, 'pending', 'retried later, in case the name points elsewhere by then');
      assert.match(delivery.log[0].error, /127\.0\.0\.1 is a loopback address/);
      assert.equal(receiver.requests.length, 0);
      assertError(await api.call('PATCH', `/v1/webhooks/${endpoint.id}`, { body: { url: 'http://192.168.0.10/' } }), 422, 'webhook_target_refused');
    });
  });
}

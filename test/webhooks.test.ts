import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordEvent } from '../src/commands/record-event.js';
import { ManualClock } from '../src/domain/shared/clock.js';
import { MAX_ATTEMPTS, RETRY_SCHEDULE_MS } from '../src/domain/webhook/retry-schedule.js';
import { systemContext, systemIds } from '../src/surfaces/runtime.js';
import { webhookSweep } from '../src/surfaces/worker/webhook-sweep.js';
import { assertError, createTicket, expectStatus } from './helpers/api-fixtures.js';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';
import { startReceiver, verifySignature, type WebhookReceiver } from './helpers/webhook-receiver.js';

const START = Date.UTC(2026, 2, 2, 9, 0, 0);
const HOUR = 3_600_000;

for (const backend of BACKENDS) {
  describe(`webhooks (${backend.name})`, () => {
    let api: TestApi;
    let clock: ManualClock;
    let receiver: WebhookReceiver;
    before(async () => {
      clock = new ManualClock(START);
      api = await startTestApi(backend, { clock, webhookAllowPrivate: true });
      receiver = await startReceiver();
    });
    after(async () => {
      await receiver.close();
      await api.close();
    });

    /** A new endpoint on the receiver (its own path, so tests tell their requests apart) and its secret. */
    async function subscribe(eventTypes: string[], path: string = crypto.randomUUID()): Promise<JsonBody> {
      return expectStatus(await api.call('POST', '/v1/webhooks', { body: { url: `${receiver.url}/${path}`, event_types: eventTypes } }), 201);
    }

    function sentTo(endpoint: JsonBody) {
      return receiver.requests.filter((r) => endpoint.url.endsWith(r.path));
    }

    async function deliveries(endpoint: JsonBody): Promise<JsonBody[]> {
      return expectStatus(await api.call('GET', `/v1/webhooks/${endpoint.id}/deliveries`), 200).data;
    }

    /** Deletes the endpoint so later tests' deliveries do not include its events. */
    async function unsubscribe(endpoint: JsonBody): Promise<void> {
      expectStatus(await api.call('DELETE', `/v1/webhooks/${endpoint.id}`), 204);
    }

    it('shows the secret once, never afterwards, and only to admins', async () => {
      const endpoint = await subscribe(['ticket.*'], 'secret');
      assert.match(endpoint.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      const shown = expectStatus(await api.call('GET', `/v1/webhooks/${endpoint.id}`), 200);
      assert.equal(shown.secret, undefined);
      assert.deepEqual(shown.event_types, ['ticket.*']);
      assert.ok(expectStatus(await api.call('GET', '/v1/webhooks'), 200).data.every((w: JsonBody) => w.secret === undefined));
      const rotated = expectStatus(await api.call('POST', `/v1/webhooks/${endpoint.id}/rotate-secret`), 200);
      assert.notEqual(rotated.secret, endpoint.secret);
      const history = expectStatus(await api.call('GET', '/v1/webhooks'), 200);
      assert.ok(!JSON.stringify(history).includes(rotated.secret));
      assertError(await api.call('GET', '/v1/webhooks', { token: await api.token('supervisor') }), 403, 'forbidden');
      assertError(await api.call('POST', '/v1/webhooks', { body: { url: receiver.url, event_types: ['Ticket Created'] } }), 422, 'invalid_value');
      assertError(await api.call('POST', '/v1/webhooks', { body: { url: 'ftp://files.example.com/x', event_types: ['*'] } }), 422, 'webhook_target_refused');
      assertError(await api.call('GET', '/v1/webhooks/whk_none'), 404, 'webhook_not_found');
      await unsubscribe(endpoint);
    });

    it('posts subscribed events signed the Standard Webhooks way', async () => {
      const endpoint = await subscribe(['ticket.created']);
      const ticket = await createTicket(api, { title: 'Printer on fire' });
      assert.ok((await api.deliverWebhooks())?.includes('delivered'));
      const [request, ...more] = sentTo(endpoint);
      assert.equal(more.length, 0, 'one event subscribed, one request');
      assert.equal(request!.method, 'POST');
      assert.equal(request!.headers['content-type'], 'application/json');
      assert.ok(verifySignature(endpoint.secret, request!), 'the receiver can verify the signature');
      assert.ok(!verifySignature(endpoint.secret, { ...request!, body: `${request!.body} ` }), 'and a changed body fails it');
      assert.equal(request!.headers['webhook-timestamp'], String(Math.floor(clock.now() / 1000)));
      const body = JSON.parse(request!.body);
      assert.deepEqual(Object.keys(body), ['type', 'timestamp', 'data']);
      assert.equal(body.type, 'ticket.created');
      assert.equal(body.data.entity.id, ticket.id);

      const [delivery] = await deliveries(endpoint);
      assert.equal(delivery.status, 'delivered');
      assert.equal(delivery.message_id, request!.headers['webhook-id']);
      assert.deepEqual(delivery.log.map((a: JsonBody) => [a.http_status, a.succeeded, a.response_excerpt]), [[200, true, 'ok']]);
      assert.equal(await api.deliverWebhooks(), null, 'nothing left to send');
      await unsubscribe(endpoint);
    });

    it('retries a failed delivery on the schedule, then succeeds', async () => {
      const endpoint = await subscribe(['ticket.created']);
      receiver.answer({ status: 500, body: 'database down' });
      await createTicket(api, { title: 'Retry me' });
      await api.deliverWebhooks();
      const [failed] = await deliveries(endpoint);
      assert.equal(failed.status, 'pending');
      assert.equal(failed.log[0].http_status, 500);
      assert.equal(failed.log[0].response_excerpt, 'database down');
      assert.equal(Date.parse(failed.next_attempt_at), START + (clock.now() - START) + RETRY_SCHEDULE_MS[0]!, 'the first pause, jitter at its middle');

      await api.deliverWebhooks();
      assert.equal(sentTo(endpoint).length, 1, 'not before it is due');
      clock.advance(RETRY_SCHEDULE_MS[0]!);
      await api.deliverWebhooks();
      const [done] = await deliveries(endpoint);
      assert.equal(done.status, 'delivered');
      assert.deepEqual(done.log.map((a: JsonBody) => a.http_status), [500, 200]);
      const [first, second] = sentTo(endpoint);
      assert.equal(first!.headers['webhook-id'], second!.headers['webhook-id'], 'a retry is the same message');
      assert.ok(verifySignature(endpoint.secret, second!));
      await unsubscribe(endpoint);
    });

    it('gives up after the last attempt of the schedule', async () => {
      const endpoint = await subscribe(['ticket.created']);
      receiver.answer(...Array.from({ length: MAX_ATTEMPTS }, () => ({ status: 503 })));
      await createTicket(api, { title: 'Never arrives' });
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        await api.deliverWebhooks();
        clock.advance(12 * HOUR);
      }
      const [delivery] = await deliveries(endpoint);
      assert.equal(delivery.status, 'failed');
      assert.equal(delivery.attempts, MAX_ATTEMPTS);
      assert.equal(delivery.next_attempt_at, null);
      await api.deliverWebhooks();
      assert.equal(sentTo(endpoint).length, MAX_ATTEMPTS);
      await unsubscribe(endpoint);
    });

    it('turns the endpoint off when it answers 410 Gone', async () => {
      const endpoint = await subscribe(['ticket.created']);
      receiver.answer({ status: 410 });
      await createTicket(api, { title: 'Gone' });
      await api.deliverWebhooks();
      const off = expectStatus(await api.call('GET', `/v1/webhooks/${endpoint.id}`), 200);
      assert.equal(off.enabled, false);
      assert.match(off.disabled_reason, /410/);
      assert.equal((await deliveries(endpoint))[0].status, 'failed');
      await createTicket(api, { title: 'Not sent' });
      assert.equal((await deliveries(endpoint)).length, 1, 'a turned-off endpoint gets no new deliveries');
      const [delivery] = await deliveries(endpoint);
      assertError(await api.call('POST', `/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`), 409, 'webhook_disabled');
      const on = expectStatus(await api.call('PATCH', `/v1/webhooks/${endpoint.id}`, { body: { enabled: true } }), 200);
      assert.equal(on.disabled_reason, null);
      await unsubscribe(endpoint);
    });

    it('redelivers a delivery by hand as the same message', async () => {
      const endpoint = await subscribe(['comment.added', 'ticket.created']);
      await createTicket(api, { title: 'Send me twice' });
      await api.deliverWebhooks();
      const [original] = await deliveries(endpoint);
      const again = expectStatus(await api.call('POST', `/v1/webhooks/${endpoint.id}/deliveries/${original.id}/redeliver`), 202);
      assert.equal(again.status, 'pending');
      assert.equal(again.message_id, original.message_id);
      await api.deliverWebhooks();
      const [first, second] = sentTo(endpoint);
      assert.equal(second!.headers['webhook-id'], first!.headers['webhook-id']);
      assert.equal(second!.body, first!.body);
      assert.deepEqual((await deliveries(endpoint)).map((d: JsonBody) => d.status), ['delivered', 'delivered']);
      assertError(await api.call('POST', `/v1/webhooks/${endpoint.id}/deliveries/dlv_none/redeliver`), 404, 'webhook_delivery_not_found');
      await unsubscribe(endpoint);
    });

    it('delivers an automation notification to the endpoint it names', async () => {
      const endpoint = await subscribe(['sla.breached']);
      expectStatus(await api.call('POST', '/v1/automations', {
        body: { name: 'tell the CRM', events: ['ticket.created'], when: "ticket.title == 'For the CRM'", actions: [{ kind: 'notify_webhook', webhook: endpoint.id }] },
      }), 201);
      const ticket = await createTicket(api, { title: 'For the CRM' });
      await api.deliverWebhooks();
      const [request] = sentTo(endpoint);
      assert.ok(verifySignature(endpoint.secret, request!));
      const body = JSON.parse(request!.body);
      assert.equal(body.type, 'automation.webhook');
      assert.equal(body.data.data.payload.ticket.id, ticket.id);
      await unsubscribe(endpoint);
    });

    it('writes the outbox in the transaction of the change: a change that fails leaves none', async () => {
      const endpoint = await subscribe(['ticket.noted']);
      const ids = systemIds(clock);
      const note = (tx: Parameters<typeof systemContext>[0]) =>
        recordEvent(systemContext(tx, api.workspaceId, ids, clock), { entityKind: 'workspace', entityId: api.workspaceId, type: 'ticket.noted' });
      await assert.rejects(api.db.store.transaction(async (tx) => {
        await note(tx);
        throw new Error('the change fails after its event was recorded');
      }));
      assert.equal((await deliveries(endpoint)).length, 0);
      await api.db.store.transaction(note);
      assert.equal((await deliveries(endpoint)).length, 1);
      await unsubscribe(endpoint);
    });

    it('never posts one delivery twice when several workers sweep at once', async () => {
      const endpoint = await subscribe(['ticket.created']);
      for (let i = 0; i < 6; i++) await createTicket(api, { title: `Busy ${i}` });
      const node = () => webhookSweep(api.db.store, clock, systemIds(clock), { policy: { allowPrivate: true }, timeoutMs: 10_000 }, () => 0.5);
      await Promise.all([node().run(), node().run(), api.deliverWebhooks()]);
      const ids = sentTo(endpoint).map((r) => r.headers['webhook-id']);
      assert.equal(ids.length, 6);
      assert.equal(new Set(ids).size, 6);
      assert.ok((await deliveries(endpoint)).every((d: JsonBody) => d.status === 'delivered' && d.attempts === 1));
      await unsubscribe(endpoint);
    });

    it('reports the outbox backlog to Prometheus', async () => {
      const endpoint = await subscribe(['ticket.created']);
      await createTicket(api, { title: 'Waiting' });
      const scrape = await api.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${api.admin}` } });
      assert.match(scrape.body, /^switchboard_webhook_backlog\{workspace="main"\} 1$/m);
      await unsubscribe(endpoint);
    });
  });
}

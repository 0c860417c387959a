import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BACKENDS } from './helpers/backends.js';
import { startTestApi, type TestApi } from './helpers/http.js';
import { assertError, createTicket, expectStatus, patchTicket } from './helpers/api-fixtures.js';

const BILLING = ['charged twice on my invoice', 'refund for the duplicate payment', 'my credit card was billed again', 'invoice shows the wrong amount',
  'the subscription fee was charged twice, refund please', 'payment failed but card was charged'];
const ACCESS = ['cannot log in to my account', 'password reset link does not work', 'account locked after sign in attempts', 'two factor code never arrives',
  'forgot my password and username', 'sign in page says session expired, reset my password'];
const SHIPPING = ['parcel arrived late', 'tracking number is wrong', 'courier lost my package'];

/** Creates a ticket with the given text and fields, resolves it, and returns its id. */
async function resolved(api: TestApi, title: string, body: Record<string, unknown>): Promise<string> {
  const ticket = await createTicket(api, { title, ...body });
  await patchTicket(api, ticket.id, { status: 'resolved' });
  return ticket.id;
}

for (const backend of BACKENDS) {
  describe(`triage over the API (${backend.name})`, () => {
    let api: TestApi;
    const accessIds: string[] = [];
    before(async () => {
      api = await startTestApi(backend);
    });
    after(async () => api.close());

    it('refuses to train without resolved tickets, and prefill suggests nothing yet', async () => {
      assertError(await api.call('POST', '/v1/triage/train', { body: {} }), 422, 'no_training_data');
      assert.deepEqual(expectStatus(await api.call('GET', '/v1/triage/models'), 200).data, []);
      const prefill = expectStatus(await api.call('POST', '/v1/tickets/prefill', { body: { text: 'charged twice' } }), 200);
      assert.deepEqual(prefill, { type: null, category: null, priority: null, tags: [], model_version: null });
    });

    it('refuses with too_few_classes while only one category has five resolved tickets', async () => {
      for (const title of BILLING) await resolved(api, title, { fields: { category: 'billing' }, priority: 'high', tags: ['money'] });
      for (const title of SHIPPING) await resolved(api, title, { fields: { category: 'shipping' } });
      const details = assertError(await api.call('POST', '/v1/triage/train'), 422, 'too_few_classes');
      assert.equal(details.classes, 1);
      assert.deepEqual(details.dropped, [{ label: 'shipping', examples: 3 }]);
      assert.deepEqual(expectStatus(await api.call('GET', '/v1/triage/models'), 200).data, []);
    });

    it('lets only admins and supervisors train', async () => {
      assertError(await api.call('POST', '/v1/triage/train', { token: await api.token('agent') }), 403, 'forbidden');
      assertError(await api.call('POST', '/v1/triage/train', { token: await api.token('viewer') }), 403, 'forbidden');
      assertError(await api.call('POST', '/v1/triage/train', { body: { epochs: 3 } }), 400, 'validation_failed');
    });

    it('trains both models, lists them, and fills ticket.ai at intake', async () => {
      const policy = { queues: [{ id: 'access', agents: 'true' }, { id: 'general', agents: 'true' }], rules: [], default: { queue: 'general' } };
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: policy }), 200);
      for (const title of ACCESS) accessIds.push(await resolved(api, title, { type: 'incident', queue: 'access', priority: 'normal' }));
      const trained = expectStatus(await api.call('POST', '/v1/triage/train', { token: await api.token('supervisor'), body: { seed: 7 } }), 200);
      assert.equal(trained.version, 1);
      assert.deepEqual(trained.models.map((m: { kind: string }) => m.kind), ['category', 'priority']);
      const category = trained.models[0];
      assert.deepEqual(category.classes, ['access', 'billing']);
      assert.equal(category.data_size, 12);
      assert.ok(category.held_out.accuracy >= 0 && category.held_out.thresholds.length === 20);
      assert.ok(trained.warnings.some((w: string) => w.includes('"shipping"')), trained.warnings.join('\n'));

      const listed = expectStatus(await api.call('GET', '/v1/triage/models', { token: await api.token('viewer') }), 200).data;
      assert.deepEqual(listed.map((m: { kind: string; version: number }) => `${m.kind}@${m.version}`), ['category@1', 'priority@1']);

      const ticket = await createTicket(api, { title: 'I was charged twice, please refund the invoice' });
      assert.equal(ticket.ai.label, 'billing');
      assert.equal(ticket.ai.priority, 'high');
      assert.equal(ticket.ai.model_version, 1);
      assert.ok(ticket.ai.confidence > 0.5 && ticket.ai.confidence <= 1, String(ticket.ai.confidence));
      const stored = expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}`), 200);
      assert.deepEqual(stored.ai, ticket.ai);

      // A policy can route on the prediction.
      const byAi = {
        queues: [{ id: 'access', agents: 'true' }, { id: 'billing', agents: 'true' }, { id: 'general', agents: 'true' }],
        rules: [{ name: 'sure billing', when: "ticket.ai.label == 'billing' && ticket.ai.confidence >= 0.5", targets: [{ queue: 'billing' }] }],
        default: { queue: 'general' },
      };
      expectStatus(await api.call('PUT', '/v1/routing/policy', { body: byAi }), 200);
      assert.equal((await createTicket(api, { title: 'refund the payment on my invoice' })).queue, 'billing');
      assert.equal((await createTicket(api, { title: 'my password reset link fails' })).queue, 'general');

      const again = expectStatus(await api.call('POST', '/v1/triage/train', { body: { seed: 7 } }), 200);
      assert.equal(again.version, 2);
      assert.equal((await createTicket(api, { title: 'password reset does not work' })).ai.model_version, 2);
    });

    it('prefills type, category, priority and tags with confidences', async () => {
      const prefill = expectStatus(await api.call('POST', '/v1/tickets/prefill', { body: { text: 'my card was charged twice for one invoice' } }), 200);
      assert.equal(prefill.category.value, 'billing');
      assert.equal(prefill.type.value, 'support');
      assert.equal(prefill.priority.value, 'high');
      assert.deepEqual(prefill.tags.map((t: { value: string }) => t.value), ['money']);
      assert.ok(prefill.category.confidence > 0.5);
      assert.equal(prefill.model_version, 2);
      const access = expectStatus(await api.call('POST', '/v1/tickets/prefill', { body: { text: 'Jag kan inte logga in, my password reset fails' } }), 200);
      assert.equal(access.category.value, 'access');
      assert.equal(access.type.value, 'incident');
    });

    it('keeps the models in use when a retraining is refused', async () => {
      for (const id of accessIds) await patchTicket(api, id, { status: 'queued' });
      assertError(await api.call('POST', '/v1/triage/train'), 422, 'too_few_classes');
      const listed = expectStatus(await api.call('GET', '/v1/triage/models'), 200).data;
      assert.deepEqual(listed.map((m: { version: number }) => m.version), [2, 2, 1, 1]);
      assert.equal((await createTicket(api, { title: 'refund please' })).ai.model_version, 2);
    });

    it('refuses prefill of blank or missing text', async () => {
      assertError(await api.call('POST', '/v1/tickets/prefill', { body: { text: '   ' } }), 422, 'invalid_value');
      assertError(await api.call('POST', '/v1/tickets/prefill', { body: {} }), 400, 'validation_failed');
      assertError(await api.call('POST', '/v1/tickets/prefill', { body: { text: '' } }), 400, 'validation_failed');
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OpenAiCompatibleModel } from '../src/adapters/ai/openai-compatible-model.js';
import { BACKENDS } from './helpers/backends.js';
import { chatReply, isClassification, offeredLabels, startFakeModel, type FakeModelServer, type FakeReply } from './helpers/fake-model-server.js';
import { startTestApi, type JsonBody, type TestApi } from './helpers/http.js';
import { assertError, createTicket, expectStatus, listAll, patchTicket } from './helpers/api-fixtures.js';

const BILLING = ['charged twice on my invoice', 'refund for the duplicate payment', 'my credit card was billed again', 'invoice shows the wrong amount',
  'the subscription fee was charged twice, refund please', 'payment failed but card was charged'];
const ACCESS = ['cannot log in to my account', 'password reset link does not work', 'account locked after sign in attempts', 'two factor code never arrives',
  'forgot my password and username', 'sign in page says session expired, reset my password'];

/** How the fake model behaves right now: answer like the API, or hang until the time-out. */
let mode: 'answer' | 'hang' = 'answer';

/** Picks the last label offered for categories (so its answer differs from a guess) and a made-up priority. */
function answer(request: Parameters<typeof offeredLabels>[0]): FakeReply {
  if (mode === 'hang') return 'hang';
  if (!isClassification(request)) return chatReply('Charged twice; wants the second payment back.');
  const labels = offeredLabels(request);
  const label = labels.includes('billing') ? labels.at(-1)! : 'somewhat urgent';
  return chatReply(JSON.stringify({ label, confidence: 0.77 }));
}

for (const backend of BACKENDS) {
  describe(`triage with an external model, refreshes and pruning (${backend.name})`, () => {
    let api: TestApi;
    let model: FakeModelServer;
    const train = async (seed: number) => expectStatus(await api.call('POST', '/v1/triage/train', { body: { seed } }), 200);
    before(async () => {
      model = await startFakeModel(answer);
      const external = new OpenAiCompatibleModel({ baseUrl: model.url, apiKey: 'sk-test', model: 'fake', timeoutMs: 300, concurrency: 2 });
      api = await startTestApi(backend, { triage: { external, keepVersions: 1 } });
      for (const [titles, category, priority] of [[BILLING, 'billing', 'high'], [ACCESS, 'access', 'normal']] as const) {
        for (const title of titles) {
          const ticket = await createTicket(api, { title, fields: { category }, priority });
          await patchTicket(api, ticket.id, { status: 'resolved' });
        }
      }
      await train(1);
    });
    after(async () => {
      await api.close();
      await model.close();
    });

    it('prefills with the external label when it is one of the classes, and falls back to local for one that is not', async () => {
      mode = 'answer';
      const prefill = expectStatus(await api.call('POST', '/v1/tickets/prefill', { body: { text: 'I was charged twice, refund me' } }), 200);
      assert.deepEqual(prefill.category, { value: 'billing', confidence: 0.77, source: 'external' });
      assert.equal(prefill.priority.source, 'local');
      assert.equal(prefill.priority.value, 'high');
    });

    it('summarises with the external model, and extractively when it hangs', async () => {
      const ticket = await createTicket(api, { title: 'Double charge', description: 'I paid the invoice twice. The bank shows two payments. Please send one back.' });
      mode = 'answer';
      const written = expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/summary?sentences=2`), 200);
      assert.equal(written.source, 'external');
      assert.equal(written.text, 'Charged twice; wants the second payment back.');
      assert.equal(written.sentences.length, 2);
      mode = 'hang';
      const local = expectStatus(await api.call('GET', `/v1/tickets/${ticket.id}/summary?sentences=2`), 200);
      assert.equal(local.source, 'local');
      assert.equal(local.text, local.sentences.map((s: JsonBody) => s.text).join(' '));
      const prefill = expectStatus(await api.call('POST', '/v1/tickets/prefill', { body: { text: 'I was charged twice, refund me' } }), 200);
      assert.equal(prefill.category.source, 'local');
      assert.equal(prefill.category.value, 'billing');
      mode = 'answer';
    });

    it('refreshes the stored prediction when the title or description changes, with an event, and only then', async () => {
      const ticket = await createTicket(api, { title: 'I was charged twice on my invoice, refund please' });
      assert.deepEqual([ticket.ai.label, ticket.ai.source], ['billing', 'local']);
      const edited = await patchTicket(api, ticket.id, { title: 'cannot log in, password reset link does not work', description: 'my account is locked' });
      assert.equal(edited.ai.label, 'access');
      assert.equal(edited.ai.model_version, 1);
      await patchTicket(api, ticket.id, { priority: 'low' });
      const events = await listAll(api, `/v1/tickets/${ticket.id}/events`);
      const refreshed = events.filter((e: JsonBody) => e.type === 'ticket.ai_refreshed');
      assert.equal(refreshed.length, 1, JSON.stringify(events.map((e: JsonBody) => e.type)));
      assert.equal(refreshed[0].before.ai.label, 'billing');
      assert.equal(refreshed[0].after.ai.label, 'access');
      assert.deepEqual(refreshed[0].data, { reason: 'text_changed', source: 'local' });
    });

    it('finds open near-duplicates of a ticket on demand', async () => {
      const customer = { id: 'cus-7', name: 'Ana' };
      const first = await createTicket(api, { title: 'Printer on floor 3 is jammed again', customer });
      const second = await createTicket(api, { title: 'The printer on floor 3 is jammed again!', customer });
      const found = expectStatus(await api.call('GET', `/v1/tickets/${second.id}/duplicates`), 200);
      assert.equal(found.ticket_id, second.id);
      assert.deepEqual(found.data.map((d: JsonBody) => [d.ticket_id, d.linked]), [[first.id, true]]);
      assert.ok(found.data[0].score >= 0.45 && found.data[0].score <= 1);
      assertError(await api.call('GET', '/v1/tickets/tkt_missing/duplicates'), 404, 'ticket_not_found');
      assertError(await api.call('GET', `/v1/tickets/${second.id}/duplicates?limit=0`), 400, 'validation_failed');
    });

    it('keeps the model in use and the configured number of older versions after training', async () => {
      await train(2);
      const third = await train(3);
      assert.equal(third.version, 3);
      assert.equal(third.pruned, 2);
      const models = expectStatus(await api.call('GET', '/v1/triage/models'), 200).data;
      assert.deepEqual(models.map((m: JsonBody) => `${m.kind}@${m.version}`), ['category@3', 'priority@3', 'category@2', 'priority@2']);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OpenAiCompatibleModel } from '../src/adapters/ai/openai-compatible-model.js';
import { acceptedLabel } from '../src/domain/triage/external-model.js';
import { chatReply, offeredLabels, startFakeModel, type FakeModelServer, type FakeReply } from './helpers/fake-model-server.js';

const KEY = 'sk-test-secret-key-0123456789';

function modelAt(server: FakeModelServer, failures: string[], timeoutMs = 2000, concurrency = 2) {
  return new OpenAiCompatibleModel({
    baseUrl: `${server.url}/`, apiKey: KEY, model: 'fake-model', timeoutMs, concurrency,
    onFailure: (task, reason) => failures.push(`${task}: ${reason}`),
  });
}

const classify = (model: OpenAiCompatibleModel) => model.classify({ kind: 'category', text: 'I was charged twice', classes: ['billing', 'access'] });

describe('the OpenAI-compatible external model, over real HTTP on loopback', { concurrency: true }, () => {
  let good: FakeModelServer;
  let hanging: FakeModelServer;
  let garbage: FakeModelServer;
  const garbageReplies: FakeReply[] = [
    { status: 200, body: 'this is not json' },
    { status: 200, body: '{"choices": []}' },
    chatReply('I think it is about money.'),
    { status: 500, body: '{"error": {"message": "overloaded"}}' },
  ];
  before(async () => {
    good = await startFakeModel((request) => {
      if (request.body.messages[0]!.content.includes('classify')) return chatReply(`\`\`\`json\n{"label": "${offeredLabels(request)[0]}", "confidence": 0.83}\n\`\`\``);
      return chatReply('  The customer was charged twice and wants a refund.  ');
    });
    hanging = await startFakeModel(() => 'hang');
    let next = 0;
    garbage = await startFakeModel(() => garbageReplies[next++ % garbageReplies.length]!);
  });
  after(async () => Promise.all([good, hanging, garbage].map((s) => s.close())));

  it('asks {base}/chat/completions with the bearer key and model, and reads the label and the summary', async () => {
    const failures: string[] = [];
    const model = modelAt(good, failures);
    assert.deepEqual(await classify(model), { label: 'billing', confidence: 0.83 });
    assert.equal(await model.summarize('Charged twice. Please refund.', 2), 'The customer was charged twice and wants a refund.');
    assert.deepEqual(failures, []);
    const [first] = good.requests;
    assert.equal(first!.authorization, `Bearer ${KEY}`);
    assert.equal(first!.body.model, 'fake-model');
    assert.deepEqual(offeredLabels(first!), ['billing', 'access']);
  });

  it('answers null after the time-out when the server never replies, and says why without the key', async () => {
    const failures: string[] = [];
    const model = modelAt(hanging, failures, 300, 1);
    // With one slot, the second call times out while waiting for it.
    assert.deepEqual(await Promise.all([classify(model), model.summarize('text', 1)]), [null, null]);
    assert.equal(failures.length, 2);
    for (const failure of failures) assert.match(failure, /no answer within 300 ms/);
    // Only the first call may have reached the server (on a busy machine its time may run out even before that).
    assert.ok(hanging.requests.length <= 1, 'the waiting call never reached the server');
    assert.ok(failures.every((f) => !f.includes(KEY)));
  });

  it('answers null for a reply that is not JSON, has no choices, holds no label object, or is an HTTP error', async () => {
    const failures: string[] = [];
    const model = modelAt(garbage, failures);
    for (let i = 0; i < garbageReplies.length; i++) assert.equal(await classify(model), null);
    assert.deepEqual(failures.map((f) => f.replace(/^classify: /, '')), [
      'the reply is not JSON',
      'the reply has no choices[0].message.content',
      'the reply is not a {"label", "confidence"} object',
      'HTTP 500 from the model endpoint',
    ]);
  });

  it('answers null when nothing listens at the address', async () => {
    const closed = await startFakeModel(() => 'hang');
    await closed.close();
    const failures: string[] = [];
    assert.equal(await classify(modelAt(closed, failures)), null);
    assert.equal(failures.length, 1);
  });

  it('accepts only a label among the classes with a confidence in 0…1', () => {
    const classes = ['billing', 'access'];
    assert.deepEqual(acceptedLabel({ label: 'billing', confidence: 0.5 }, classes), { label: 'billing', confidence: 0.5 });
    assert.equal(acceptedLabel({ label: 'shipping', confidence: 0.9 }, classes), null);
    assert.equal(acceptedLabel({ label: 'billing', confidence: 1.5 }, classes), null);
    assert.equal(acceptedLabel({ label: 'billing', confidence: Number.NaN }, classes), null);
    assert.equal(acceptedLabel(null, classes), null);
  });
});

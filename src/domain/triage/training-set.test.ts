import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import { leanTowards, prefillSuggestion } from './prefill.js';
import { categoryTrainingSet, priorityLabel, trainingSet, type TrainingTicket } from './training-set.js';
import { labelAssociations } from './triage-model.js';

const ticket = (over: Partial<TrainingTicket>): TrainingTicket =>
  ({ type: 'support', title: 'text', description: '', category: null, queue: null, priority: 'normal', tags: [], finishedAt: 0, ...over });
const many = (n: number, over: Partial<TrainingTicket>) => Array.from({ length: n }, () => ticket(over));

describe('training sets', () => {
  it('labels by fields.category, else the final queue, and leaves out classes under five examples', () => {
    const set = trainingSet([...many(5, { category: 'billing' }), ...many(5, { queue: 'access' }), ...many(4, { category: 'rare' }), ticket({})],
      (t) => t.category ?? t.queue);
    assert.deepEqual([...new Set(set.examples.map((e) => e.label))], ['billing', 'access']);
    assert.deepEqual(set.dropped, [{ label: 'rare', examples: 4 }]);
    assert.equal(set.unlabelled, 1);
    assert.equal(set.tickets.length, 10);
  });

  it('refuses with no_training_data without tickets and too_few_classes with one usable class', () => {
    assert.throws(() => categoryTrainingSet([]), (e: unknown) => e instanceof DomainError && e.code === 'no_training_data');
    assert.throws(() => categoryTrainingSet([...many(9, { category: 'a' }), ...many(2, { category: 'b' })]),
      (e: unknown) => e instanceof DomainError && e.code === 'too_few_classes' && (e.details as { classes: number }).classes === 1);
    assert.equal(trainingSet(many(6, { priority: 'high' }), priorityLabel).examples.length, 6);
  });

  it('joins title and description as the text', () => {
    const set = categoryTrainingSet([...many(5, { category: 'a', title: 'T', description: 'D' }), ...many(5, { category: 'b' })]);
    assert.equal(set.examples[0]!.text, 'T\nD');
  });
});

describe('prefill', () => {
  const tickets = [
    ...many(3, { type: 'incident', tags: ['outage'] }), ticket({ type: 'support', tags: ['outage', 'vip'] }),
    ...many(4, { type: 'support', tags: ['money'] }),
  ];
  const labels = ['down', 'down', 'down', 'down', 'billing', 'billing', 'billing', 'billing'];
  const { types, tags } = labelAssociations(tickets, labels);

  it('keeps type shares and tags on at least a fifth of a label', () => {
    assert.deepEqual(types.down, { incident: 0.75, support: 0.25 });
    assert.deepEqual(tags.down, { outage: 1, vip: 0.25 });
    assert.deepEqual(tags.billing, { money: 1 });
  });

  it('reads type and tags through the category probabilities', () => {
    const s = prefillSuggestion({ labels: ['billing', 'down'], probabilities: [0.2, 0.8], types, tags, modelVersion: 3, source: 'local' }, { value: 'high', confidence: 0.7, source: 'local' });
    assert.deepEqual(s.category, { value: 'down', confidence: 0.8, source: 'local' });
    assert.equal(s.type!.value, 'incident');
    assert.ok(Math.abs(s.type!.confidence - 0.6) < 1e-9);
    assert.deepEqual(s.tags.map((t) => t.value), ['outage']);
    assert.deepEqual(s.priority, { value: 'high', confidence: 0.7, source: 'local' });
    assert.equal(s.modelVersion, 3);
  });

  it('keeps the category another model picked, and reads type and tags through the leaned probabilities', () => {
    const probabilities = leanTowards([0.2, 0.8], 0, 0.6);
    assert.deepEqual(Array.from(probabilities).map((p) => Math.round(p * 1e9) / 1e9), [0.6, 0.4]);
    const s = prefillSuggestion({ labels: ['billing', 'down'], probabilities, types, tags, modelVersion: 3, source: 'external', picked: 0 }, null);
    assert.deepEqual(s.category, { value: 'billing', confidence: 0.6, source: 'external' });
    assert.equal(s.type!.source, 'external');
    assert.deepEqual(s.tags.map((t) => t.value), ['money']);
  });

  it('a picked label keeps the confidence it was given even where the local model disagreed more', () => {
    const leaned = leanTowards([0.1, 0.3, 0.6], 0, 0.3);
    assert.ok(Math.abs(leaned[0]! - 0.3) < 1e-12);
    assert.ok(Math.abs(leaned.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    const s = prefillSuggestion({ labels: ['billing', 'down', 'other'], probabilities: leaned, types, tags, modelVersion: 1, source: 'external', picked: 0 }, null);
    assert.equal(s.category!.value, 'billing');
  });

  it('suggests nothing without a model', () => {
    assert.deepEqual(prefillSuggestion(null, null), { type: null, category: null, priority: null, tags: [], modelVersion: null });
  });
});

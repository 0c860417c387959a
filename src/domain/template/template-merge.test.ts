import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PolicyDocument } from '../routing/policy.js';
import { canonical, diffByKey, mergeEscalation, mergePolicy } from './template-merge.js';

const WORKSPACE: PolicyDocument = {
  queues: [{ id: 'general', agents: 'true' }, { id: 'billing', agents: "has_skill(agent, 'billing', 3)" }],
  rules: [{ name: 'billing', when: "'billing' in ticket.tags", targets: [{ queue: 'billing' }] }, { name: 'catch-all', when: 'true', targets: [{ queue: 'general' }] }],
  default: { queue: 'general' },
  aging_minutes: 30,
};
const TEMPLATE: PolicyDocument = {
  queues: [{ id: 'billing', agents: "has_skill(agent, 'billing', 5)" }, { id: 'vip', agents: 'agent.level >= 2' }],
  rules: [{ name: 'vip', when: "ticket.customer.tier == 'vip'", targets: [{ queue: 'vip' }] }, { name: 'billing', when: "ticket.type == 'billing'", targets: [{ queue: 'billing' }] }],
  default: { queue: 'vip' },
};

describe('template merging and diffs', () => {
  it('compares settings whatever the order of their keys, and ignores members left undefined', () => {
    assert.equal(canonical({ b: 1, a: { d: [1, 2], c: undefined } }), canonical({ a: { d: [1, 2] }, b: 1 }));
    assert.notEqual(canonical({ a: [1, 2] }), canonical({ a: [2, 1] }));
  });

  it('marks items added, changed, unchanged and kept, or removed when replacing', () => {
    const keyOf = (x: { name: string }) => x.name;
    const diff = diffByKey([{ name: 'a', v: 1 }, { name: 'b', v: 2 }, { name: 'c', v: 3 }], [{ name: 'b', v: 2 }, { name: 'c', v: 0 }, { name: 'd', v: 4 }], keyOf, false);
    assert.deepEqual(diff.map((i) => [i.key, i.status]), [['a', 'added'], ['b', 'unchanged'], ['c', 'changed'], ['d', 'kept']]);
    assert.deepEqual(diff.find((i) => i.key === 'c')!.before, { name: 'c', v: 0 });
    const replacing = diffByKey([{ name: 'a', v: 1 }], [{ name: 'd', v: 4 }], keyOf, true);
    assert.deepEqual(replacing.map((i) => [i.key, i.status, i.after]), [['a', 'added', { name: 'a', v: 1 }], ['d', 'removed', null]]);
  });

  it("puts the template's rules first, replaces queues and rules by name, and keeps the workspace's others", () => {
    const merged = mergePolicy(WORKSPACE, TEMPLATE, false);
    assert.deepEqual(merged.queues.map((q) => [q.id, q.agents]), [['billing', "has_skill(agent, 'billing', 5)"], ['vip', 'agent.level >= 2'], ['general', 'true']]);
    assert.deepEqual(merged.rules.map((r) => r.name), ['vip', 'billing', 'catch-all']);
    assert.deepEqual([merged.default, merged.aging_minutes], [{ queue: 'vip' }, 30]);
    assert.deepEqual(mergePolicy(WORKSPACE, TEMPLATE, true), TEMPLATE);
    assert.equal(canonical(mergePolicy(merged, TEMPLATE, false)), canonical(merged), 'merging again changes nothing');
  });

  it('merges escalation levels by number and triggers by name, adding category risks', () => {
    const current = { levels: [{ level: 1, queue: 'general', owner: { role: 'supervisor' as const } }, { level: 3, queue: 'general', owner: { agent: 'agt_1' } }],
      categories: { refunds: 'strict' as const }, triggers: [{ name: 'late', preset: 'sla_breached' as const }] };
    const template = { levels: [{ level: 1, queue: 'vip', owner: { agent: 'agt_2' } }], categories: { legal: 'mandatory_review' as const }, triggers: [{ name: 'angry', preset: 'negative_sentiment' as const, level: 2 }] };
    const merged = mergeEscalation(current, template, false);
    assert.deepEqual(merged.levels.map((l) => [l.level, l.queue]), [[1, 'vip'], [3, 'general']]);
    assert.deepEqual(merged.triggers.map((t) => t.name), ['angry', 'late']);
    assert.deepEqual(merged.categories, { refunds: 'strict', legal: 'mandatory_review' });
  });
});

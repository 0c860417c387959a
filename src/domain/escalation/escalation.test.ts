import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConfigReferences } from '../automation/config-errors.js';
import { createTicket } from '../ticket/ticket-changes.js';
import type { Ticket } from '../ticket/ticket.js';
import { runBusinessChecks } from './business-checks.js';
import { conditionEnv, type ConditionEvent } from './condition-scope.js';
import { compileEscalation, DEFAULT_ESCALATION } from './escalation-compiler.js';
import type { CompiledEscalation, EscalationDocument } from './escalation-config.js';
import { categoryOf, escalationTarget, firstFiringTrigger, riskFor } from './escalation.js';

const NOW = Date.UTC(2026, 2, 2, 9);
const REFS: ConfigReferences = { queues: new Set(['tier1', 'tier2']), agents: new Set(['agt_owner']), cannedResponses: new Set(), webhooks: new Set() };

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return { ...createTicket({ title: 'Card charged twice', description: 'I was charged twice for my order' }, 'tkt_1', 'ws_1', NOW), ...overrides };
}

function compiled(document: EscalationDocument): CompiledEscalation {
  const result = compileEscalation(document, REFS);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  return result.escalation;
}

function env(escalation: CompiledEscalation, t: Ticket, event: ConditionEvent = { type: 'ticket.created', data: {} }, handoff = null as null | { mode: 'reactive' | 'proactive'; confidence: number; reason: null }) {
  const category = categoryOf(t);
  return conditionEnv({ ticket: t, event, risk: riskFor(escalation, category), checks: runBusinessChecks(t, category, escalation.checks), handoff, now: NOW });
}

describe('escalation config', () => {
  it('expands presets into readable conditions and compiles them', () => {
    const escalation = compiled({ levels: [{ level: 1, queue: 'tier1', owner: { agent: 'agt_owner' } }], triggers: [{ name: 'stuck', preset: 'rerouted', params: { more_than: 2 } }] });
    assert.equal(escalation.triggers[0]!.source, 'ticket.reroutes > 2');
    assert.equal(escalation.triggers[0]!.scheduled, true);
    assert.equal(escalation.levels.get(1)!.queue, 'tier1');
  });

  it('reports every mistake with its path', () => {
    const result = compileEscalation({
      levels: [{ level: 1, queue: 'nowhere', owner: { agent: 'agt_ghost' } }],
      triggers: [{ name: 'x', when: 'ticket.priority == 3' }, { name: 'x', preset: 'keywords', params: { words: [] } }, { name: 'y', level: 4, when: 'true' }],
    }, REFS);
    assert.ok(!result.ok);
    assert.deepEqual(result.errors.map((e) => e.path).sort(), [
      '/levels/0/owner/agent', '/levels/0/queue', '/triggers/0/when', '/triggers/1/name', '/triggers/1/params/words', '/triggers/2/level',
    ]);
  });

  it('sets the bar by the category\'s risk: strict for billing, a person always for legal', () => {
    assert.deepEqual(riskFor(DEFAULT_ESCALATION, 'billing'), { category: 'billing', level: 'strict', threshold: 0.85, mandatory_review: false });
    assert.equal(riskFor(DEFAULT_ESCALATION, 'legal').mandatory_review, true);
    assert.equal(riskFor(DEFAULT_ESCALATION, 'shipping').threshold, 0.6);
    assert.equal(categoryOf(ticket({ fields: { category: 'billing' } })), 'billing');
    assert.equal(categoryOf(ticket()), 'support');
  });
});

describe('escalation triggers', () => {
  const escalation = compiled({
    levels: [],
    categories: { support: 'strict' },
    checks: { required_fields: { support: ['order_id'] }, formats: { email_field: 'email' } },
    triggers: [
      { name: 'ai', preset: 'ai_confidence', level: 2 },
      { name: 'human', preset: 'asks_for_human' },
      { name: 'rules', preset: 'business_rules' },
      { name: 'breach', preset: 'sla_breached', level: 3 },
    ],
  });

  it('fires the first trigger above the ticket\'s level that was not fired before', () => {
    const t = ticket({ fields: { order_id: '1' } });
    const handoff = { mode: 'proactive' as const, confidence: 0.5, reason: null };
    assert.equal(firstFiringTrigger(t, escalation.triggers, env(escalation, t, undefined, handoff), new Set()).fired?.name, 'ai');
    assert.equal(firstFiringTrigger(t, escalation.triggers, env(escalation, t, undefined, handoff), new Set(['ai'])).fired, null);
    const atTwo = { ...t, escalation: { level: 2, reason: null } };
    assert.equal(firstFiringTrigger(atTwo, escalation.triggers, env(escalation, atTwo, undefined, handoff), new Set()).fired, null);
  });

  it('reads reactive hand-offs, business checks and SLA events', () => {
    const t = ticket({ fields: { order_id: '1' } });
    const reactive = { mode: 'reactive' as const, confidence: 0.99, reason: null };
    assert.equal(firstFiringTrigger(t, escalation.triggers, env(escalation, t, undefined, reactive), new Set()).fired?.name, 'human');
    const missing = ticket({ fields: { email_field: 'not an address' } });
    const checks = runBusinessChecks(missing, 'support', escalation.checks);
    assert.deepEqual([checks.missing_fields, checks.format_errors], [['order_id'], ['email_field']]);
    assert.equal(firstFiringTrigger(missing, escalation.triggers, env(escalation, missing), new Set()).fired?.name, 'rules');
    const breached = env(escalation, t, { type: 'sla.breached', data: { metric: 'first_response' } });
    assert.equal(firstFiringTrigger(t, escalation.triggers, breached, new Set()).fired?.name, 'breach');
    assert.deepEqual(breached.sla, { warning: true, breached: true, metric: 'first_response' });
  });

  it('refuses manual moves that are not a step up', () => {
    assert.equal(escalationTarget(ticket(), undefined), 1);
    assert.throws(() => escalationTarget(ticket({ escalation: { level: 3, reason: null } }), undefined), /levels go up to 3/);
    assert.throws(() => escalationTarget(ticket({ escalation: { level: 2, reason: null } }), 1), /de-escalate/);
    assert.throws(() => escalationTarget(ticket({ status: 'closed' }), 1), /reopen/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DomainEvent } from '../shared/event.js';
import { createTicket } from '../ticket/ticket-changes.js';
import { compileAutomation } from './automation-compiler.js';
import type { AutomationDocument } from './automation.js';
import type { ConfigReferences } from './config-errors.js';
import { automationEventsOf, leadingEvent } from './event-kinds.js';
import { checkTemplate, renderTemplate, ticketTemplateValues } from './template.js';

const REFS: ConfigReferences = { queues: new Set(['billing']), agents: new Set(['agt_pm']), cannedResponses: new Set(['cnr_thanks']), webhooks: new Set(['whk_hook']) };

function event(type: string, before: DomainEvent['before'] = null, after: DomainEvent['after'] = null, actorId: string | null = null): DomainEvent {
  return { id: 1, workspaceId: 'ws', entityKind: 'ticket', entityId: 't', ticketId: 't', type, actor: { kind: actorId ? 'rule' : 'api', id: actorId, name: null }, at: 0, before, after, data: null };
}

describe('automation compiler', () => {
  it('compiles a valid rule', () => {
    const result = compileAutomation('aut_1', {
      name: 'lead PM', events: ['ticket.created'], when: 'ticket.priority == "high"',
      actions: [{ kind: 'assign_agent', agent: 'agt_pm' }, { kind: 'reply', canned_response: 'cnr_thanks' }, { kind: 'set', field: 'fields.team', value: 'pm' }],
    }, REFS);
    assert.ok(result.ok);
    assert.deepEqual([...result.automation.events!], ['ticket.created']);
  });

  it('names the path of every missing queue, agent, field, canned response and bad condition', () => {
    const document: AutomationDocument = {
      name: 'broken', events: ['ticket.updated'], when: 'ticket.prority == "high"',
      actions: [
        { kind: 'assign_queue', queue: 'nowhere' }, { kind: 'set', field: 'colour', value: 'red' }, { kind: 'set', field: 'priority', value: 'panic' },
        { kind: 'note', canned_response: 'cnr_gone' }, { kind: 'add_watcher', agent: 'agt_ghost' }, { kind: 'notify_webhook', webhook: 'whk_gone' },
        { kind: 'create_follow_up', title: 'Check {{ticket.titel}}' },
      ],
    };
    const result = compileAutomation('aut_1', document, REFS);
    assert.ok(!result.ok);
    assert.deepEqual(result.errors.map((e) => e.path), [
      '/when', '/actions/0/queue', '/actions/1/field', '/actions/2/value', '/actions/3/canned_response', '/actions/4/agent', '/actions/5/webhook', '/actions/6/title',
    ]);
    assert.deepEqual(result.errors[0]!.position, { offset: 7, line: 1, column: 8, length: 7 });
  });

  it('wants a webhook endpoint that exists', () => {
    const notify = (webhook: string) => compileAutomation('a', { name: 'x', events: ['ticket.created'], actions: [{ kind: 'notify_webhook', webhook }] }, REFS);
    assert.ok(notify('whk_hook').ok);
    const missing = notify('whk_other');
    assert.ok(!missing.ok && missing.errors[0]!.path === '/actions/0/webhook');
  });

  it('wants either events or a schedule of at least a minute', () => {
    const both = compileAutomation('a', { name: 'x', events: ['ticket.created'], schedule: { every: '15m' }, actions: [{ kind: 'add_tags', tags: ['x'] }] }, REFS);
    assert.ok(!both.ok && both.errors[0]!.path === '');
    const fast = compileAutomation('a', { name: 'x', schedule: { every: '5s', idle_for: 'soon' }, actions: [{ kind: 'add_tags', tags: ['x'] }] }, REFS);
    assert.ok(!fast.ok);
    assert.deepEqual(fast.errors.map((e) => e.path), ['/schedule/every', '/schedule/idle_for']);
  });
});

describe('canned response templates', () => {
  it('refuses unknown variables and stray braces, with their offsets', () => {
    assert.deepEqual(checkTemplate('Hi {{customer.name}}, about {{ticket.fields.order_id}}'), []);
    assert.deepEqual(checkTemplate('Hi {{customer.nmae}} {{').map((e) => e.offset), [3, 21]);
  });

  it('fills variables once, as plain text', () => {
    const ticket = { ...createTicket({ title: '{{ticket.id}} <b>help</b>\u0007', customer: { name: 'Ada' } }, 'tkt_9', 'ws', 0) };
    const text = renderTemplate('Re: {{ticket.title}} for {{ customer.name }} ({{ticket.fields.missing}})', ticketTemplateValues(ticket, null));
    assert.equal(text, 'Re: { {ticket.id} } <b>help</b> for Ada ()');
  });
});

describe('automation events', () => {
  it('reads status changes and assignments from any entry', () => {
    const kinds = automationEventsOf([
      event('ticket.updated', { status: 'queued' }, { status: 'in_progress' }),
      event('ticket.routed', { status: 'queued', assigneeId: null }, { status: 'assigned', assigneeId: 'agt_1' }),
      event('ticket.queued'),
    ]).map((k) => k.kind);
    assert.deepEqual(kinds, ['ticket.updated', 'ticket.status_changed', 'ticket.status_changed', 'ticket.assigned']);
  });

  it('leads with an SLA breach', () => {
    const kinded = automationEventsOf([event('ticket.updated'), event('sla.breached'), event('sla.warning')]);
    assert.equal(leadingEvent(kinded)!.kind, 'sla.breached');
  });
});

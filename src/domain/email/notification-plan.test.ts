import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from '../shared/actor.js';
import type { DomainEvent } from '../shared/event.js';
import { createTicket } from '../ticket/ticket-changes.js';
import { agentLocale, mayNotify, notificationsFor, requesterLocale } from './notification-plan.js';

const ticket = createTicket({ title: 'Printer', customer: { email: 'aino@example.fi' }, language: 'fi' }, 'tkt_1', 'wsp_1', 0);
const AGENT: Actor = { kind: 'agent', id: 'agt_1', name: 'Sanna' };
const API: Actor = { kind: 'api', id: 'tok_1', name: 'intake' };

function event(type: string, actor: Actor, parts: Partial<DomainEvent> = {}): DomainEvent {
  return { id: 1, workspaceId: 'wsp_1', entityKind: 'ticket', entityId: 'tkt_1', ticketId: 'tkt_1', type, actor, at: 0, before: null, after: null, data: null, ...parts };
}

const kinds = (e: DomainEvent, t = ticket) => notificationsFor(e, t).map((i) => `${i.kind}:${i.recipient.kind === 'agent' ? i.recipient.agentId : i.recipient.kind}`);

describe('which events notify whom', () => {
  it('acknowledges a new ticket, but mail that opened one only once it is taken in', () => {
    assert.deepEqual(kinds(event('ticket.created', API)), ['received:requester']);
    const byMail = { ...ticket, channel: 'email' as const };
    const customer: Actor = { kind: 'customer', id: 'aino@example.fi', name: null };
    assert.deepEqual(kinds(event('ticket.created', customer), byMail), []);
    const [received] = notificationsFor(event('email.received', customer, { data: { outcome: 'created', message_id: 'm1@example.fi' } }), byMail);
    assert.equal(received?.rootMessageId, 'm1@example.fi');
  });

  it('mails public team replies and told status moves, never the requester\'s own', () => {
    assert.deepEqual(kinds(event('comment.added', AGENT, { data: { visibility: 'public', comment_id: 'cmt_1' } })), ['replied:requester']);
    assert.deepEqual(kinds(event('comment.added', AGENT, { data: { visibility: 'internal', comment_id: 'cmt_1' } })), []);
    const customer: Actor = { kind: 'customer', id: 'aino@example.fi', name: null };
    assert.deepEqual(kinds(event('comment.added', customer, { data: { visibility: 'public', comment_id: 'cmt_1' }, before: { status: 'pending' }, after: { status: 'in_progress' } })), []);
    assert.deepEqual(kinds(event('ticket.updated', AGENT, { before: { status: 'assigned' }, after: { status: 'pending' } })), ['status_changed:requester']);
    assert.deepEqual(kinds(event('ticket.updated', AGENT, { before: { status: 'in_progress' }, after: { status: 'resolved' } })), ['resolved:requester']);
    assert.deepEqual(kinds(event('ticket.updated', AGENT, { before: { status: 'new' }, after: { status: 'queued' } })), []);
  });

  it('tells agents of assignments, offers, escalations and SLA warnings, but not of their own doing', () => {
    assert.deepEqual(kinds(event('ticket.routed', API, { before: { assigneeId: null }, after: { assigneeId: 'agt_2' } })), ['assigned:agt_2']);
    assert.deepEqual(kinds(event('offer.accepted', AGENT, { before: { assigneeId: null }, after: { assigneeId: 'agt_1' } })), []);
    assert.deepEqual(kinds(event('ticket.offered', API, { data: { agent: 'agt_3' } })), ['offered:agt_3']);
    const escalated = event('ticket.escalated', AGENT, { data: { owner: { agent: 'agt_4' }, informed: [{ role: 'supervisor' }, { agent: 'agt_1' }] } });
    assert.deepEqual(kinds(escalated), ['escalated:agt_4', 'escalated:party']);
    assert.deepEqual(kinds(event('sla.warning', API), { ...ticket, assigneeId: 'agt_5' }), ['sla_warning:agt_5']);
    assert.deepEqual(kinds(event('sla.warning', API)), ['sla_warning:queue_owner']);
  });

  it('passes over events that cannot notify without reading the ticket', () => {
    assert.equal(mayNotify(event('ticket.linked', AGENT)), false);
    assert.equal(mayNotify(event('ticket.dispatched', API, { before: { assigneeId: null }, after: { assigneeId: 'agt_2' } })), true);
    assert.equal(mayNotify(event('ticket.queued', API, { before: { status: 'new' }, after: { status: 'queued' } })), true);
    assert.equal(mayNotify({ ...event('agent.created', AGENT), ticketId: null }), false);
  });

  it('speaks the requester\'s choice, else the ticket\'s language; agents their first supported one', () => {
    assert.equal(requesterLocale(ticket), 'fi');
    assert.equal(requesterLocale({ ...ticket, fields: { locale: 'sv' } }), 'sv');
    assert.equal(requesterLocale({ ...ticket, language: 'de' }), 'en');
    assert.equal(agentLocale(['de', 'zh-Hans']), 'zh');
    assert.equal(agentLocale([]), 'en');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foreignDraft, historicalComment, historicalTicket, isHistorical, type ForeignTicket } from './foreign-ticket.js';

const at = (iso: string) => Date.parse(iso);

const SOLVED: ForeignTicket = {
  source: 'zendesk', externalId: '101', title: 'Charged twice', description: 'Two charges this month', status: 'resolved',
  priority: 'high', type: 'support', channel: 'email', tags: ['Billing'], fields: { category: 'billing' },
  requester: { name: 'Anna', email: 'Anna@Example.com', organization: 'Lind AB' }, group: 'billing', assigneeEmail: 'sari@example.com',
  createdAt: at('2026-10-01T08:00:00Z'), updatedAt: at('2026-10-01T15:00:00Z'), solvedAt: at('2026-10-01T14:00:00Z'), closedAt: null,
  comments: [
    { externalId: '2', author: { kind: 'agent', name: 'Sari', email: 'sari@example.com' }, body: 'note', visibility: 'internal', createdAt: at('2026-10-01T09:00:00Z') },
    { externalId: '3', author: { kind: 'agent', name: 'Sari', email: 'sari@example.com' }, body: 'fixed', visibility: 'public', createdAt: at('2026-10-01T09:30:00Z') },
  ],
  csat: null,
};

describe('foreign tickets', () => {
  it('keeps a finished ticket as it ended: status, times, first public agent answer, group as queue', () => {
    const ticket = historicalTicket(SOLVED, 'tkt_1', 'wks_1', 'agt_1');
    assert.deepEqual([ticket.status, ticket.assigneeId, ticket.queue], ['resolved', 'agt_1', 'billing']);
    assert.deepEqual([ticket.createdAt, ticket.updatedAt, ticket.resolvedAt, ticket.closedAt],
      [SOLVED.createdAt, SOLVED.updatedAt, SOLVED.solvedAt, null]);
    assert.equal(ticket.firstResponseAt, at('2026-10-01T09:30:00Z'), 'the internal note is no response');
    assert.deepEqual([ticket.routing, ticket.sla, ticket.ai], [null, null, null]);
    assert.deepEqual(ticket.tags, ['billing']);
    assert.equal(ticket.customer?.email, 'anna@example.com');
  });

  it('closes a closed ticket at its closing time, or at its solving time when the export has none', () => {
    const closed = historicalTicket({ ...SOLVED, status: 'closed', closedAt: at('2026-10-04T00:00:00Z') }, 'tkt_2', 'wks_1', null);
    assert.equal(closed.closedAt, at('2026-10-04T00:00:00Z'));
    const unstamped = historicalTicket({ ...SOLVED, status: 'closed', closedAt: null }, 'tkt_3', 'wks_1', null);
    assert.equal(unstamped.closedAt, SOLVED.solvedAt);
  });

  it('gives open work a draft for intake with the matched assignee, and tells finished from open', () => {
    const open = { ...SOLVED, status: 'queued' as const };
    assert.equal(isHistorical(SOLVED), true);
    assert.equal(isHistorical(open), false);
    const draft = foreignDraft(open, 'agt_1');
    assert.deepEqual([draft.title, draft.priority, draft.assigneeId, draft.channel], ['Charged twice', 'high', 'agt_1', 'email']);
    assert.equal('assigneeId' in foreignDraft(open, null), false);
  });

  it('stores a comment with its author and time; a customer has no agent id', () => {
    const customer = { ...SOLVED.comments[1]!, author: { kind: 'customer' as const, name: null, email: 'anna@example.com' } };
    const stored = historicalComment(customer, 'cmt_1', { id: 'tkt_1', workspaceId: 'wks_1' }, 'agt_9');
    assert.deepEqual([stored.authorKind, stored.authorId, stored.authorName, stored.createdAt], ['customer', null, 'anna@example.com', customer.createdAt]);
  });
});

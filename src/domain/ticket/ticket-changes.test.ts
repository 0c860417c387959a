import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import type { TicketStatus } from './status.js';
import { applyTicketPatch, createTicket, diffTickets } from './ticket-changes.js';
import type { Ticket, TicketDraft, TicketPatch } from './ticket.js';

const CREATED = 1_700_000_000_000;
const LATER = CREATED + 60_000;

function ticket(draft: Partial<TicketDraft> = {}): Ticket {
  return createTicket({ title: 'Printer on fire', ...draft }, 'tkt_1', 'ws_1', CREATED);
}

/** A ticket held by agent `agt_a` in the given status, as the store would hold it. */
function held(status: TicketStatus): Ticket {
  return { ...ticket({ assigneeId: 'agt_a' }), status };
}

function patched(before: Ticket, patch: TicketPatch) {
  return applyTicketPatch(before, patch, LATER);
}

function assertRefused(work: () => unknown, code: string, path?: string): void {
  assert.throws(work, (error: unknown) => {
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, code);
    if (path !== undefined) assert.deepEqual(error.details, { path });
    return true;
  });
}

describe('createTicket', () => {
  it('queues a new ticket at version 1, with defaults and a trimmed title', () => {
    const t = ticket({ title: '  Printer on fire  ', tags: [' Billing', 'billing', 'VIP'] });
    assert.equal(t.title, 'Printer on fire');
    assert.equal(t.status, 'queued');
    assert.equal(t.priority, 'normal');
    assert.equal(t.assigneeId, null);
    assert.equal(t.version, 1);
    assert.deepEqual(t.tags, ['billing', 'vip']);
    assert.equal(t.createdAt, CREATED);
    assert.equal(t.updatedAt, CREATED);
  });

  it('makes a ticket created with an assignee assigned', () => {
    assert.equal(ticket({ assigneeId: 'agt_a' }).status, 'assigned');
    assert.equal(ticket({ assigneeId: 'agt_a', status: 'new' }).status, 'assigned');
  });

  it('refuses a title of blanks', () => {
    assertRefused(() => ticket({ title: '   ' }), 'invalid_value', '/title');
  });
});

describe('applyTicketPatch', () => {
  it('makes waiting work assigned when it gets an assignee', () => {
    for (const status of ['new', 'queued', 'needs_info'] as const) {
      const { ticket: next } = patched({ ...ticket(), status }, { assigneeId: 'agt_b' });
      assert.equal(next.status, 'assigned', `from ${status}`);
      assert.equal(next.assigneeId, 'agt_b');
    }
  });

  it('keeps the status of work in hand when it changes hands', () => {
    const { ticket: next } = patched(held('in_progress'), { assigneeId: 'agt_b' });
    assert.equal(next.status, 'in_progress');
    assert.equal(next.assigneeId, 'agt_b');
  });

  it('refuses a held status without an assignee', () => {
    for (const status of ['assigned', 'in_progress', 'pending', 'on_hold'] as const) {
      assertRefused(() => patched(ticket(), { status }), 'invalid_value', '/assignee');
    }
    assertRefused(() => patched(held('assigned'), { status: 'in_progress', assigneeId: null }), 'invalid_value', '/assignee');
  });

  it('puts held work back in the queue when its assignee is cleared', () => {
    for (const status of ['assigned', 'in_progress', 'pending', 'on_hold'] as const) {
      const { ticket: next, changes } = patched(held(status), { assigneeId: null });
      assert.equal(next.status, 'queued', `from ${status}`);
      assert.equal(next.assigneeId, null);
      assert.deepEqual(changes.after, { status: 'queued', assigneeId: null });
      assert.deepEqual(changes.before, { status, assigneeId: 'agt_a' });
    }
  });

  it('refuses an illegal status move with invalid_transition', () => {
    assertRefused(() => patched(ticket(), { status: 'new' }), 'invalid_transition');
    assertRefused(() => patched({ ...held('assigned'), status: 'closed' }, { status: 'queued' }), 'invalid_transition');
  });

  it('stamps resolved and closed times, and clears the resolution on reopen', () => {
    const resolved = patched(held('in_progress'), { status: 'resolved' }).ticket;
    assert.equal(resolved.resolvedAt, LATER);
    assert.equal(resolved.closedAt, null);

    const closed = applyTicketPatch(resolved, { status: 'closed' }, LATER + 1).ticket;
    assert.equal(closed.closedAt, LATER + 1);
    assert.equal(closed.resolvedAt, LATER, 'closing keeps the resolution time');

    const reopened = applyTicketPatch(resolved, { status: 'in_progress' }, LATER + 2).ticket;
    assert.equal(reopened.status, 'in_progress');
    assert.equal(reopened.resolvedAt, null);
  });

  it('does not restamp a status the ticket already has', () => {
    const resolved = patched(held('in_progress'), { status: 'resolved' }).ticket;
    const again = applyTicketPatch(resolved, { status: 'resolved', priority: 'high' }, LATER + 5).ticket;
    assert.equal(again.resolvedAt, LATER);
  });

  it('lists only the fields that changed, with before and after', () => {
    const before = ticket({ priority: 'normal', tags: ['billing'] });
    const { changes } = patched(before, { priority: 'urgent', title: 'Printer on fire', tags: ['Billing'], queue: 'hardware' });
    assert.deepEqual(changes, {
      before: { priority: 'normal', queue: null },
      after: { priority: 'urgent', queue: 'hardware' },
    });
  });

  it('bumps the version and the update time only when something changed', () => {
    const before = ticket();
    const same = patched(before, { title: before.title, priority: before.priority, tags: [] });
    assert.equal(same.ticket.version, 1);
    assert.equal(same.ticket.updatedAt, CREATED);
    assert.deepEqual(same.changes, { before: {}, after: {} });

    const changed = patched(before, { priority: 'low' });
    assert.equal(changed.ticket.version, 2);
    assert.equal(changed.ticket.updatedAt, LATER);
  });

  it('leaves the ticket it was given untouched', () => {
    const before = ticket();
    const copy = structuredClone(before);
    patched(before, { priority: 'low', assigneeId: 'agt_b', tags: ['x'] });
    assert.deepEqual(before, copy);
  });
});

describe('diffTickets', () => {
  it('compares nested values by content', () => {
    const a = ticket({ customer: { email: 'A@Example.com' }, fields: { plan: { seats: 3 } } });
    const b: Ticket = { ...a, customer: { ...a.customer! }, fields: { plan: { seats: 3 } } };
    assert.deepEqual(diffTickets(a, b), { before: {}, after: {} });
    const c: Ticket = { ...a, fields: { plan: { seats: 4 } } };
    assert.deepEqual(diffTickets(a, c), { before: { fields: { plan: { seats: 3 } } }, after: { fields: { plan: { seats: 4 } } } });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomerTicket } from '../../store/store.js';
import type { TicketStatus } from '../../ticket/status.js';
import { openCandidates } from './open-candidates.js';

const ticket = (id: string, status: TicketStatus): CustomerTicket => ({ id, title: id, description: '', status, assigneeId: null, updatedAt: 0 });

describe('openCandidates', () => {
  // Newest first, as the customer read gives them.
  const history = [ticket('t5', 'queued'), ticket('t4', 'resolved'), ticket('t3', 'pending'), ticket('t2', 'closed'), ticket('t1', 'new')];

  it('keeps open tickets, newest first', () => {
    assert.deepEqual(openCandidates(history, 10).map((t) => t.id), ['t5', 't3', 't1']);
  });

  it('stops at the limit and leaves out the ticket compared', () => {
    assert.deepEqual(openCandidates(history, 2).map((t) => t.id), ['t5', 't3']);
    assert.deepEqual(openCandidates(history, 2, 't5').map((t) => t.id), ['t3', 't1']);
  });
});

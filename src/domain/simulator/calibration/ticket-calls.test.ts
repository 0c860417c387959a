import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callOfTicket, rosterOf, type TicketFacts } from './ticket-calls.js';

const CREATED = Date.UTC(2026, 1, 2, 10);
const ticket = (facts: Partial<TicketFacts>): TicketFacts => ({
  createdAt: CREATED, firstResponseAt: null, resolvedAt: null, closedAt: null, assigneeId: null, status: 'queued', type: 'billing', priority: 'normal', ...facts,
});

describe('tickets read as calls', () => {
  it('answers at the first response and handles until resolved', () => {
    const call = callOfTicket(ticket({ firstResponseAt: CREATED + 30_000, resolvedAt: CREATED + 330_000, assigneeId: 'agt_1', status: 'resolved' }));
    assert.deepEqual(call, { arrivedAt: CREATED, agent: 'agt_1', priority: 'normal', type: 'billing', afterCallS: null, outcome: 'answered', waitS: 30, answeredAt: CREATED + 30_000, serviceS: 300 });
  });

  it('takes a ticket closed unassigned without a response for one that gave up, and skips the rest with the reason', () => {
    const gaveUp = callOfTicket(ticket({ closedAt: CREATED + 120_000, status: 'closed' }));
    assert.ok(typeof gaveUp === 'object' && gaveUp.outcome === 'abandoned' && gaveUp.waitS === 120);
    assert.equal(callOfTicket(ticket({})), 'open');
    assert.equal(callOfTicket(ticket({ firstResponseAt: CREATED + 1000, status: 'in_progress' })), 'open', 'answered, not yet resolved');
    assert.equal(callOfTicket(ticket({ resolvedAt: CREATED + 1000, assigneeId: 'agt_1', status: 'resolved' })), 'unanswered_resolved');
  });

  it('groups alike agents into one roster group and leaves removed agents out', () => {
    const agent = (skills: Record<string, number>, removedAt: number | null = null) => ({ skills, level: 1, capacity: { phone: 1 }, languages: [], removedAt });
    const roster = rosterOf([agent({ billing: 5 }), agent({ billing: 5 }), agent({ tech: 3 }), agent({ tech: 3 }, CREATED)]);
    assert.deepEqual(roster.map((g) => [g.name, g.count, g.skills]), [['group 1', 2, { billing: 5 }], ['group 2', 1, { tech: 3 }]]);
  });
});

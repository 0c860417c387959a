import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import {
  DONE_STATUSES, HELD_STATUSES, TICKET_STATUSES, allowedTransitions, assertTransition, isReopen, type TicketStatus,
} from './status.js';

/** The error `assertTransition` throws for an illegal move, or undefined when the move is legal. */
function refusal(from: TicketStatus, to: TicketStatus): DomainError | undefined {
  try {
    assertTransition(from, to);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof DomainError, `expected a DomainError for ${from} → ${to}`);
    return error;
  }
}

describe('ticket status machine', () => {
  it('allows the moves of a normal life: intake, work, wait, finish', () => {
    const legal: Array<[TicketStatus, TicketStatus]> = [
      ['new', 'queued'], ['new', 'needs_info'], ['needs_info', 'queued'], ['queued', 'assigned'],
      ['assigned', 'in_progress'], ['in_progress', 'pending'], ['pending', 'in_progress'], ['in_progress', 'on_hold'],
      ['on_hold', 'in_progress'], ['in_progress', 'resolved'], ['resolved', 'closed'], ['queued', 'closed'],
    ];
    for (const [from, to] of legal) assert.equal(refusal(from, to), undefined, `${from} → ${to} should be legal`);
  });

  it('refuses moves that skip the rules, with code invalid_transition and the allowed moves', () => {
    const illegal: Array<[TicketStatus, TicketStatus]> = [
      ['new', 'pending'], ['new', 'on_hold'], ['needs_info', 'pending'], ['resolved', 'pending'], ['resolved', 'on_hold'],
      ['queued', 'new'], ['in_progress', 'new'], ['resolved', 'new'],
    ];
    for (const [from, to] of illegal) {
      const error = refusal(from, to);
      assert.ok(error, `${from} → ${to} should be refused`);
      assert.equal(error.code, 'invalid_transition');
      assert.equal(error.status, 422);
      assert.deepEqual(error.details, { from, to, allowed: allowedTransitions(from) });
    }
  });

  it('agrees with allowedTransitions for every pair of statuses', () => {
    for (const from of TICKET_STATUSES) {
      for (const to of TICKET_STATUSES) {
        const legal = from === to || allowedTransitions(from).includes(to);
        assert.equal(refusal(from, to) === undefined, legal, `${from} → ${to}`);
      }
    }
  });

  it('never leads back to new: it is only where tickets start', () => {
    for (const from of TICKET_STATUSES) assert.ok(!allowedTransitions(from).includes('new'), `${from} → new`);
  });

  it('keeps a ticket where it is without complaint', () => {
    for (const status of TICKET_STATUSES) assert.equal(refusal(status, status), undefined);
  });

  it('treats closed as final', () => {
    assert.deepEqual(allowedTransitions('closed'), []);
    for (const to of TICKET_STATUSES.filter((s) => s !== 'closed')) {
      assert.equal(refusal('closed', to)?.code, 'invalid_transition', `closed → ${to}`);
    }
  });

  it('lets resolved work be reopened into open statuses, and calls that a reopen', () => {
    for (const to of ['queued', 'assigned', 'in_progress'] as const) {
      assert.equal(refusal('resolved', to), undefined);
      assert.equal(isReopen('resolved', to), true, `resolved → ${to}`);
    }
    assert.equal(isReopen('resolved', 'closed'), false);
    assert.equal(isReopen('resolved', 'resolved'), false);
    assert.equal(isReopen('in_progress', 'queued'), false);
    assert.equal(isReopen('queued', 'assigned'), false);
  });

  it('keeps the held and done sets apart', () => {
    for (const status of HELD_STATUSES) assert.ok(!DONE_STATUSES.has(status), status);
    assert.deepEqual([...DONE_STATUSES].sort(), ['closed', 'resolved']);
    assert.deepEqual([...HELD_STATUSES].sort(), ['assigned', 'in_progress', 'on_hold', 'pending']);
  });
});

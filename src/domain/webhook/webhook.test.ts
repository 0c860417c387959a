import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_ATTEMPTS, RETRY_SCHEDULE_MS, nextAttemptAt } from './retry-schedule.js';
import { isEventPattern, matchesEventType } from './webhook.js';

describe('webhook event types', () => {
  it('matches exact types, prefixes and everything', () => {
    assert.ok(matchesEventType(['ticket.created'], 'ticket.created'));
    assert.ok(!matchesEventType(['ticket.created'], 'ticket.updated'));
    assert.ok(matchesEventType(['ticket.*'], 'ticket.status_changed'));
    assert.ok(!matchesEventType(['ticket.*'], 'tickets.created'), 'a prefix ends at a dot');
    assert.ok(matchesEventType(['*'], 'comment.added'));
    assert.ok(!matchesEventType([], 'comment.added'));
  });

  it('accepts only well-formed patterns', () => {
    for (const ok of ['*', 'ticket.created', 'ticket.*', 'sla.breached']) assert.ok(isEventPattern(ok), ok);
    for (const bad of ['', 'ticket.', '*.created', 'Ticket.Created', 'ticket.**', 'ticket created']) assert.ok(!isEventPattern(bad), bad);
  });
});

describe('webhook retry schedule', () => {
  it('waits the scheduled pause, spread by at most a fifth either way, then gives up', () => {
    for (const [index, pause] of RETRY_SCHEDULE_MS.entries()) {
      const low = nextAttemptAt(0, index + 1, 0)!;
      const high = nextAttemptAt(0, index + 1, 0.999999)!;
      assert.equal(low, Math.round(pause * 0.8));
      assert.ok(high <= pause * 1.2 && high > pause);
    }
    assert.equal(nextAttemptAt(0, MAX_ATTEMPTS, 0.5), null);
  });
});

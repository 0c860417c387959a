import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Ticket } from '../ticket/ticket.js';
import { ratedResolution, ratingAdjustment, type CsatRating } from './csat.js';
import { progressOf } from './progress.js';
import { checkChallenge, signChallenge, solves } from './proof-of-work.js';
import { leadingZeroBits } from './zero-bits.js';

const key = Buffer.alloc(32, 3);
const rules = { bits: 8, minFillMs: 3_000, maxAgeMs: 60_000 };

function solve(text: string, bits: number): string {
  for (let nonce = 0; ; nonce++) if (solves(text, String(nonce), bits)) return String(nonce);
}

describe('proof of work', () => {
  it('counts leading zero bits across bytes', () => {
    assert.equal(leadingZeroBits(Uint8Array.from([0xff])), 0);
    assert.equal(leadingZeroBits(Uint8Array.from([0x00, 0x10])), 11);
    assert.equal(leadingZeroBits(Uint8Array.from([0x00, 0x00])), 16);
  });

  it('accepts a solved challenge between the time trap and the expiry, and refuses everything else', () => {
    const text = signChallenge(key, { id: 'c1', issuedAt: 10_000, bits: 8 });
    const nonce = solve(text, 8);
    assert.deepEqual(checkChallenge(key, text, nonce, rules, 14_000), { ok: true, challenge: { id: 'c1', issuedAt: 10_000, bits: 8 }, expiresAt: 70_000 });
    assert.deepEqual(checkChallenge(key, text, nonce, rules, 11_000), { ok: false, reason: 'too_fast', retryAfterMs: 2_000 });
    assert.deepEqual(checkChallenge(key, text, nonce, rules, 70_000), { ok: false, reason: 'expired' });
    assert.deepEqual(checkChallenge(Buffer.alloc(32, 4), text, nonce, rules, 14_000), { ok: false, reason: 'invalid' });
    assert.deepEqual(checkChallenge(key, text, nonce, { ...rules, bits: 12 }, 14_000), { ok: false, reason: 'invalid' }, 'less work than asked now');
    const wrong = solves(text, 'x', 8) ? 'y' : 'x';
    assert.deepEqual(checkChallenge(key, text, wrong, rules, 14_000), { ok: false, reason: 'invalid' });
    assert.deepEqual(checkChallenge(key, text.replace('.10000.', '.9000.'), nonce, rules, 14_000), { ok: false, reason: 'invalid' });
  });
});

describe('requester progress and ratings', () => {
  it('folds statuses into five steps and says when the requester is awaited', () => {
    assert.deepEqual(progressOf('needs_info'), { current: 'received', waitingOn: 'requester' });
    assert.deepEqual(progressOf('pending'), { current: 'in_progress', waitingOn: 'requester' });
    assert.deepEqual(progressOf('closed'), { current: 'closed', waitingOn: null });
  });

  it('rates resolved work only, and adds the difference a rating makes to the resolution score without a second count', () => {
    const ticket = { status: 'resolved', resolvedAt: 7_200_000, createdAt: 0, reroutes: 0, fields: {}, type: 'support' } as unknown as Ticket;
    assert.equal(ratedResolution(ticket), 7_200_000);
    assert.throws(() => ratedResolution({ ...ticket, status: 'in_progress' }), /resolved request/);
    const rating: CsatRating = { id: 'r', workspaceId: 'w', ticketId: 't', resolvedAt: 7_200_000, score: 1, comment: null, agentId: 'a', category: 'support', ratedAt: 0 };
    const low = ratingAdjustment(rating, ticket)!;
    assert.equal(low.count, 0);
    assert.ok(low.scoreSum < 0);
    assert.ok(ratingAdjustment({ ...rating, score: 5 }, ticket)!.scoreSum > low.scoreSum);
    assert.equal(ratingAdjustment({ ...rating, agentId: null }, ticket), null);
  });
});

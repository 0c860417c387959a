import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildHandoffPacket, handoffTitle, type HandoffInput } from './handoff.js';

const INPUT: HandoffInput = {
  conversationId: 'c1', mode: 'proactive', reason: 'intent unclear', botName: 'HelpBot', confidence: 0.42, intent: 'billing',
  transcript: [
    { from: 'customer', text: 'I was charged twice for my subscription this month.', at: null },
    { from: 'bot', text: 'I can help with billing. Which card?', at: null },
    { from: 'customer', text: 'The visa card. Both charges are for the same subscription and I want one refunded.', at: null },
  ],
  attempts: [{ action: 'refund policy article', outcome: 'failed', detail: null }],
  customer: { name: 'Ada' }, customerData: { plan: 'gold' },
};

describe('hand-off packet', () => {
  it('summarises the conversation, keeps what the bot tried and its signals', () => {
    const packet = buildHandoffPacket(INPUT, null, { sentiment: -0.4, language: 'en', asksForHuman: false, flags: ['refund'] }, 1000, null);
    assert.match(packet.summary, /^The bot handed the conversation over about billing after 3 message\(s\); bot confidence 42%\./);
    assert.match(packet.summary, /charged twice/);
    assert.match(packet.summary, /Tried: refund policy article \(failed\)\./);
    assert.deepEqual(packet.signals, { botConfidence: 0.42, asksForHuman: false, sentiment: -0.4, flags: ['refund'], customerMessages: 2, botMessages: 1 });
    assert.equal(packet.handoffs, 1);
  });

  it('adds new attempts and counts hand-offs when the same conversation comes back', () => {
    const first = buildHandoffPacket(INPUT, null, null, 1000, null);
    const again = buildHandoffPacket({ ...INPUT, mode: 'reactive', attempts: [...INPUT.attempts, { action: 'card lookup', outcome: 'partial', detail: null }] }, null, null, 2000, first);
    assert.deepEqual(again.attempts.map((a) => a.action), ['refund policy article', 'card lookup']);
    assert.deepEqual([again.handoffs, again.receivedAt, again.updatedAt, again.signals.asksForHuman], [2, 1000, 2000, true]);
  });

  it('titles the ticket with the customer\'s first line', () => {
    assert.equal(handoffTitle(INPUT), 'I was charged twice for my subscription this month.');
    assert.equal(handoffTitle({ ...INPUT, transcript: [{ from: 'bot', text: 'Hello', at: null }] }), 'Chat hand-off c1');
  });
});

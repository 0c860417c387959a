import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recentMonthSplit } from './recent-month.js';
import { trainingSet, type TrainingTicket } from './training-set.js';

const DAY = 24 * 60 * 60 * 1000;
const ticket = (queue: string, day: number): TrainingTicket =>
  ({ type: 'support', title: `${queue} ${day}`, description: '', category: null, queue, priority: 'normal', tags: [], finishedAt: day * DAY });
const setOf = (tickets: TrainingTicket[]) => trainingSet(tickets, (t) => t.queue);

describe('the most recent month of a training set', () => {
  it('holds out the tickets finished in the 30 days up to the newest, and keeps the rest to learn from', () => {
    const tickets = [0, 10, 20, 50, 60, 70].flatMap((day) => [ticket('billing', day), ticket('access', day)]);
    const split = recentMonthSplit(setOf(tickets))!;
    assert.deepEqual([split.from, split.to], [40 * DAY, 70 * DAY]);
    assert.deepEqual(split.recent.map((e) => e.text), ['billing 50', 'access 50', 'billing 60', 'access 60', 'billing 70', 'access 70']);
    assert.deepEqual(split.earlier.map((e) => e.label), ['billing', 'access', 'billing', 'access', 'billing', 'access']);
  });

  it('is null when everything falls in one month, or the earlier tickets know a single label', () => {
    assert.equal(recentMonthSplit(setOf([0, 5, 10].flatMap((day) => [ticket('billing', day), ticket('access', day)]))), null);
    const five = (queue: string, day: number) => Array.from({ length: 5 }, () => ticket(queue, day));
    assert.equal(recentMonthSplit(setOf([...five('billing', 0), ...five('access', 90)])), null);
  });
});

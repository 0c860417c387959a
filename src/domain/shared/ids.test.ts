import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from './clock.js';
import { UlidGenerator, type RandomBytes } from './ids.js';

const START = Date.UTC(2026, 0, 15, 9, 30);
const ULID_BODY = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{26}$/;

/** A repeatable stand-in for the OS random source (xorshift32). */
function seededRandom(seed: number): RandomBytes {
  let state = seed;
  return (size) => Uint8Array.from({ length: size }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state & 0xff;
  });
}

/** Random bytes that are all ones: the random part starts at its largest value. */
const maxRandom: RandomBytes = (size) => new Uint8Array(size).fill(0xff);

function take(ids: UlidGenerator, count: number, between: () => void = () => {}): string[] {
  return Array.from({ length: count }, () => {
    const id = ids.next('tkt');
    between();
    return id;
  });
}

function assertSortedInCreationOrder(list: string[]): void {
  assert.equal(new Set(list).size, list.length, 'ids are unique');
  assert.deepEqual([...list].sort(), list, 'sorting the ids gives the creation order');
}

describe('UlidGenerator', () => {
  it('writes the prefix and 26 Crockford base-32 characters', () => {
    const id = new UlidGenerator(new ManualClock(START), seededRandom(1)).next('agt');
    const [prefix, body] = id.split('_');
    assert.equal(prefix, 'agt');
    assert.match(body!, ULID_BODY);
  });

  it('sorts ids in creation order within one millisecond', () => {
    const clock = new ManualClock(START);
    assertSortedInCreationOrder(take(new UlidGenerator(clock, seededRandom(7)), 2000));
  });

  it('sorts ids in creation order as time moves on', () => {
    const clock = new ManualClock(START);
    const ids = new UlidGenerator(clock, seededRandom(11));
    let n = 0;
    assertSortedInCreationOrder(take(ids, 500, () => { if (++n % 3 === 0) clock.advance(1); }));
  });

  it('orders ids of different milliseconds by time, whatever the random part', () => {
    const clock = new ManualClock(START);
    const early = new UlidGenerator(clock, maxRandom).next('tkt');
    clock.advance(1);
    const late = new UlidGenerator(clock, () => new Uint8Array(16)).next('tkt');
    assert.ok(early < late, `${early} < ${late}`);
  });

  it('stays in creation order when the clock steps back', () => {
    const clock = new ManualClock(START);
    const ids = new UlidGenerator(clock, seededRandom(3));
    const first = take(ids, 10);
    clock.set(START - 5_000);
    assertSortedInCreationOrder([...first, ...take(ids, 10)]);
  });

  it('stays in creation order when the random part runs out within a millisecond', () => {
    const clock = new ManualClock(START);
    assertSortedInCreationOrder(take(new UlidGenerator(clock, maxRandom), 5));
  });
});

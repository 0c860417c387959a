import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iso } from './time.js';

describe('iso', () => {
  it('writes what Date#toISOString writes, at the edges of days, months, years and the calendar', () => {
    const edges = [
      0, 1, 999, 86_399_999, 86_400_000, Date.UTC(2000, 1, 28, 23, 59, 59, 999), Date.UTC(2000, 1, 29), Date.UTC(2000, 2, 1),
      Date.UTC(2100, 1, 28), Date.UTC(2100, 2, 1), Date.UTC(2024, 11, 31, 23, 59, 59, 999), Date.UTC(2025, 0, 1),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10000, 0, 1), -1, Date.UTC(1969, 11, 31, 12), 1.5,
    ];
    for (const ms of edges) assert.equal(iso(ms), new Date(ms).toISOString(), String(ms));
  });

  it('agrees with Date#toISOString on a hundred thousand instants spread over the years 1970–9999', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let i = 0; i < 100_000; i++) {
      const ms = Math.floor(next() * Date.UTC(10000, 0, 1));
      assert.equal(iso(ms), new Date(ms).toISOString());
    }
  });

  it('keeps null, and throws on an invalid time as Date does', () => {
    assert.equal(iso(null), null);
    assert.throws(() => iso(Number.NaN), RangeError);
  });
});

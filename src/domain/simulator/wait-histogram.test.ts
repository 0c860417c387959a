import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WaitHistogram } from './wait-histogram.js';

describe('WaitHistogram', () => {
  it('reads percentiles within 1 % of the exact ones, zeros exactly', () => {
    const histogram = new WaitHistogram();
    const waits = Array.from({ length: 10_000 }, (_, i) => (i < 3000 ? 0 : (i - 2999) * 37.5));
    for (const wait of waits) histogram.add(wait);
    assert.equal(histogram.percentile(0.3), 0);
    for (const p of [0.5, 0.9, 0.99]) {
      const exact = waits[Math.ceil(p * waits.length) - 1]!;
      const read = histogram.percentile(p)!;
      assert.ok(Math.abs(read - exact) / exact <= 0.01, `p${p * 100}: ${read} vs ${exact}`);
    }
    assert.equal(new WaitHistogram().percentile(0.9), null);
  });
});

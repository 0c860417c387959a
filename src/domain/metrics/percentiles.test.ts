import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quantile, ratio, spreadOf } from './percentiles.js';

describe('metric percentiles', () => {
  it('interpolates between the nearest ranks, as percentile_cont does', () => {
    assert.deepEqual(spreadOf([10, 20, 30, 40]), { median: 25, p90: 37 });
    assert.deepEqual(spreadOf([5]), { median: 5, p90: 5 });
    assert.equal(quantile([0, 100], 0.9), 90);
    assert.equal(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9), 10);
  });

  it('gives null when there is nothing to measure', () => {
    assert.deepEqual(spreadOf([]), { median: null, p90: null });
    assert.equal(ratio(0, 0), null);
    assert.equal(ratio(1, 4), 0.25);
  });
});

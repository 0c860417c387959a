import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { solveAssignment } from './hungarian.js';

/** Least total cost over every way of giving each row its own column; Infinity when there is none. */
function bruteForceMinimum(cost: readonly number[], rows: number, cols: number): number {
  const taken = new Array<boolean>(cols).fill(false);
  const visit = (row: number): number => {
    if (row === rows) return 0;
    let best = Infinity;
    for (let col = 0; col < cols; col++) {
      const entry = cost[row * cols + col]!;
      if (taken[col] || entry === Infinity) continue;
      taken[col] = true;
      best = Math.min(best, entry + visit(row + 1));
      taken[col] = false;
    }
    return best;
  };
  return visit(0);
}

const arbMatrix = fc.integer({ min: 0, max: 6 }).chain((rows) => fc.integer({ min: rows, max: rows + 3 }).chain((cols) =>
  fc.array(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: -20, max: 50 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }), {
    minLength: rows * cols, maxLength: rows * cols,
  }).map((cost) => ({ rows, cols, cost }))));

describe('solveAssignment', () => {
  it('finds the least total cost that brute force finds, with distinct allowed columns', () => {
    fc.assert(fc.property(arbMatrix, ({ rows, cols, cost }) => {
      const best = bruteForceMinimum(cost, rows, cols);
      if (best === Infinity) {
        assert.throws(() => solveAssignment(Float64Array.from(cost), rows, cols), RangeError);
        return;
      }
      const colOfRow = solveAssignment(Float64Array.from(cost), rows, cols);
      assert.equal(new Set(colOfRow).size, rows);
      const total = Array.from(colOfRow).reduce((sum, col, row) => sum + cost[row * cols + col]!, 0);
      assert.equal(total, best);
    }), { numRuns: 400 });
  });

  it('solves the textbook 3 × 3 example and gives the spare column of a wide matrix to nobody', () => {
    assert.deepEqual(Array.from(solveAssignment(Float64Array.of(4, 1, 3, 2, 0, 5, 3, 2, 2), 3, 3)), [1, 0, 2]);
    assert.deepEqual(Array.from(solveAssignment(Float64Array.of(9, 1, 9, 9, 9, 1), 2, 3)), [1, 2]);
  });

  it('refuses more rows than columns and a matrix of the wrong size', () => {
    assert.throws(() => solveAssignment(new Float64Array(6), 3, 2), RangeError);
    assert.throws(() => solveAssignment(new Float64Array(5), 2, 3), RangeError);
  });
});

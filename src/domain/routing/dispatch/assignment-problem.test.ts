import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shapeAssignmentProblem } from './assignment-problem.js';
import { buildCostTable, resolveDispatchOptions } from './dispatch-costs.js';
import type { DispatchOrder, DispatchPriority } from './dispatch-types.js';
import { greedyChoice } from './greedy-dispatch.js';

const HERE = { lat: 60.17, lon: 24.94 };

function shape(priorities: DispatchPriority[], slots: number) {
  const orders: DispatchOrder[] = priorities.map((priority, i) => ({ id: `o${i}`, location: HERE, requiredSkills: {}, priority }));
  const table = buildCostTable(orders, [{ id: 't', location: HERE, skills: {}, slots }], resolveDispatchOptions());
  return shapeAssignmentProblem(table, greedyChoice(table, orders));
}

describe('shapeAssignmentProblem', () => {
  it('puts orders on the rows, most urgent first, with a "stays out" column for each order greedy left out', () => {
    const result = shape(['low', 'urgent', 'normal', 'urgent'], 3);
    assert.equal(result.ordersAreRows, true);
    assert.deepEqual(Array.from(result.orders), [1, 3, 2, 0]);
    assert.deepEqual([result.rows, result.cols], [4, 3 + 1]);
  });

  it('puts slots on the rows when orders of one priority outnumber them, with no spare column when greedy fills them', () => {
    const result = shape(['normal', 'normal', 'normal'], 2);
    assert.equal(result.ordersAreRows, false);
    assert.deepEqual([result.rows, result.cols], [2, 3]);
  });

  it('keeps orders on the rows when the tier that overflows is small next to the tiers that fit', () => {
    assert.equal(shape(['urgent', 'urgent', 'urgent', 'low'], 3).ordersAreRows, true);
  });

  it('gives a technician no more slots than orders it could serve', () => {
    assert.equal(shape(['normal'], 5).slotTech.length, 1);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DispatchOrder, DispatchTechnician } from './dispatch-types.js';
import { planGreedyDispatch } from './greedy-dispatch.js';

const HERE = { lat: 60.17, lon: 24.94 };
const NEAR = { lat: 60.2, lon: 24.94 };
const FAR = { lat: 60.6, lon: 24.94 };

function order(id: string, priority: DispatchOrder['priority'], location = HERE): DispatchOrder {
  return { id, location, requiredSkills: { wiring: 1 }, priority };
}

function tech(id: string, location: DispatchTechnician['location'], slots = 1): DispatchTechnician {
  return { id, location, skills: { wiring: 2 }, slots };
}

describe('planGreedyDispatch', () => {
  it('serves the more urgent order first, then by id, each with the cheapest technician still free', () => {
    const plan = planGreedyDispatch(
      [order('b', 'normal'), order('c', 'low'), order('a', 'normal'), order('z', 'urgent')],
      [tech('far', FAR, 2), tech('near', NEAR, 1)],
    );
    const holder = Object.fromEntries(plan.assignments.map((a) => [a.orderId, a.technicianId]));
    assert.deepEqual(holder, { z: 'near', a: 'far', b: 'far' });
    assert.deepEqual(plan.unassigned, [{ orderId: 'c', reason: 'no_capacity' }]);
    assert.equal(plan.method, 'greedy');
  });

  it('breaks a tie in cost in favour of the technician listed first', () => {
    const plan = planGreedyDispatch([order('a', 'normal')], [tech('first', NEAR), tech('second', NEAR)]);
    assert.equal(plan.assignments[0]?.technicianId, 'first');
  });

  it('lists assignments and unassigned orders in the order the orders were given', () => {
    const plan = planGreedyDispatch([order('c', 'low'), order('a', 'urgent'), order('b', 'high')], [tech('t', NEAR, 3)]);
    assert.deepEqual(plan.assignments.map((a) => a.orderId), ['c', 'a', 'b']);
  });
});

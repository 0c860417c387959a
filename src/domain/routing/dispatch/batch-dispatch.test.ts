import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../errors.js';
import { MAX_OPTIMAL_CELLS, planBatchDispatch } from './batch-dispatch.js';
import {
  arbInstance, assertValidPlan, bruteForce, compareProfiles, sameCost, servedProfile, type DispatchInstance,
} from './dispatch-test-support.js';
import type { DispatchOrder, DispatchTechnician } from './dispatch-types.js';
import { planGreedyDispatch } from './greedy-dispatch.js';

const plan = ({ orders, technicians, options }: DispatchInstance) => planBatchDispatch(orders, technicians, options);
const greedy = ({ orders, technicians, options }: DispatchInstance) => planGreedyDispatch(orders, technicians, options);

const HELSINKI = { lat: 60.17, lon: 24.94 };
const ESPOO = { lat: 60.21, lon: 24.66 };
const TAMPERE = { lat: 61.5, lon: 23.76 };

function order(id: string, priority: DispatchOrder['priority'], location = HELSINKI, requiredSkills: Record<string, number> = { wiring: 2 }): DispatchOrder {
  return { id, location, requiredSkills, priority };
}

function tech(id: string, location: DispatchTechnician['location'], slots = 1, skills: Record<string, number> = { wiring: 2 }): DispatchTechnician {
  return { id, location, skills, slots };
}

describe('planBatchDispatch', () => {
  // Mixed priorities mostly put orders on the rows; one shared priority with short capacity puts
  // slots on the rows (see ordersAsRows), so the two runs cover both ways of building the matrix.
  for (const [label, priority, numRuns] of [['mixed priorities', undefined, 500], ['one priority', 'low', 200]] as const) {
    it(`matches brute force with ${label}: the same orders served per priority, at the same least cost`, () => {
      fc.assert(fc.property(arbInstance({ maxOrders: 6, maxTechnicians: 3, maxSlots: 2, priority }), (instance) => {
        const result = plan(instance);
        const best = bruteForce(instance);
        assertValidPlan(result, instance);
        assert.equal(result.method, 'optimal');
        assert.deepEqual(servedProfile(result, instance.orders), best.profile);
        assert.equal(result.assignments.length, best.maxServed, 'serves as many orders as can be served');
        assert.ok(sameCost(result.totalCost, best.cost), `${result.totalCost} against ${best.cost}`);
      }), { numRuns });
    });
  }

  it('is never worse than greedy: serves at least as many, as urgent, and costs no more when it serves the same', () => {
    fc.assert(fc.property(arbInstance({ maxOrders: 40, maxTechnicians: 10, maxSlots: 4 }), (instance) => {
      const optimal = plan(instance);
      const baseline = greedy(instance);
      assertValidPlan(optimal, instance);
      assertValidPlan(baseline, instance);
      assert.ok(optimal.assignments.length >= baseline.assignments.length);
      const [mine, theirs] = [servedProfile(optimal, instance.orders), servedProfile(baseline, instance.orders)];
      for (let k = 1; k <= 4; k++) {
        const sum = (profile: number[]) => profile.slice(0, k).reduce((a, b) => a + b, 0);
        assert.ok(sum(mine) >= sum(theirs), `serves at least as many of the ${k} most urgent priorities`);
      }
      if (compareProfiles(mine, theirs) === 0) assert.ok(optimal.totalCost <= baseline.totalCost + 1e-9);
    }), { numRuns: 150 });
  });

  it('costs no more than greedy whenever it serves as many orders, when all orders share one priority', () => {
    fc.assert(fc.property(arbInstance({ maxOrders: 40, maxTechnicians: 10, maxSlots: 4, priority: 'normal' }), (instance) => {
      const optimal = plan(instance);
      const baseline = greedy(instance);
      assert.ok(optimal.assignments.length >= baseline.assignments.length);
      if (optimal.assignments.length === baseline.assignments.length) assert.ok(optimal.totalCost <= baseline.totalCost + 1e-9);
    }), { numRuns: 150 });
  });

  it('keeps the urgent order over a low one when one slot is left, however much farther it is', () => {
    const result = planBatchDispatch(
      [order('low-next-door', 'low', ESPOO), order('urgent-far', 'urgent', TAMPERE)],
      [tech('t', ESPOO)],
    );
    assert.deepEqual(result.assignments.map((a) => a.orderId), ['urgent-far']);
    assert.deepEqual(result.unassigned, [{ orderId: 'low-next-door', reason: 'no_capacity' }]);
  });

  it('serves two orders rather than one more urgent one when they cannot all be served', () => {
    // Greedy sends the urgent order to the near technician and strands the one only it can serve.
    const result = planBatchDispatch(
      [order('urgent', 'urgent'), order('only-near-can', 'low', HELSINKI, { wiring: 2, pipes: 1 })],
      [tech('near', ESPOO, 1, { wiring: 2, pipes: 1 }), tech('far', TAMPERE)],
    );
    assert.deepEqual(result.assignments.map((a) => [a.orderId, a.technicianId]), [['urgent', 'far'], ['only-near-can', 'near']]);
    assert.equal(planGreedyDispatch(
      [order('urgent', 'urgent'), order('only-near-can', 'low', HELSINKI, { wiring: 2, pipes: 1 })],
      [tech('near', ESPOO, 1, { wiring: 2, pipes: 1 }), tech('far', TAMPERE)],
    ).assignments.length, 1);
  });

  it('says why an order is left out: nobody qualified, everyone qualified too far, or no slot left', () => {
    const result = planBatchDispatch(
      [
        order('needs-gas', 'urgent', HELSINKI, { gas: 1 }),
        order('in-tampere', 'high', TAMPERE),
        order('first', 'normal'),
        order('second', 'normal'),
      ],
      [tech('espoo', ESPOO), tech('nowhere', null, 5, { gas: 3, wiring: 3 }), tech('no-slots', HELSINKI, 0)],
      { maxDistanceKm: 50 },
    );
    assert.equal(result.assignments.length, 1);
    assert.deepEqual(result.unassigned.map((u) => [u.orderId, u.reason]).filter(([id]) => id !== result.assignments[0]!.orderId), [
      ['needs-gas', 'no_qualified_technician'],
      ['in-tampere', 'too_far'],
      [result.assignments[0]!.orderId === 'first' ? 'second' : 'first', 'no_capacity'],
    ]);
  });

  it('prices a pair as travel × travelWeight plus missing levels × skillGapWeight, and a missing skill as infeasible', () => {
    const result = planBatchDispatch(
      [order('o', 'normal', HELSINKI, { wiring: 4, pipes: 1, painting: 0 })],
      [tech('lacks-pipes', HELSINKI, 1, { wiring: 5 }), tech('t', ESPOO, 1, { wiring: 1, pipes: 2 })],
      { travelWeight: 2, skillGapWeight: 7 },
    );
    const [a] = result.assignments;
    assert.equal(a?.technicianId, 't');
    assert.equal(a.skillGap, 3);
    assert.ok(sameCost(a.cost, 2 * a.distanceKm + 7 * 3));
    assert.ok(sameCost(result.totalCost, a.cost));
  });

  it('reads only a technician\'s own skills, so a skill called "constructor" is not found on every object', () => {
    const result = planBatchDispatch([order('o', 'normal', HELSINKI, { constructor: 1 })], [tech('t', HELSINKI, 1, {})]);
    assert.deepEqual(result.unassigned, [{ orderId: 'o', reason: 'no_qualified_technician' }]);
  });

  it('returns an empty optimal plan for no orders or no technicians', () => {
    assert.deepEqual(planBatchDispatch([], [tech('t', HELSINKI)]), { assignments: [], unassigned: [], totalCost: 0, method: 'optimal' });
    assert.deepEqual(planBatchDispatch([order('o', 'low')], []).unassigned, [{ orderId: 'o', reason: 'no_qualified_technician' }]);
  });

  it('plans greedily, and says so, when the matrix would pass MAX_OPTIMAL_CELLS', () => {
    const count = Math.ceil(Math.sqrt(MAX_OPTIMAL_CELLS)) + 1;
    const orders = Array.from({ length: count }, (_, i) => order(`o${i}`, 'normal'));
    const result = planBatchDispatch(orders, [tech('t', HELSINKI, count)]);
    assert.equal(result.method, 'greedy');
    assert.equal(result.assignments.length, count);
  });

  it('refuses negative or non-numeric weights and distances with invalid_value', () => {
    for (const options of [{ travelWeight: -1 }, { skillGapWeight: Number.NaN }, { maxDistanceKm: -5 }, { travelWeight: Infinity }]) {
      assert.throws(() => planBatchDispatch([], [], options), (error) => error instanceof DomainError && error.code === 'invalid_value');
    }
  });
});

// Shared by the dispatch tests: random instances, the model written out a second time in the
// plainest way, a brute-force optimum, and the checks every plan must pass.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type {
  DispatchOptions, DispatchOrder, DispatchPlan, DispatchPriority, DispatchTechnician,
} from './dispatch-types.js';
import { haversineKm } from './geo.js';

export interface DispatchInstance {
  orders: DispatchOrder[];
  technicians: DispatchTechnician[];
  options: DispatchOptions;
}

export const PRIORITIES: readonly DispatchPriority[] = ['urgent', 'high', 'normal', 'low'];
const SKILLS = ['wiring', 'pipes', 'hvac'];

/** Coordinates on a 0.01° grid around Helsinki: distances from 0 to about 120 km. */
const arbPoint = fc.record({
  lat: fc.integer({ min: 5990, max: 6060 }).map((n) => n / 100),
  lon: fc.integer({ min: 2400, max: 2600 }).map((n) => n / 100),
});

/** Levels 0..3 per skill; 0 is written out sometimes, because "level 0" must count as lacking the skill. */
const arbSkills = (minKeys: number, maxKeys: number): fc.Arbitrary<Record<string, number>> =>
  fc.dictionary(fc.constantFrom(...SKILLS), fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.constant(0) }), { minKeys, maxKeys });

interface InstanceLimits {
  maxOrders: number;
  maxTechnicians: number;
  maxSlots: number;
  /** Every order gets this priority, when given. */
  priority?: DispatchPriority;
}

/** Small random instances: some technicians without a location, some pairs too far, some skills missing. */
export function arbInstance(limits: InstanceLimits): fc.Arbitrary<DispatchInstance> {
  const priority = limits.priority === undefined ? fc.constantFrom(...PRIORITIES) : fc.constant(limits.priority);
  const order = fc.record({ location: arbPoint, requiredSkills: arbSkills(0, 2), priority });
  const slots = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: limits.maxSlots }) }, { weight: 1, arbitrary: fc.constant(0) });
  const technician = fc.record({ location: fc.option(arbPoint, { freq: 8 }), skills: arbSkills(2, 3), slots });
  const options = fc.record({
    travelWeight: fc.constantFrom(0, 0.5, 1, 3),
    skillGapWeight: fc.constantFrom(0, 10, 200),
    maxDistanceKm: fc.constantFrom(30, 60, Infinity),
  }, { requiredKeys: [] });
  return fc.record({
    orders: fc.array(order, { minLength: 1, maxLength: limits.maxOrders }),
    technicians: fc.array(technician, { minLength: 1, maxLength: limits.maxTechnicians }),
    options,
  }).map(({ orders, technicians, options }) => ({
    // Ids in reverse of list order, so "by id" and "as listed" differ.
    orders: orders.map((o, i) => ({ id: `o${String(orders.length - i).padStart(3, '0')}`, ...o })),
    technicians: technicians.map((t, i) => ({ id: `t${i}`, ...t })),
    options,
  }));
}

export interface PairPrice {
  distanceKm: number;
  skillGap: number;
  cost: number;
}

/** The cost model, plainly: null when the technician cannot take the order. */
export function referencePrice(order: DispatchOrder, tech: DispatchTechnician, options: DispatchOptions): PairPrice | null {
  if (tech.location === null) return null;
  let skillGap = 0;
  for (const [name, level] of Object.entries(order.requiredSkills)) {
    if (level <= 0) continue;
    const have = Object.hasOwn(tech.skills, name) ? tech.skills[name]! : 0;
    if (have <= 0) return null;
    skillGap += Math.max(0, level - have);
  }
  const distanceKm = haversineKm(tech.location, order.location);
  if (distanceKm > (options.maxDistanceKm ?? Infinity)) return null;
  return { distanceKm, skillGap, cost: (options.travelWeight ?? 1) * distanceKm + (options.skillGapWeight ?? 10) * skillGap };
}

/** Served orders per priority, most urgent first. */
export function servedProfile(plan: DispatchPlan, orders: readonly DispatchOrder[]): number[] {
  const priorityOf = new Map(orders.map((o) => [o.id, o.priority]));
  return PRIORITIES.map((p) => plan.assignments.filter((a) => priorityOf.get(a.orderId) === p).length);
}

/** Best by brute force: most urgent orders served, then most high, …, then least cost; and the most orders servable. */
export function bruteForce(instance: DispatchInstance): { profile: number[]; cost: number; maxServed: number } {
  const { orders, technicians, options } = instance;
  const prices = orders.map((o) => technicians.map((t) => referencePrice(o, t, options)));
  const free = technicians.map((t) => Math.max(0, Math.floor(t.slots)));
  const profile = [0, 0, 0, 0];
  const best = { profile: [-1, 0, 0, 0], cost: Infinity, maxServed: 0 };
  const visit = (i: number, cost: number): void => {
    if (i === orders.length) {
      const order = compareProfiles(profile, best.profile);
      if (order > 0 || (order === 0 && cost < best.cost)) Object.assign(best, { profile: [...profile], cost });
      best.maxServed = Math.max(best.maxServed, profile.reduce((a, b) => a + b, 0));
      return;
    }
    visit(i + 1, cost);
    const rank = PRIORITIES.indexOf(orders[i]!.priority);
    prices[i]!.forEach((price, t) => {
      if (price === null || free[t] === 0) return;
      free[t]!--;
      profile[rank]!++;
      visit(i + 1, cost + price.cost);
      profile[rank]!--;
      free[t]!++;
    });
  };
  visit(0, 0);
  return best;
}

/** Positive when `a` serves more urgent orders, or as many and more high ones, and so on. */
export function compareProfiles(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
}

/** Costs agree when they differ by rounding only. */
export function sameCost(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Every order once; slots, feasibility, figures and reasons as the model says. */
export function assertValidPlan(plan: DispatchPlan, instance: DispatchInstance): void {
  const { orders, technicians, options } = instance;
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const techById = new Map(technicians.map((t) => [t.id, t]));
  const listed = [...plan.assignments.map((a) => a.orderId), ...plan.unassigned.map((u) => u.orderId)];
  assert.deepEqual([...listed].sort(), orders.map((o) => o.id).sort(), 'every order appears exactly once');
  const used = new Map<string, number>();
  let total = 0;
  for (const a of plan.assignments) {
    const tech = techById.get(a.technicianId)!;
    used.set(tech.id, (used.get(tech.id) ?? 0) + 1);
    assert.ok(used.get(tech.id)! <= tech.slots, `${tech.id} holds more than its ${tech.slots} slots`);
    const price = referencePrice(orderById.get(a.orderId)!, tech, options);
    assert.ok(price !== null, `${a.orderId} went to ${tech.id}, who cannot take it`);
    assert.ok(sameCost(a.distanceKm, price.distanceKm) && a.skillGap === price.skillGap && sameCost(a.cost, price.cost));
    total += a.cost;
  }
  assert.ok(sameCost(plan.totalCost, total), 'totalCost is the sum of the assignments');
  for (const { orderId, reason } of plan.unassigned) assert.equal(reason, expectedReason(orderById.get(orderId)!, instance));
}

function expectedReason(order: DispatchOrder, { technicians, options }: DispatchInstance): string {
  if (technicians.some((t) => referencePrice(order, t, options) !== null)) return 'no_capacity';
  const qualified = technicians.some((t) => referencePrice(order, t, { ...options, maxDistanceKm: Infinity }) !== null);
  return qualified ? 'too_far' : 'no_qualified_technician';
}

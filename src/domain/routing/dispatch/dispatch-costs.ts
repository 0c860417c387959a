import { fail } from '../../errors.js';
import type {
  DispatchOptions, DispatchOrder, DispatchPriority, DispatchTechnician, DispatchUnassignedReason,
} from './dispatch-types.js';
import { haversineRadiansKm, RADIANS_PER_DEGREE } from './geo.js';

export interface ResolvedDispatchOptions {
  travelWeight: number;
  skillGapWeight: number;
  maxDistanceKm: number;
}

/** 0 is the most pressing; greedy serves orders in this order and the optimal planner weights by it. */
export const PRIORITY_RANK: Readonly<Record<DispatchPriority, number>> = { urgent: 0, high: 1, normal: 2, low: 3 };

/**
 * Every (order, technician) pair priced once, order-major: entry `o * technicians + t`.
 * `cost` is Infinity where the pair is infeasible; `blocked[o]` says why an order has no feasible
 * technician at all (null when it has one, and so can only miss out for lack of capacity).
 */
export interface DispatchCostTable {
  orders: number;
  technicians: number;
  cost: Float64Array;
  distanceKm: Float64Array;
  skillGap: Float64Array;
  slots: Int32Array;
  priorityRank: Uint8Array;
  blocked: (Exclude<DispatchUnassignedReason, 'no_capacity'> | null)[];
}

/** Fills in the defaults; throws `invalid_value` for a negative or non-numeric weight or distance. */
export function resolveDispatchOptions(options: DispatchOptions = {}): ResolvedDispatchOptions {
  const resolved = {
    travelWeight: options.travelWeight ?? 1,
    skillGapWeight: options.skillGapWeight ?? 10,
    maxDistanceKm: options.maxDistanceKm ?? Infinity,
  };
  for (const [key, value] of Object.entries(resolved)) {
    // Negative weights would reward travel; Infinity is only meaningful as "no distance limit".
    const finiteOrLimit = Number.isFinite(value) || (key === 'maxDistanceKm' && value === Infinity);
    if (!(value >= 0) || !finiteOrLimit) {
      throw fail('invalid_value', `Dispatch option ${key} must be a non-negative number.`, { path: `/${key}` });
    }
  }
  return resolved;
}

/**
 * The technicians as flat arrays, so pricing a pair reads numbers instead of objects: coordinates
 * in radians, the cosine of each latitude, and the level of every skill some order requires.
 */
interface TechnicianArrays {
  located: Uint8Array;
  lat: Float64Array;
  lon: Float64Array;
  cosLat: Float64Array;
  /** technician-major: `t * skillCount + skill`; 0 when the technician lacks the skill. */
  level: Float64Array;
  skillIndex: Map<string, number>;
}

/** Prices every pair: travel × travelWeight + missing levels × skillGapWeight, Infinity when infeasible. */
export function buildCostTable(
  orders: readonly DispatchOrder[],
  technicians: readonly DispatchTechnician[],
  options: ResolvedDispatchOptions,
): DispatchCostTable {
  const size = orders.length * technicians.length;
  const table: DispatchCostTable = {
    orders: orders.length,
    technicians: technicians.length,
    cost: new Float64Array(size).fill(Infinity),
    distanceKm: new Float64Array(size).fill(Infinity),
    skillGap: new Float64Array(size),
    slots: Int32Array.from(technicians, (tech) => usableSlots(tech.slots, orders.length)),
    priorityRank: Uint8Array.from(orders, (order) => PRIORITY_RANK[order.priority]),
    blocked: [],
  };
  const techs = technicianArrays(technicians, requiredSkillIndex(orders));
  for (let o = 0; o < orders.length; o++) table.blocked.push(priceOrder(table, o, orders[o]!, techs, options));
  return table;
}

/** Fills one row of the table and returns why the order cannot be served at all, if it cannot. */
function priceOrder(
  table: DispatchCostTable,
  o: number,
  order: DispatchOrder,
  techs: TechnicianArrays,
  options: ResolvedDispatchOptions,
): DispatchCostTable['blocked'][number] {
  const required = Object.entries(order.requiredSkills).filter(([, level]) => level > 0);
  const needSkill = Int32Array.from(required, ([name]) => techs.skillIndex.get(name)!);
  const needLevel = Float64Array.from(required, ([, level]) => level);
  const skillCount = techs.skillIndex.size;
  const lat = order.location.lat * RADIANS_PER_DEGREE;
  const lon = order.location.lon * RADIANS_PER_DEGREE;
  const cosLat = Math.cos(lat);
  let qualified = false;
  let reachable = false;
  for (let t = 0; t < table.technicians; t++) {
    if (techs.located[t] === 0) continue;
    const gap = skillGap(needSkill, needLevel, techs.level, t * skillCount);
    if (gap < 0) continue;
    qualified = true;
    const distance = haversineRadiansKm(techs.lat[t]!, techs.lon[t]!, techs.cosLat[t]!, lat, lon, cosLat);
    // Written so that NaN (a broken coordinate) counts as out of reach rather than as near.
    if (!(distance <= options.maxDistanceKm)) continue;
    reachable = true;
    const at = o * table.technicians + t;
    table.distanceKm[at] = distance;
    table.skillGap[at] = gap;
    table.cost[at] = options.travelWeight * distance + options.skillGapWeight * gap;
  }
  if (!qualified) return 'no_qualified_technician';
  return reachable ? null : 'too_far';
}

/** Levels missing over all required skills, or -1 when a required skill is absent (level 0 or none). */
function skillGap(needSkill: Int32Array, needLevel: Float64Array, level: Float64Array, base: number): number {
  let gap = 0;
  for (let k = 0; k < needSkill.length; k++) {
    const have = level[base + needSkill[k]!]!;
    if (!(have > 0)) return -1;
    if (have < needLevel[k]!) gap += needLevel[k]! - have;
  }
  return gap;
}

/** A dense index for every skill name some order requires at a level above 0. */
function requiredSkillIndex(orders: readonly DispatchOrder[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const order of orders) {
    for (const [name, level] of Object.entries(order.requiredSkills)) {
      if (level > 0 && !index.has(name)) index.set(name, index.size);
    }
  }
  return index;
}

function technicianArrays(technicians: readonly DispatchTechnician[], skillIndex: Map<string, number>): TechnicianArrays {
  const count = technicians.length;
  const arrays: TechnicianArrays = {
    located: new Uint8Array(count), lat: new Float64Array(count), lon: new Float64Array(count),
    cosLat: new Float64Array(count), level: new Float64Array(count * skillIndex.size), skillIndex,
  };
  technicians.forEach((tech, t) => {
    if (tech.location !== null) {
      arrays.located[t] = 1;
      arrays.lat[t] = tech.location.lat * RADIANS_PER_DEGREE;
      arrays.lon[t] = tech.location.lon * RADIANS_PER_DEGREE;
      arrays.cosLat[t] = Math.cos(arrays.lat[t]!);
    }
    // Only own entries: a skill named "constructor" must not find Object.prototype's.
    for (const [name, level] of Object.entries(tech.skills)) {
      const skill = skillIndex.get(name);
      if (skill !== undefined && level > 0) arrays.level[t * skillIndex.size + skill] = level;
    }
  });
  return arrays;
}

/** Whole slots, at most one per order: a technician can never use more columns than that. */
function usableSlots(slots: number, orders: number): number {
  return slots > 0 ? Math.min(Math.floor(slots), orders) : 0;
}

import type { DispatchCostTable } from './dispatch-costs.js';
import { NOT_ASSIGNED, type DispatchChoice } from './dispatch-plan.js';

/**
 * Batch dispatch as a matrix for the Hungarian solver (docs/dispatch.md has the long form).
 *
 * - Only orders with at least one feasible technician take part; the others cannot be helped and
 *   are reported with their reason. Each technician becomes min(slots, orders it could serve)
 *   identical slots.
 * - Serving an order earns a reward of BONUS × weight, weight 4/3/2/1 for urgent/high/normal/low,
 *   BONUS larger than the cost of any whole plan: the entry for (order, slot) is
 *   cost − BONUS × weight, Infinity when the pair is infeasible. Minimising the sum therefore
 *   first maximises the weighted number of served orders, and only then minimises travel plus
 *   skill gap among the plans that reach it.
 * - Why weights 4..1 are enough: the sets of orders that can all be served together form a
 *   (transversal) matroid, and in a matroid a maximum-weight set for positive weights is a basis —
 *   as many orders as can possibly be served — built greedily from the heaviest down. So the
 *   weighted optimum also serves the most orders and never drops an urgent order to make room for
 *   a less urgent one: only the order of the weights matters, not their size.
 * - The solver assigns every row, so the rows (orders, or slots when capacity is short: see
 *   ordersAsRows) get D dummy columns costing 0 that mean "stays out" (an order left out, or a
 *   slot left empty). D = rows − the number the greedy plan served: the optimum serves at least
 *   as many, so it never needs more, and the greedy plan proves a complete assignment exists.
 * - When orders are the rows they are added most urgent first: a later, less urgent order then
 *   finds the slots held at a much lower reduced cost than its own "stays out" column and its
 *   search ends at once, instead of first displacing more urgent orders to no avail.
 */
export interface AssignmentShape {
  /** Order index of each order that takes part. */
  orders: Int32Array;
  /** Technician index of each slot. */
  slotTech: Int32Array;
  /** True: rows are orders and columns slots; false: the other way round. */
  ordersAreRows: boolean;
  rows: number;
  cols: number;
}

/** Rows and columns of the matrix, without its costs, so the caller can check the size first. */
export function shapeAssignmentProblem(table: DispatchCostTable, greedy: DispatchChoice): AssignmentShape {
  const orders: number[] = [];
  const servable = new Int32Array(table.technicians);
  let greedyServed = 0;
  for (let o = 0; o < table.orders; o++) {
    if (table.blocked[o] !== null) continue;
    orders.push(o);
    if (greedy[o] !== NOT_ASSIGNED) greedyServed++;
    for (let t = 0, at = o * table.technicians; t < table.technicians; t++, at++) {
      if (table.cost[at]! < Infinity) servable[t] = servable[t]! + 1;
    }
  }
  const slotTech: number[] = [];
  for (let t = 0; t < table.technicians; t++) {
    for (let s = Math.min(table.slots[t]!, servable[t]!); s > 0; s--) slotTech.push(t);
  }
  const ordersAreRows = ordersAsRows(orders, slotTech.length, table.priorityRank);
  if (ordersAreRows) orders.sort((a, b) => table.priorityRank[a]! - table.priorityRank[b]! || a - b);
  const rows = ordersAreRows ? orders.length : slotTech.length;
  const cols = (ordersAreRows ? slotTech.length : orders.length) + rows - greedyServed;
  return { orders: Int32Array.from(orders), slotTech: Int32Array.from(slotTech), ordersAreRows, rows, cols };
}

/** The row-major matrix: cost − BONUS × priority weight for (order, slot), 0 for the dummy columns. */
export function assignmentCosts(shape: AssignmentShape, table: DispatchCostTable): Float64Array {
  const { orders: orderOf, slotTech, ordersAreRows, rows, cols } = shape;
  const bonus = serveBonus(table, orderOf);
  const reward = Float64Array.from(orderOf, (o) => bonus * (4 - table.priorityRank[o]!));
  const matrix = new Float64Array(rows * cols); // dummy columns stay 0
  for (let i = 0; i < orderOf.length; i++) {
    const pairBase = orderOf[i]! * table.technicians;
    for (let s = 0; s < slotTech.length; s++) {
      const at = ordersAreRows ? i * cols + s : s * cols + i;
      matrix[at] = table.cost[pairBase + slotTech[s]!]! - reward[i]!;
    }
  }
  return matrix;
}

/** Technician index per order from the solver's column per row; dummy columns mean "stays out". */
export function choiceFromSolution(shape: AssignmentShape, colOfRow: Int32Array, orderCount: number): DispatchChoice {
  const { orders, slotTech, ordersAreRows, rows } = shape;
  const choice = new Int32Array(orderCount).fill(NOT_ASSIGNED);
  for (let r = 0; r < rows; r++) {
    const c = colOfRow[r]!;
    if (ordersAreRows) {
      if (c < slotTech.length) choice[orders[r]!] = slotTech[c]!;
    } else if (c < orders.length) {
      choice[orders[c]!] = slotTech[r]!;
    }
  }
  return choice;
}

/**
 * Which side becomes the rows. Both give the same optimum, not in the same time: the work goes
 * into the priority tiers that compete for the last slots. With orders as rows, most urgent
 * first, the tiers that fit are placed quickly and the tier where capacity runs out is the costly
 * part — each of its orders searches the slots its tier holds before it settles on staying out,
 * about (tier size)² steps. With slots as rows, every tier served in full is a square problem of
 * its own, about Σ (tier size)², while the tier where capacity runs out is cheap because its free
 * orders abound. On the instances measured in docs/dispatch.md this picked the faster side each time.
 */
function ordersAsRows(orders: readonly number[], slots: number, priorityRank: Uint8Array): boolean {
  if (orders.length <= slots) return true;
  const tierSize = [0, 0, 0, 0];
  for (const o of orders) tierSize[priorityRank[o]!]! += 1;
  let placed = 0;
  let fullTiersWork = 0;
  for (const size of tierSize) {
    if (placed + size > slots) return size * size <= fullTiersWork;
    placed += size;
    fullTiersWork += size * size;
  }
  return true;
}

/** More than any plan can cost: one plus the dearest feasible pair of every order, summed. */
function serveBonus(table: DispatchCostTable, orders: Int32Array): number {
  let total = 1;
  for (const o of orders) {
    let dearest = 0;
    for (let t = 0, at = o * table.technicians; t < table.technicians; t++, at++) {
      const cost = table.cost[at]!;
      if (cost < Infinity && cost > dearest) dearest = cost;
    }
    total += dearest;
  }
  return total;
}

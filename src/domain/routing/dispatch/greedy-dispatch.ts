import { buildCostTable, PRIORITY_RANK, resolveDispatchOptions, type DispatchCostTable } from './dispatch-costs.js';
import { buildDispatchPlan, NOT_ASSIGNED, type DispatchChoice } from './dispatch-plan.js';
import type { DispatchOptions, DispatchOrder, DispatchPlan, DispatchTechnician } from './dispatch-types.js';

/** Baseline plan: orders by priority then id, each takes the cheapest feasible technician with a free slot. */
export function planGreedyDispatch(
  orders: DispatchOrder[],
  technicians: DispatchTechnician[],
  options?: DispatchOptions,
): DispatchPlan {
  const table = buildCostTable(orders, technicians, resolveDispatchOptions(options));
  return buildDispatchPlan(orders, technicians, table, greedyChoice(table, orders), 'greedy');
}

/** The greedy choice on a priced table; ties in cost go to the technician listed first. */
export function greedyChoice(table: DispatchCostTable, orders: readonly DispatchOrder[]): DispatchChoice {
  const choice = new Int32Array(table.orders).fill(NOT_ASSIGNED);
  const free = Int32Array.from(table.slots);
  const { cost, technicians } = table;
  for (const o of servingOrder(orders)) {
    let best = NOT_ASSIGNED;
    let bestCost = Infinity;
    for (let t = 0, at = o * technicians; t < technicians; t++, at++) {
      if (free[t]! > 0 && cost[at]! < bestCost) {
        bestCost = cost[at]!;
        best = t;
      }
    }
    if (best === NOT_ASSIGNED) continue;
    choice[o] = best;
    free[best] = free[best]! - 1;
  }
  return choice;
}

/** Order indices, most pressing first, then by id (code-unit order, so it never depends on a locale). */
function servingOrder(orders: readonly DispatchOrder[]): number[] {
  return orders.map((_, o) => o).sort((a, b) => {
    const x = orders[a]!;
    const y = orders[b]!;
    const byRank = PRIORITY_RANK[x.priority] - PRIORITY_RANK[y.priority];
    if (byRank !== 0) return byRank;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : a - b;
  });
}

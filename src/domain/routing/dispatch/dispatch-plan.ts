import type { DispatchCostTable } from './dispatch-costs.js';
import type { DispatchOrder, DispatchPlan, DispatchTechnician } from './dispatch-types.js';

/** Technician index per order, or NOT_ASSIGNED: what both planners produce before it is presented. */
export type DispatchChoice = Int32Array;
export const NOT_ASSIGNED = -1;

/** Turns a choice into a plan listing orders in input order; an order left out with a feasible technician lacked capacity. */
export function buildDispatchPlan(
  orders: readonly DispatchOrder[],
  technicians: readonly DispatchTechnician[],
  table: DispatchCostTable,
  choice: DispatchChoice,
  method: DispatchPlan['method'],
): DispatchPlan {
  const plan: DispatchPlan = { assignments: [], unassigned: [], totalCost: 0, method };
  for (let o = 0; o < orders.length; o++) {
    const orderId = orders[o]!.id;
    const t = choice[o]!;
    if (t === NOT_ASSIGNED) {
      plan.unassigned.push({ orderId, reason: table.blocked[o] ?? 'no_capacity' });
      continue;
    }
    const at = o * table.technicians + t;
    const cost = table.cost[at]!;
    plan.assignments.push({
      orderId, technicianId: technicians[t]!.id, distanceKm: table.distanceKm[at]!, skillGap: table.skillGap[at]!, cost,
    });
    plan.totalCost += cost;
  }
  return plan;
}

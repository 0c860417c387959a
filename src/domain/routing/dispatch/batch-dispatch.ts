import { assignmentCosts, choiceFromSolution, shapeAssignmentProblem } from './assignment-problem.js';
import { buildCostTable, resolveDispatchOptions } from './dispatch-costs.js';
import { buildDispatchPlan, NOT_ASSIGNED } from './dispatch-plan.js';
import type { DispatchOptions, DispatchOrder, DispatchPlan, DispatchTechnician } from './dispatch-types.js';
import { greedyChoice } from './greedy-dispatch.js';
import { solveAssignment } from './hungarian.js';

/**
 * Largest matrix (rows × columns) solved exactly: 80 MB of Float64Array, and seconds rather than
 * milliseconds when thousands of orders fight over too few slots (docs/dispatch.md has figures).
 * Beyond it the plan is the greedy one and says so in `method`: a plan that takes minutes helps nobody.
 */
export const MAX_OPTIMAL_CELLS = 10_000_000;

/**
 * Optimal plan: serves as many orders as possible, never leaving a more urgent order out for a
 * less urgent one, then minimises total travel plus skill gap; never worse than planGreedyDispatch.
 */
export function planBatchDispatch(
  orders: DispatchOrder[],
  technicians: DispatchTechnician[],
  options?: DispatchOptions,
): DispatchPlan {
  const table = buildCostTable(orders, technicians, resolveDispatchOptions(options));
  const greedy = greedyChoice(table, orders);
  const shape = shapeAssignmentProblem(table, greedy);
  if (shape.rows * shape.cols > MAX_OPTIMAL_CELLS) return buildDispatchPlan(orders, technicians, table, greedy, 'greedy');
  if (shape.rows === 0) {
    return buildDispatchPlan(orders, technicians, table, new Int32Array(orders.length).fill(NOT_ASSIGNED), 'optimal');
  }
  const colOfRow = solveAssignment(assignmentCosts(shape, table), shape.rows, shape.cols);
  return buildDispatchPlan(orders, technicians, table, choiceFromSolution(shape, colOfRow, orders.length), 'optimal');
}

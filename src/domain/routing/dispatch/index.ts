export { planBatchDispatch, MAX_OPTIMAL_CELLS } from './batch-dispatch.js';
export { planGreedyDispatch } from './greedy-dispatch.js';
export { haversineKm } from './geo.js';
export type {
  DispatchAssignment, DispatchOptions, DispatchOrder, DispatchPlan, DispatchPriority, DispatchTechnician,
  DispatchUnassignedReason, GeoPoint,
} from './dispatch-types.js';

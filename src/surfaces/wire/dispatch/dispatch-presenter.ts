import type { BatchDispatchOutcome } from '../../../commands/dispatch/batch-dispatch-command.js';

const round = (value: number) => Math.round(value * 1000) / 1000;

/** A dispatch plan next to the greedy one, and what applying it did. */
export function presentDispatch(outcome: BatchDispatchOutcome) {
  const { plan, greedy, applied } = outcome;
  return {
    method: plan.method,
    total_cost: round(plan.totalCost),
    assigned: plan.assignments.length,
    assignments: plan.assignments.map((a) => ({
      ticket_id: a.orderId, agent_id: a.technicianId, distance_km: round(a.distanceKm), skill_gap: a.skillGap, cost: round(a.cost),
    })),
    unassigned: plan.unassigned.map((u) => ({ ticket_id: u.orderId, reason: u.reason })),
    greedy: { total_cost: round(greedy.totalCost), assigned: greedy.assignments.length },
    applied: applied?.map((r) => ({ ticket_id: r.ticketId, agent_id: r.agentId, status: r.status, ...(r.reason ? { reason: r.reason } : {}) })) ?? null,
  };
}

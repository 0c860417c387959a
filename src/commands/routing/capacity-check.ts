import type { CapacityClass } from '../../domain/routing/capacity.js';
import type { Router } from '../../domain/routing/router.js';
import type { RoutingContext } from './routing-context.js';

/**
 * Confirms in the store that the agent can take `units` more in the class: present, not removed,
 * and within capacity counting held tickets and pending offers. On PostgreSQL the agent's row is
 * locked first, so two nodes choosing the same agent take turns and the second sees the first's
 * assignment. Unless `mayWait` (the transaction holds no row another could be waiting for), an
 * agent whose row another transaction holds is passed over, not waited for: a transaction that
 * waited here while holding a ticket or another agent could wait on one that waits for what it
 * holds (a deadlock the database breaks only after a second, again and again under load). The
 * work goes to the next candidate, or waits for the other transaction's pull or the routing sweep.
 * The router's in-memory load is corrected with what the store says.
 */
export async function confirmCapacity(
  ctx: RoutingContext,
  router: Router,
  agentId: string,
  capacityClass: CapacityClass,
  units: number,
  mayWait: boolean,
): Promise<boolean> {
  const agent = await ctx.tx.agents.lockForAssignment(ctx.workspaceId, agentId, { passOverHeld: !mayWait });
  if (!agent || agent.removedAt !== null || agent.status !== 'available') return false;
  const taken = await ctx.tx.workload.unitsTaken(ctx.workspaceId, agentId, capacityClass);
  router.pool.setLoad(agentId, capacityClass, taken);
  return taken + units <= (agent.capacity[capacityClass] ?? 0);
}

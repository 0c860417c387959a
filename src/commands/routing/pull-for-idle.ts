import { CAPACITY_CLASSES } from '../../domain/routing/capacity.js';
import type { Router } from '../../domain/routing/router.js';
import { pullWork } from './pull-work.js';
import type { RoutingContext } from './routing-context.js';

/** Agents with room that pull per run, most room first: a bound on one run's work. */
const AGENTS_PER_RUN = 50;

/**
 * The safety net of liveness: in each queue where work waits, the members who are available and
 * have room (counted from the store, so a release made by another node or process is seen) pull
 * the waiting work they may take. Routing pulls at once on every release it makes itself; this
 * catches what it could not see. Returns how many tickets were placed.
 */
export async function pullForIdleAgentsCommand(ctx: RoutingContext): Promise<number> {
  const router = await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, ctx.clock.now());
  if (!router) return 0;
  const members = new Set<string>();
  for (const queueId of router.policy.queues.keys()) {
    if ((await ctx.tx.workload.waiting(ctx.workspaceId, [queueId], 1)).length === 0) continue;
    for (const slot of router.pool.membersOf(queueId).slots) members.add(router.pool.agents[slot]!.id);
  }
  if (members.size === 0) return 0;
  const ids = [...members];
  router.pool.resetLoadsOf(ids, await ctx.tx.workload.allHeldUnits(ctx.workspaceId, ids));
  let placed = 0;
  for (const agentId of withRoom(router, ids).slice(0, AGENTS_PER_RUN)) placed += (await pullWork(ctx, agentId)).length;
  return placed;
}

/** The available agents among `agentIds` with room in some class, most room first. */
function withRoom(router: Router, agentIds: readonly string[]): string[] {
  const pool = router.pool;
  const room = (slot: number) => Math.max(...CAPACITY_CLASSES.map((_, c) => pool.capacity[c]![slot]! - pool.load[c]![slot]!));
  return agentIds
    .map((id) => ({ id, slot: pool.slotOf(id) }))
    .filter(({ slot }) => slot >= 0 && pool.available[slot] === 1 && room(slot) > 0)
    .sort((a, b) => room(b.slot) - room(a.slot))
    .map(({ id }) => id);
}

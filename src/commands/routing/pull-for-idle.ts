import { CAPACITY_CLASSES } from '../../domain/routing/capacity.js';
import type { Router } from '../../domain/routing/router.js';
import type { RoutingContext } from './routing-context.js';

/** Agents with room that pull per run, most room first: a bound on one run's work. */
const AGENTS_PER_RUN = 50;

/**
 * The safety net of liveness: the members of queues where work waits who are available and
 * have room, counted from the store (so a release made by another node or process is seen), most
 * room first. Routing pulls at once on every release it makes itself; the worker's routing sweep
 * has these agents pull, each in a transaction of its own, to catch what routing could not see.
 */
export async function idleAgentsBesideWaitingWork(ctx: RoutingContext): Promise<string[]> {
  const router = await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, ctx.clock.now());
  if (!router) return [];
  const members = new Set<string>();
  for (const queueId of router.policy.queues.keys()) {
    if ((await ctx.tx.workload.waiting(ctx.workspaceId, [queueId], 1)).length === 0) continue;
    for (const slot of router.pool.membersOf(queueId).slots) members.add(router.pool.agents[slot]!.id);
  }
  if (members.size === 0) return [];
  const ids = [...members];
  router.pool.resetLoadsOf(ids, await ctx.tx.workload.allHeldUnits(ctx.workspaceId, ids));
  return withRoom(router, ids).slice(0, AGENTS_PER_RUN);
}

/** The available agents among `agentIds` with room in some class, most room first. */
function withRoom(router: Router, agentIds: readonly string[]): string[] {
  const pool = router.pool;
  const room = (slot: number) => Math.max(...CAPACITY_CLASSES.map((_, c) => pool.roomIn(slot, c)));
  return agentIds
    .map((id) => ({ id, slot: pool.slotOf(id) }))
    .filter(({ slot }) => slot >= 0 && pool.available[slot] === 1 && room(slot) > 0)
    .sort((a, b) => room(b.slot) - room(a.slot))
    .map(({ id }) => id);
}

import { placeChanged, waitingRank } from '../../domain/routing/waiting-rank.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import type { CommandContext } from '../context.js';
import { canRoute } from './routing-context.js';

/**
 * A waiting ticket's place after a change: work raised to urgent, or whose deadline moved, takes
 * its new place among the waiting work of its queue instead of keeping the one it queued with.
 */
export async function waitingPlaceAfterChange(ctx: CommandContext, before: Ticket, after: Ticket): Promise<number | null> {
  if (after.queueRank === null || !canRoute(ctx) || !placeChanged(before, after)) return after.queueRank;
  const router = await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, ctx.clock.now());
  const queue = router?.policy.queues.get(after.routing?.queue ?? after.queue ?? '');
  return router && queue ? waitingRank(after, queue.ordering, router.policy.agingMs) : after.queueRank;
}

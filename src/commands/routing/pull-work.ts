import { channelsOfClass } from '../../domain/routing/capacity.js';
import { RoutingProcess } from '../../domain/routing/routing-process.js';
import type { Channel, Ticket } from '../../domain/ticket/ticket.js';
import { routeTicket } from './route-ticket.js';
import type { RoutingContext } from './routing-context.js';

/** How many waiting tickets a pull reads first; the window doubles while none of them is for the agent. */
const PULL_WINDOW = 25;

/** Routes the best waiting tickets this agent may take, while they have room. */
export async function pullWork(ctx: RoutingContext, agentId: string): Promise<Ticket[]> {
  const taken: Ticket[] = [];
  const router = await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, ctx.clock.now());
  const queues = router?.pool.queuesOf(agentId) ?? [];
  if (!router || queues.length === 0) return taken;
  const routingProcess = new RoutingProcess(router);
  const tried = new Set<string>();
  for (;;) {
    // Only work of a class the agent has room in could be theirs: the rest is never read.
    const channels = router.pool.classesWithRoom(agentId).flatMap(channelsOfClass);
    if (channels.length === 0) return taken;
    const next = await nextTakeable(ctx, queues, channels, (ticket) => routingProcess.takes(agentId, ticket, ctx.clock.now()), tried);
    if (!next) return taken;
    const outcome = await routeTicket(ctx, next, { resume: true, preferred: { agentId, reason: 'capacity freed: took the best waiting ticket' } });
    // A ticket blocked (or held for approval) since it began waiting is parked now; the agent's room is still free.
    if (outcome.outcome === 'waiting_on_blockers' || outcome.outcome === 'waiting_on_approval') continue;
    if (outcome.ticket.assigneeId !== agentId && outcome.outcome !== 'offered') return taken;
    taken.push(outcome.ticket);
  }
}

/**
 * The best waiting ticket not tried yet that `takes` accepts, or null when none waits. Reads the
 * head of the queues, and twice as much each time it held nothing for the agent (every ticket
 * there passed on by them, say), so a ticket further back is never left beside their free room.
 */
async function nextTakeable(
  ctx: RoutingContext, queues: readonly string[], channels: readonly Channel[], takes: (ticket: Ticket) => boolean, tried: Set<string>,
): Promise<Ticket | null> {
  for (let window = PULL_WINDOW; ; window *= 2) {
    const waiting = await ctx.tx.workload.waiting(ctx.workspaceId, queues, window, channels);
    for (const ticket of waiting) {
      if (tried.has(ticket.id)) continue;
      tried.add(ticket.id);
      if (takes(ticket)) return ticket;
    }
    if (waiting.length < window) return null;
  }
}

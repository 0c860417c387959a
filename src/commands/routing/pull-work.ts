import { RoutingProcess } from '../../domain/routing/routing-process.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import { routeTicket } from './route-ticket.js';
import type { RoutingContext } from './routing-context.js';

/** How many waiting tickets are looked at per pull; the best the agent may take wins. */
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
    const waiting = (await ctx.tx.workload.waiting(ctx.workspaceId, queues, PULL_WINDOW)).filter((t) => !tried.has(t.id));
    const next = waiting.find((ticket) => {
      tried.add(ticket.id);
      return routingProcess.takes(agentId, ticket, ctx.clock.now());
    });
    if (!next) return taken;
    const outcome = await routeTicket(ctx, next, { resume: true, preferred: { agentId, reason: 'capacity freed: took the best waiting ticket' } });
    // A ticket blocked (or held for approval) since it began waiting is parked now; the agent's room is still free.
    if (outcome.outcome === 'waiting_on_blockers' || outcome.outcome === 'waiting_on_approval') continue;
    if (outcome.ticket.assigneeId !== agentId && outcome.outcome !== 'offered') return taken;
    taken.push(outcome.ticket);
  }
}

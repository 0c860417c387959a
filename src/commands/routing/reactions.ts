import type { Agent } from '../../domain/agent/agent.js';
import { ACTIVE_STATUSES, capacityClassOf } from '../../domain/routing/capacity.js';
import { outcomeOfChange } from '../../domain/portal/csat.js';
import { DONE_STATUSES, type TicketStatus } from '../../domain/ticket/status.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import { saveTicket } from '../load-ticket.js';
import { recordEvent } from '../record-event.js';
import { heldRouting } from './approval-wait.js';
import { cancelOfferCommand, withdrawOfferCommand } from './offer-commands.js';
import { pullWork } from './pull-work.js';
import { routeTicket } from './route-ticket.js';
import type { RoutingContext } from './routing-context.js';

const ACTIVE: ReadonlySet<TicketStatus> = new Set(ACTIVE_STATUSES);

/**
 * Keeps routing in step with a ticket change: freed capacity pulls waiting work, a resolved
 * ticket releases the tickets blocked by it, a ticket sent back to the queue is routed again.
 */
export async function afterTicketChange(ctx: RoutingContext, before: Ticket, after: Ticket): Promise<void> {
  const released = before.assigneeId !== null && ACTIVE.has(before.status)
    && (!ACTIVE.has(after.status) || after.assigneeId !== before.assigneeId);
  if (released) {
    const router = await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, ctx.clock.now());
    if (router) ctx.routing.addLoad(ctx, router, before.assigneeId!, capacityClassOf(before.channel), -before.loadUnits);
  }
  // Someone moved waiting work to another queue by hand: a re-route, routed within that queue.
  const transferred = after.queue !== before.queue && before.status === 'queued' && after.status === 'queued' && after.assigneeId === null;
  const offerId = before.routing?.offerId ?? null;
  const offerLeft = offerId !== null && (after.status !== 'queued' || after.assigneeId !== null || transferred);
  const withdrawn = offerLeft ? await withdrawOfferCommand(ctx, offerId, after.id) : null;
  if (transferred) {
    await routeTicket(ctx, { ...after, routing: heldRouting(after, ctx.clock.now()), reroutes: after.reroutes + 1 });
  } else if (after.status === 'queued' && after.assigneeId === null && before.status !== 'queued') {
    await routeTicket(ctx, after, { resume: after.routing !== null, requeued: true });
  }
  if (!DONE_STATUSES.has(before.status) && DONE_STATUSES.has(after.status)) await releaseBlocked(ctx, after.id);
  await recordOutcome(ctx, before, after);
  if (released) await pullWork(ctx, before.assigneeId!);
  if (withdrawn) await pullWork(ctx, withdrawn.agentId);
}

/** Keeps routing in step with an agent change: going away re-routes their unstarted work; coming back pulls work. */
export async function afterAgentChange(ctx: RoutingContext, before: Agent, after: Agent): Promise<void> {
  const wasAvailable = before.status === 'available' && before.removedAt === null;
  const isAvailable = after.status === 'available' && after.removedAt === null;
  if (wasAvailable && !isAvailable) await redispatch(ctx, after.id);
  const moreCapacity = (['email', 'chat', 'phone'] as const).some((c) => (after.capacity[c] ?? 0) > (before.capacity[c] ?? 0));
  if (isAvailable && (!wasAvailable || moreCapacity)) await pullWork(ctx, after.id);
}

/**
 * Sends an absent agent's unstarted work and open offers back to be routed to someone else. The
 * agent is not counted as having declined: their absence already keeps routing away from them,
 * and when they return they may pull the work back if nobody took it meanwhile.
 */
export async function redispatch(ctx: RoutingContext, agentId: string): Promise<void> {
  for (const offer of await ctx.tx.offers.pendingForAgent(ctx.workspaceId, agentId)) await cancelOfferCommand(ctx, offer);
  const router = await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, ctx.clock.now());
  for (const ticket of await ctx.tx.workload.assignedNotStarted(ctx.workspaceId, agentId)) {
    const now = ctx.clock.now();
    const requeued: Ticket = { ...ticket, status: 'queued', assigneeId: null, version: ticket.version + 1, updatedAt: now };
    await saveTicket(ctx, requeued, ticket);
    // The in-memory load must drop with the ticket, or the agent looks full when they come back.
    if (router) ctx.routing.addLoad(ctx, router, agentId, capacityClassOf(ticket.channel), -ticket.loadUnits);
    await recordEvent(ctx, {
      entityKind: 'ticket', entityId: ticket.id, ticketId: ticket.id, type: 'ticket.redispatched',
      before: { status: ticket.status, assigneeId: agentId }, after: { status: 'queued', assigneeId: null },
      data: { reason: 'agent no longer available', agent: agentId },
    });
    await routeTicket(ctx, requeued, { resume: true, requeued: true });
  }
}

/** Keeps the agent's record for `best_performer` in step with a resolution or a first reopening. */
async function recordOutcome(ctx: RoutingContext, before: Ticket, after: Ticket): Promise<void> {
  const record = outcomeOfChange(before, after);
  if (!record) return;
  await ctx.tx.performance.add(ctx.workspaceId, record);
  const router = await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, ctx.clock.now());
  if (router) ctx.tx.afterCommit(() => router.performance.add(record));
}

/** Routes the tickets that were waiting only for this one to be done. */
async function releaseBlocked(ctx: RoutingContext, blockerId: string): Promise<void> {
  for (const id of await ctx.tx.tickets.linkedTo(ctx.workspaceId, blockerId, 'blocked_by')) {
    const ticket = await ctx.tx.tickets.get(ctx.workspaceId, id);
    if (!ticket || !ticket.routing || ticket.routing.waitingOn.length === 0 || ticket.assigneeId !== null) continue;
    await routeTicket(ctx, ticket);
  }
}

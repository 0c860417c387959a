import { capacityClassOf } from '../../domain/routing/capacity.js';
import type { RoutingDecision } from '../../domain/routing/decision.js';
import type { Router, RouteRequest } from '../../domain/routing/router.js';
import { placeTicket, type Placement, type PlacementChoice } from '../../domain/routing/placement.js';
import { CUSTOMER_HISTORY, previousAgent } from '../../domain/routing/previous-agent.js';
import { planPlacement, routeRequest as routeRequestOf } from '../../domain/routing/routing-process.js';
import { DONE_STATUSES } from '../../domain/ticket/status.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import { policyApprovalGate } from '../approval/policy-approval.js';
import { awaitingHolds, waitOnApprovals } from './approval-wait.js';
import { confirmCapacity } from './capacity-check.js';
import { carryOutPlacement, waitOnBlockers, type RouteOutcome } from './placement.js';
import type { RoutingContext } from './routing-context.js';

export interface RouteOptions {
  /** Continue at the ticket's current rule and step (after a time-out or decline) instead of matching anew. */
  resume?: boolean;
  /** Move on to the next step of the rule (a step time-out). */
  nextStep?: boolean;
  /** Prefer this agent when eligible (an agent whose capacity just freed pulls the ticket). */
  preferred?: { agentId: string; reason: string };
  /**
   * The ticket was held and has been sent back to the queue: its step's clock starts again, so the
   * step's time-out counts waiting from now (a step timer is only set when a step's clock starts).
   */
  requeued?: boolean;
  /** The customer's previous agent, when the caller read it already (intake, before its transaction). */
  customerAgent?: string | null;
  /**
   * The transaction holds no row another one could be waiting for (intake, before its insert), so
   * it may wait for the first candidate's row: nothing can be waiting on it in turn.
   */
  holdsNoRows?: boolean;
}

/**
 * Routes a ticket under the workspace's policy: waits for awaiting approvals that hold it and for
 * open blockers, else decides (a rule that asks for approval holds the ticket first), applies
 * the rule's actions, and hands the ticket to the first candidate whose capacity the store
 * confirms (directly or as an offer), or leaves it waiting in the queue. Returns the ticket as
 * saved and the decision that explains it.
 */
export async function routeTicket(ctx: RoutingContext, ticket: Ticket, options: RouteOptions = {}): Promise<RouteOutcome> {
  const now = ctx.clock.now();
  const router = await ctx.routing.routerFor(ctx.tx, ctx.workspaceId, now);
  if (!router) return { ticket, decision: null, outcome: 'not_routed' };
  const held = await awaitingHolds(ctx, ticket);
  if (held.length > 0) return waitOnApprovals(ctx, ticket, held);
  const blockers = await openBlockers(ctx, ticket);
  if (blockers.length > 0) return waitOnBlockers(ctx, ticket, blockers, now);
  const { request, decision } = await decideRoute(ctx, router, ticket, options, now);
  const gated = router.policy.hasApprovals && !request.resume ? await policyApprovalGate(ctx, router, ticket, decision) : null;
  if (gated) return gated;
  const placement = await placeDecision(ctx, router, ticket, decision, options, now);
  return { ...(await carryOutPlacement(ctx, router, ticket, placement)), decision };
}

/** A placement and the decision it carries out. */
export type DecidedPlacement = Placement & { decision: RoutingDecision };

/** The question put to the router about a ticket, and its answer. */
export async function decideRoute(
  ctx: RoutingContext, router: Router, ticket: Ticket, options: RouteOptions, now: number,
): Promise<{ request: RouteRequest; decision: RoutingDecision }> {
  const request = await routeRequest(ctx, ticket, options, now);
  return { request, decision: await ctx.routing.decide(ctx.tx, ctx.workspaceId, router, request) };
}

/**
 * The placement of a decision, not yet saved: with the first candidate whose capacity the store
 * confirms (directly or as an offer), or waiting in the queue when none can take it.
 */
export async function placeDecision(
  ctx: RoutingContext, router: Router, ticket: Ticket, decision: RoutingDecision, options: RouteOptions, now: number,
): Promise<DecidedPlacement> {
  const plan = planPlacement(router, ticket, decision, now, options);
  const capacityClass = capacityClassOf(plan.prepared.channel);
  let choice: PlacementChoice = { outcome: 'queued' };
  let mayWait = options.holdsNoRows === true;
  for (const candidate of decision.candidates) {
    const confirmed = await confirmCapacity(ctx, router, candidate.agentId, capacityClass, plan.units, mayWait);
    // From here on the transaction holds this agent's row: it waits for no other.
    mayWait = false;
    if (!confirmed) continue;
    choice = { outcome: decision.mode === 'offer' ? 'offered' : 'assigned', agentId: candidate.agentId };
    break;
  }
  return { ...placeTicket(plan, choice, now, ctx.ids), decision };
}

/** The question put to the router: where the ticket is, who to skip, who to prefer (the customer's previous agent). */
export async function routeRequest(ctx: RoutingContext, ticket: Ticket, options: RouteOptions, now: number): Promise<RouteRequest> {
  const preferred = options.preferred ?? sticky(options.customerAgent !== undefined ? options.customerAgent : await customerAgent(ctx, ticket, now));
  return routeRequestOf(ticket, now, { ...options, preferred });
}

function sticky(agentId: string | null): RouteRequest['preferred'] {
  return agentId ? { agentId, reason: 'previous agent of this customer' } : null;
}

async function customerAgent(ctx: RoutingContext, ticket: Ticket, now: number): Promise<string | null> {
  if (!ticket.customer || (!ticket.customer.id && !ticket.customer.email)) return null;
  return previousAgent(await ctx.tx.tickets.ofCustomer(ctx.workspaceId, ticket.customer, CUSTOMER_HISTORY), now, ticket.id);
}

async function openBlockers(ctx: RoutingContext, ticket: Ticket): Promise<string[]> {
  const ids = ticket.links.filter((link) => link.kind === 'blocked_by').map((link) => link.ticketId);
  const open: string[] = [];
  for (const id of ids) {
    const blocker = await ctx.tx.tickets.get(ctx.workspaceId, id);
    if (blocker && !DONE_STATUSES.has(blocker.status)) open.push(id);
  }
  return open;
}


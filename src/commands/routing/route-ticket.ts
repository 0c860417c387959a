import { capacityClassOf } from '../../domain/routing/capacity.js';
import type { RoutingDecision } from '../../domain/routing/decision.js';
import type { Router, RouteRequest } from '../../domain/routing/router.js';
import type { RoutingState } from '../../domain/routing/routing-state.js';
import { DONE_STATUSES } from '../../domain/ticket/status.js';
import type { Priority, Ticket } from '../../domain/ticket/ticket.js';
import { policyApprovalGate } from '../approval/policy-approval.js';
import { awaitingHolds, waitOnApprovals } from './approval-wait.js';
import { confirmCapacity } from './capacity-check.js';
import { assignTo, enqueue, offerTo, waitOnBlockers, type Placement, type RouteOutcome } from './placement.js';
import type { RoutingContext } from './routing-context.js';

/** How far back a customer's previous agent is remembered for sticky routing. */
const STICKY_WINDOW_MS = 14 * 86_400_000;

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

  const request = await routeRequest(ctx, ticket, options, now);
  const decision = await decideWithFreshLoads(ctx, router, request);
  const gated = router.policy.hasApprovals && !request.resume ? await policyApprovalGate(ctx, router, ticket, decision) : null;
  if (gated) return gated;
  const prepared = applyRuleActions(ticket, decision);
  const capacityClass = capacityClassOf(prepared.channel);
  const units = router.policy.ticketSizes[prepared.type] ?? 1;
  const state = nextState(ticket, decision, now, options);
  // Compared with the time read above, not a fresh reading: a real clock moves while the request runs.
  const placement: Placement = { router, original: ticket, prepared, decision, state, stepStarted: state.stepStartedAt === now, units };
  for (const candidate of decision.candidates) {
    if (!(await confirmCapacity(ctx, router, candidate.agentId, capacityClass, units))) continue;
    return decision.mode === 'offer' ? offerTo(ctx, placement, candidate.agentId) : assignTo(ctx, placement, candidate.agentId);
  }
  return enqueue(ctx, placement);
}

/** The router's decision; when it finds the queue full, decided again on loads recounted from the store. */
async function decideWithFreshLoads(ctx: RoutingContext, router: Router, request: RouteRequest): Promise<RoutingDecision> {
  const decision = router.decide(request);
  const full = decision.candidates.length === 0 && (decision.excluded.at_capacity ?? 0) > 0;
  return full && (await ctx.routing.recountFullQueue(ctx.tx, ctx.workspaceId, decision.queue)) ? router.decide(request) : decision;
}

/** The question put to the router: where the ticket is, who to skip, who to prefer. */
export async function routeRequest(ctx: RoutingContext, ticket: Ticket, options: RouteOptions, now: number): Promise<RouteRequest> {
  const state = ticket.routing;
  const resume = (options.resume || options.nextStep) && state
    ? { rule: state.rule, step: state.step + (options.nextStep ? 1 : 0) }
    : undefined;
  return { ticket, now, resume, excluded: new Set(state?.declined ?? []), preferred: options.preferred ?? (await stickyAgent(ctx, ticket, now)) };
}

async function stickyAgent(ctx: RoutingContext, ticket: Ticket, now: number): Promise<RouteRequest['preferred']> {
  if (!ticket.customer || (!ticket.customer.id && !ticket.customer.email)) return null;
  const agentId = await ctx.tx.workload.lastAgentForCustomer(ctx.workspaceId, ticket.customer, now - STICKY_WINDOW_MS, ticket.id);
  return agentId ? { agentId, reason: 'previous agent of this customer' } : null;
}

/** The ticket's routing state after this decision (a new step, or a return to the queue, restarts the step clock). */
function nextState(ticket: Ticket, decision: RoutingDecision, now: number, options: RouteOptions): RoutingState {
  const previous = ticket.routing;
  const sameStep = !options.requeued && previous !== null && previous.rule === decision.rule && previous.step === decision.step;
  return {
    policyVersion: decision.policyVersion,
    rule: decision.rule,
    step: decision.step,
    queue: decision.queue,
    stepStartedAt: sameStep ? previous.stepStartedAt : now,
    declined: previous?.declined ?? [],
    offerId: null,
    waitingOn: [],
  };
}

function applyRuleActions(ticket: Ticket, decision: RoutingDecision): Ticket {
  const set = decision.set;
  if (!set.priority && !set.tags && !set.fields) return ticket;
  return {
    ...ticket,
    priority: (set.priority as Priority | undefined) ?? ticket.priority,
    tags: set.tags ? [...new Set([...ticket.tags, ...set.tags])] : ticket.tags,
    fields: set.fields ? { ...ticket.fields, ...(set.fields as Ticket['fields']) } : ticket.fields,
  };
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


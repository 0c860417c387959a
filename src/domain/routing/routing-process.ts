import type { Priority, Ticket } from '../ticket/ticket.js';
import type { RoutingDecision } from './decision.js';
import type { PlacementPlan } from './placement.js';
import type { CapacityClass } from './capacity.js';
import type { Router, RouteRequest } from './router.js';
import { waitingRank, type RankedTicket } from './waiting-rank.js';
import type { RoutingState } from './routing-state.js';

/** How a ticket comes to be routed again. */
export interface RerouteReason {
  /** The ticket was held and has been sent back to the queue: its step's clock starts again. */
  requeued?: boolean;
}

/**
 * Promises the plan of carrying out a decision: the ticket with the rule's actions applied, its
 * routing state (a new step, or a return to the queue, restarts the step's clock at `now`), the
 * capacity it takes and how its queue orders waiting work. The caller then picks the agent the
 * store confirms (or none) and `placeTicket` makes the placement.
 */
export function planPlacement(router: Router, ticket: Ticket, decision: RoutingDecision, now: number, reason: RerouteReason = {}): PlacementPlan {
  const prepared = applyRuleActions(ticket, decision);
  const state = nextRoutingState(ticket, decision, now, reason);
  const queue = router.policy.queues.get(decision.queue)!;
  return {
    original: ticket, prepared, decision, state,
    stepStarted: state.stepStartedAt === now,
    units: router.policy.ticketSizes[prepared.type] ?? 1,
    ordering: queue.ordering,
    agingMs: router.policy.agingMs,
  };
}

function nextRoutingState(ticket: Ticket, decision: RoutingDecision, now: number, reason: RerouteReason): RoutingState {
  const previous = ticket.routing;
  const sameStep = !reason.requeued && previous !== null && previous.rule === decision.rule && previous.step === decision.step;
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

/** Promises the state of a ticket parked until the tickets it is blocked by are done. */
export function blockedState(ticket: Ticket, blockers: string[], now: number): RoutingState {
  return {
    policyVersion: ticket.routing?.policyVersion ?? 0, rule: null, step: 0, queue: ticket.queue ?? '',
    stepStartedAt: now, declined: ticket.routing?.declined ?? [], offerId: null, waitingOn: blockers,
  };
}

/** Why a ticket is decided on now. */
export interface DecisionCause {
  /** Continue at the ticket's rule and step (a decline, a lapse, a return to the queue) instead of matching anew. */
  resume?: boolean;
  /** Go on to the next step of its rule (the step timed out). */
  nextStep?: boolean;
  /** An agent to prefer when eligible, and why (the customer's previous agent; an agent pulling work). */
  preferred?: { agentId: string; reason: string } | null;
}

/** Promises the question put to the router: the ticket's rule and step when resuming, who declined it, who to prefer. */
export function routeRequest(ticket: Ticket, now: number, cause: DecisionCause): RouteRequest {
  const state = ticket.routing;
  const resume = (cause.resume || cause.nextStep) && state
    ? { rule: state.rule, step: state.step + (cause.nextStep ? 1 : 0) }
    : undefined;
  return { ticket, now, resume, excluded: new Set(state?.declined ?? []), preferred: cause.preferred ?? null };
}

/**
 * Routing as a process: the questions the engine answers as work arrives, waits, times out and
 * is pulled by agents whose room freed. The live service and the simulator both ask it; the live
 * service then carries its answers out against the store, the simulator on its virtual clock.
 */
export class RoutingProcess {
  constructor(readonly router: Router) {}

  /** Promises where the ticket goes now and why (an arrival, a time-out, a decline, a return to the queue). */
  decide(ticket: Ticket, now: number, cause: DecisionCause = {}): RoutingDecision {
    return this.router.decide(routeRequest(ticket, now, cause));
  }

  /** Promises whether an agent whose room freed may take this waiting ticket, at its rule and step. */
  takes(agentId: string, ticket: Ticket, now: number): boolean {
    return this.router.accepts(routeRequest(ticket, now, { resume: ticket.routing !== null }), agentId);
  }

  /** Promises a waiting ticket's place in the queue a decision sent it to. */
  rank(ticket: RankedTicket, decision: RoutingDecision): number {
    return waitingRank(ticket, this.router.policy.queues.get(decision.queue)!.ordering, this.router.policy.agingMs);
  }

  /** Counts a ticket given or offered to an agent: the queue's turn, the agent's idle time and load. */
  placed(queueId: string, agentId: string, capacityClass: CapacityClass, units: number, at: number): void {
    this.router.noteAssignment(queueId, agentId, at);
    this.router.pool.addLoad(agentId, capacityClass, units);
  }
}

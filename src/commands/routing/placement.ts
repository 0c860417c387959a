import type { RoutingDecision } from '../../domain/routing/decision.js';
import type { Offer } from '../../domain/routing/offer.js';
import type { Placement } from '../../domain/routing/placement.js';
import type { Router } from '../../domain/routing/router.js';
import { blockedState } from '../../domain/routing/routing-process.js';
import type { RoutingDecisionRecord } from '../../domain/store/routing-store.js';
import { assertTransition } from '../../domain/ticket/status.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import { commit } from '../pipeline/commit.js';
import type { RoutingContext } from './routing-context.js';

export interface RouteOutcome {
  ticket: Ticket;
  decision: RoutingDecision | null;
  outcome: RoutingDecisionRecord['outcome'] | 'not_routed';
  offer?: Offer;
}

/**
 * Carries out a placement of a ticket that is saved already: the ticket's one change with its
 * event, timers, offer and the decision's record; the agent's load and the queue's turn count in
 * the routing pool from then on (a rollback has the agent recounted).
 */
export async function carryOutPlacement(ctx: RoutingContext, router: Router, original: Ticket, placement: Placement): Promise<RouteOutcome> {
  await commit(ctx, { before: original, after: placement.ticket, events: [placement.event], timers: placement.timers, routed: placement });
  notePlacement(ctx, router, placement);
  return { ticket: placement.ticket, decision: null, outcome: placement.record.outcome, ...(placement.offer ? { offer: placement.offer } : {}) };
}

/** Counts a placement in the routing pool: the agent's load, and the turn and idle time it used. */
export function notePlacement(ctx: RoutingContext, router: Router, placement: Placement): void {
  const { load, record } = placement;
  if (!load) return;
  // Being offered a ticket uses the agent's turn, or round-robin would offer everything to one agent.
  router.noteAssignment(placement.ticket.queue!, load.agentId, record.at);
  ctx.routing.addLoad(ctx, router, load.agentId, load.capacityClass, load.units);
}

/** Parks a ticket until the tickets it is blocked by are resolved. */
export async function waitOnBlockers(ctx: RoutingContext, ticket: Ticket, blockers: string[], now: number): Promise<RouteOutcome> {
  const routing = blockedState(ticket, blockers, now);
  const next: Ticket = { ...ticket, status: 'queued', assigneeId: null, routing, queueRank: null, version: ticket.version + 1, updatedAt: now };
  assertTransition(ticket.status, next.status);
  await commit(ctx, { before: ticket, after: next, events: [{ type: 'ticket.waiting_on_blockers', data: { blocked_by: blockers } }] });
  return { ticket: next, decision: null, outcome: 'waiting_on_blockers' };
}

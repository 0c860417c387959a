import { capacityClassOf } from '../../domain/routing/capacity.js';
import type { RoutingDecision } from '../../domain/routing/decision.js';
import type { Offer } from '../../domain/routing/offer.js';
import type { Router } from '../../domain/routing/router.js';
import type { RoutingState } from '../../domain/routing/routing-state.js';
import { waitingRank } from '../../domain/routing/waiting-rank.js';
import type { RoutingDecisionRecord } from '../../domain/store/routing-store.js';
import { assertTransition, type TicketStatus } from '../../domain/ticket/status.js';
import { diffTickets } from '../../domain/ticket/ticket-changes.js';
import type { Ticket } from '../../domain/ticket/ticket.js';
import { saveTicket } from '../load-ticket.js';
import { recordEvent } from '../record-event.js';
import type { RoutingContext } from './routing-context.js';
import { traceOf } from './trace.js';

export interface RouteOutcome {
  ticket: Ticket;
  decision: RoutingDecision | null;
  outcome: RoutingDecisionRecord['outcome'] | 'not_routed';
  offer?: Offer;
}

/** A decision about to be carried out: the ticket before and after the rule's actions. */
export interface Placement {
  router: Router;
  original: Ticket;
  prepared: Ticket;
  decision: RoutingDecision;
  state: RoutingState;
  /** The decision put the ticket at a step it was not at before: the step's clock starts now. */
  stepStarted: boolean;
  units: number;
}

/** Hands the ticket straight to the agent. */
export async function assignTo(ctx: RoutingContext, placement: Placement, agentId: string): Promise<RouteOutcome> {
  const { router, decision, units } = placement;
  const ticket = await persist(ctx, placement, 'assigned', {
    assigneeId: agentId, routing: placement.state, queueRank: null, loadUnits: units,
  }, 'assigned', agentId);
  router.noteAssignment(decision.queue, agentId, ctx.clock.now());
  router.pool.addLoad(agentId, capacityClassOf(ticket.channel), units);
  return { ticket, decision, outcome: 'assigned' };
}

/** Reserves the ticket for the agent until they answer or the offer expires. */
export async function offerTo(ctx: RoutingContext, placement: Placement, agentId: string): Promise<RouteOutcome> {
  const { router, decision, units } = placement;
  const now = ctx.clock.now();
  const offer: Offer = {
    id: ctx.ids.next('ofr'),
    workspaceId: ctx.workspaceId,
    ticketId: placement.original.id,
    agentId,
    status: 'pending',
    capacityClass: capacityClassOf(placement.prepared.channel),
    loadUnits: units,
    createdAt: now,
    expiresAt: now + decision.offerTimeoutMs,
    answeredAt: null,
  };
  await ctx.tx.offers.insert(offer);
  await ctx.tx.timers.insert({ id: ctx.ids.next('tmr'), workspaceId: ctx.workspaceId, kind: 'offer_timeout', ticketId: offer.ticketId, ref: offer.id, dueAt: offer.expiresAt, firedAt: null });
  // An offer may be declined or lapse with nobody else at the step, so the step's clock runs too.
  await armStepTimeout(ctx, placement);
  const ticket = await persist(ctx, placement, 'queued', {
    assigneeId: null, routing: { ...placement.state, offerId: offer.id }, queueRank: null, loadUnits: units,
  }, 'offered', agentId);
  // Being offered a ticket uses the agent's turn, or round-robin would offer everything to one agent.
  router.noteAssignment(decision.queue, agentId, now);
  router.pool.addLoad(agentId, offer.capacityClass, units);
  return { ticket, decision, outcome: 'offered', offer };
}

/** Leaves the ticket waiting in the queue, in its place by priority and age; arms the step time-out. */
export async function enqueue(ctx: RoutingContext, placement: Placement): Promise<RouteOutcome> {
  const { router, decision, state } = placement;
  const queue = router.policy.queues.get(decision.queue)!;
  const queueRank = waitingRank(placement.prepared, queue.ordering, router.policy.agingMs);
  await armStepTimeout(ctx, placement);
  const ticket = await persist(ctx, placement, 'queued', { assigneeId: null, routing: state, queueRank, loadUnits: placement.units }, 'queued', null);
  return { ticket, decision, outcome: 'queued' };
}

/** Parks a ticket until the tickets it is blocked by are resolved. */
export async function waitOnBlockers(ctx: RoutingContext, ticket: Ticket, blockers: string[], now: number): Promise<RouteOutcome> {
  const routing: RoutingState = {
    policyVersion: ticket.routing?.policyVersion ?? 0, rule: null, step: 0, queue: ticket.queue ?? '',
    stepStartedAt: now, declined: ticket.routing?.declined ?? [], offerId: null, waitingOn: blockers,
  };
  const next: Ticket = { ...ticket, status: 'queued', assigneeId: null, routing, queueRank: null, version: ticket.version + 1, updatedAt: now };
  assertTransition(ticket.status, next.status);
  await saveTicket(ctx, next, ticket);
  await recordEvent(ctx, { entityKind: 'ticket', entityId: ticket.id, ticketId: ticket.id, type: 'ticket.waiting_on_blockers', data: { blocked_by: blockers } });
  return { ticket: next, decision: null, outcome: 'waiting_on_blockers' };
}

/** Sets the step's time-out when the ticket has just reached a step that has one and a step after it. */
async function armStepTimeout(ctx: RoutingContext, placement: Placement): Promise<void> {
  const { decision, state } = placement;
  if (decision.stepTimeoutMs === null || !decision.hasNextStep || !placement.stepStarted) return;
  await ctx.tx.timers.insert({
    id: ctx.ids.next('tmr'), workspaceId: ctx.workspaceId, kind: 'step_timeout', ticketId: placement.original.id,
    ref: stepRef(state), dueAt: state.stepStartedAt + decision.stepTimeoutMs, firedAt: null,
  });
}

/** Identifies the step a step time-out guards, so a stale timer does nothing. */
export function stepRef(state: RoutingState): string {
  return `${state.rule ?? ''}#${state.step}@${state.stepStartedAt}`;
}

type PlacementOutcome = 'assigned' | 'offered' | 'queued';
const EVENT_OF: Record<PlacementOutcome, string> = { assigned: 'ticket.routed', offered: 'ticket.offered', queued: 'ticket.queued' };

async function persist(
  ctx: RoutingContext,
  placement: Placement,
  status: TicketStatus,
  changes: Pick<Ticket, 'assigneeId' | 'routing' | 'queueRank' | 'loadUnits'>,
  outcome: PlacementOutcome,
  agentId: string | null,
): Promise<Ticket> {
  const { original, prepared, decision } = placement;
  const now = ctx.clock.now();
  assertTransition(original.status, status);
  const next: Ticket = { ...prepared, ...changes, status, queue: decision.queue, version: original.version + 1, updatedAt: now };
  await saveTicket(ctx, next, original);
  const decisionId = ctx.ids.next('rtd');
  await ctx.tx.decisions.insert({ id: decisionId, workspaceId: ctx.workspaceId, ticketId: original.id, at: now, outcome, agentId, trace: traceOf(decision, outcome, agentId) });
  const diff = diffTickets(original, next);
  await recordEvent(ctx, {
    entityKind: 'ticket', entityId: original.id, ticketId: original.id, type: EVENT_OF[outcome],
    before: diff.before, after: diff.after,
    data: { decision_id: decisionId, rule: decision.rule, step: decision.step, queue: decision.queue, agent: agentId },
  });
  return next;
}

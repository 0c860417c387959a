import type { IdGenerator } from '../shared/ids.js';
import type { EventDraft } from '../shared/event.js';
import type { RoutingDecisionRecord } from '../store/routing-store.js';
import { assertTransition, type TicketStatus } from '../ticket/status.js';
import { diffTickets } from '../ticket/ticket-changes.js';
import type { Ticket } from '../ticket/ticket.js';
import { capacityClassOf, type CapacityClass } from './capacity.js';
import type { RoutingDecision } from './decision.js';
import type { Offer } from './offer.js';
import type { WaitingOrder } from './policy.js';
import type { RoutingState } from './routing-state.js';
import type { Timer } from '../scheduling/timer.js';
import { traceOf } from './trace.js';
import { waitingRank } from './waiting-rank.js';

/** A decision about to be carried out: the ticket before and after the rule's actions, and where it stands. */
export interface PlacementPlan {
  original: Ticket;
  prepared: Ticket;
  decision: RoutingDecision;
  state: RoutingState;
  /** The decision put the ticket at a step it was not at before: the step's clock starts now. */
  stepStarted: boolean;
  units: number;
  /** How the decision's queue orders waiting work, and the policy's aging period. */
  ordering: WaitingOrder;
  agingMs: number;
}

/** Where the ticket goes: to the agent (directly or as an offer), or to wait in its queue. */
export type PlacementChoice = { outcome: 'assigned' | 'offered'; agentId: string } | { outcome: 'queued' };

/** Capacity the placement takes from an agent, to count in the in-memory pool once it is committed. */
export interface LoadTaken {
  agentId: string;
  capacityClass: CapacityClass;
  units: number;
}

/** A placement as it will be saved: the ticket, its event, the decision's record, an offer, timers, the load. */
export interface Placement {
  ticket: Ticket;
  event: EventDraft;
  record: RoutingDecisionRecord;
  offer: Offer | null;
  timers: Timer[];
  load: LoadTaken | null;
}

const EVENT_OF = { assigned: 'ticket.routed', offered: 'ticket.offered', queued: 'ticket.queued' } as const;
const STATUS_OF: Record<PlacementChoice['outcome'], TicketStatus> = { assigned: 'assigned', offered: 'queued', queued: 'queued' };

/**
 * Promises the placement of a routing decision: the ticket assigned, offered (with the offer and
 * its time-out) or left waiting in its place by priority, age and deadline, its step's time-out
 * armed when the step has just started and has a next one, and the decision's explanation.
 */
export function placeTicket(plan: PlacementPlan, choice: PlacementChoice, now: number, ids: IdGenerator): Placement {
  const { original, prepared, decision, units } = plan;
  const agentId = choice.outcome === 'queued' ? null : choice.agentId;
  const offer = choice.outcome === 'offered' ? offerOf(plan, choice.agentId, now, ids) : null;
  const status = STATUS_OF[choice.outcome];
  assertTransition(original.status, status);
  const ticket: Ticket = {
    ...prepared,
    status,
    queue: decision.queue,
    assigneeId: choice.outcome === 'assigned' ? choice.agentId : null,
    routing: offer ? { ...plan.state, offerId: offer.id } : plan.state,
    queueRank: choice.outcome === 'queued' ? waitingRank(prepared, plan.ordering, plan.agingMs) : null,
    loadUnits: units,
    version: original.version + 1,
    updatedAt: now,
  };
  const record: RoutingDecisionRecord = {
    id: ids.next('rtd'), workspaceId: original.workspaceId, ticketId: original.id, at: now, outcome: choice.outcome, agentId,
    trace: traceOf(decision, choice.outcome, agentId),
  };
  const diff = diffTickets(original, ticket);
  const event: EventDraft = {
    type: EVENT_OF[choice.outcome], before: diff.before, after: diff.after,
    data: { decision_id: record.id, rule: decision.rule, step: decision.step, queue: decision.queue, agent: agentId },
  };
  const timers = [...(offer ? [offerTimer(offer, ids)] : []), ...stepTimers(plan, choice, now, ids)];
  const load = agentId === null ? null : { agentId, capacityClass: capacityClassOf(ticket.channel), units };
  return { ticket, event, record, offer, timers, load };
}

function offerOf(plan: PlacementPlan, agentId: string, now: number, ids: IdGenerator): Offer {
  return {
    id: ids.next('ofr'), workspaceId: plan.original.workspaceId, ticketId: plan.original.id, agentId, status: 'pending',
    capacityClass: capacityClassOf(plan.prepared.channel), loadUnits: plan.units, createdAt: now,
    expiresAt: now + plan.decision.offerTimeoutMs, answeredAt: null,
  };
}

function offerTimer(offer: Offer, ids: IdGenerator): Timer {
  return { id: ids.next('tmr'), workspaceId: offer.workspaceId, kind: 'offer_timeout', ticketId: offer.ticketId, ref: offer.id, dueAt: offer.expiresAt, firedAt: null };
}

/**
 * The step's time-out, when the ticket has just reached a step that has one and a step after it,
 * and waits there (an offer may be declined or lapse with nobody else at the step, so it waits too).
 */
function stepTimers(plan: PlacementPlan, choice: PlacementChoice, now: number, ids: IdGenerator): Timer[] {
  const { decision, state } = plan;
  if (choice.outcome === 'assigned' || decision.stepTimeoutMs === null || !decision.hasNextStep || !plan.stepStarted) return [];
  return [{
    id: ids.next('tmr'), workspaceId: plan.original.workspaceId, kind: 'step_timeout', ticketId: plan.original.id,
    ref: stepRef(state), dueAt: state.stepStartedAt + decision.stepTimeoutMs, firedAt: null,
  }];
}

/** Identifies the step a step time-out guards, so a stale timer does nothing. */
export function stepRef(state: RoutingState): string {
  return `${state.rule ?? ''}#${state.step}@${state.stepStartedAt}`;
}

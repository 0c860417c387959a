import type { Comment } from '../ticket/comment.js';
import { DONE_STATUSES, type TicketStatus } from '../ticket/status.js';
import type { Ticket } from '../ticket/ticket.js';
import type { SlaCalendar } from './business-calendar.js';
import { fulfil, reopen, retarget, schedule, settle, startClock } from './sla-clock.js';
import { targetOf, type SlaPolicy, type SlaTarget } from './sla-policy.js';
import { SLA_METRICS, type SlaMetric, type SlaMetricState, type SlaState } from './sla-state.js';
import { slaTimersToArm, type SlaTimerRequest } from './sla-timers.js';

/** Statuses in which the requester owes the next move, or the work waits on a third party. */
const PAUSED_STATUSES: ReadonlySet<TicketStatus> = new Set(['pending', 'on_hold']);
/** Metrics whose clock pauses in those statuses (requester wait and Zendesk's pausable update). */
const PAUSABLE: ReadonlySet<SlaMetric> = new Set(['resolution', 'periodic_update']);

/** One change to a ticket, as the SLA clocks see it. */
export interface SlaChange {
  /** The ticket before the change; null at intake. */
  before: Ticket | null;
  /** The ticket after it; its `sla` is the state so far. */
  after: Ticket;
  /** The comment this change adds, if any. */
  comment: Comment | null;
  /** The policy that applies to `after` (the first whose condition holds), or null. */
  policy: SlaPolicy | null;
  calendarOf(businessHoursId: string | null): SlaCalendar;
  now: number;
}

export interface SlaOutcome {
  state: SlaState | null;
  /** Warning and breach timers for due times that are new with this change. */
  timers: SlaTimerRequest[];
}

/** What happened, reduced to what the metric rules ask. */
interface Happened {
  now: number;
  ticket: Ticket;
  agentReply: boolean;
  requesterReply: boolean;
  done: boolean;
  reopened: boolean;
}

type MetricRule = (clock: SlaMetricState | null, happened: Happened, target: SlaTarget) => SlaMetricState | null;

/** How each metric starts, restarts and ends (Zendesk's semantics; docs/sla.md). */
const RULES: Record<SlaMetric, MetricRule> = {
  first_response(clock, h, target) {
    if (!clock) return h.ticket.firstResponseAt === null && !h.done ? startClock('first_response', 1, h.ticket.createdAt, target) : null;
    if (clock.fulfilledAt === null && (h.ticket.firstResponseAt !== null || h.done)) return fulfil(clock, h.ticket.firstResponseAt ?? h.now);
    return clock;
  },
  next_response(clock, h, target) {
    // The oldest unanswered requester comment after the first reply starts a cycle; later ones join it.
    const starts = h.requesterReply && !h.done && h.ticket.firstResponseAt !== null && (!clock || clock.fulfilledAt !== null);
    if (starts) return startClock('next_response', (clock?.cycle ?? 0) + 1, h.now, target);
    if (clock && clock.fulfilledAt === null && (h.agentReply || h.done)) return fulfil(clock, h.now);
    return clock;
  },
  periodic_update(clock, h, target) {
    const restarts = (h.agentReply || h.reopened || !clock) && !h.done && h.ticket.firstResponseAt !== null;
    if (restarts) return startClock('periodic_update', (clock?.cycle ?? 0) + 1, h.now, target);
    if (clock && clock.fulfilledAt === null && h.done) return fulfil(clock, h.now);
    return clock;
  },
  resolution(clock, h, target) {
    if (!clock) return h.done ? null : startClock('resolution', 1, h.ticket.createdAt, target);
    if (clock.fulfilledAt === null && h.done) return fulfil(clock, h.now);
    if (clock.fulfilledAt !== null && !h.done) return reopen(clock, h.now);
    return clock;
  },
};

/**
 * Moves a ticket's SLA clocks through one change: applies the policy's targets for the ticket's
 * priority (a new policy or priority re-targets with the time run so far kept), starts, restarts
 * and fulfils clocks on replies and resolution, pauses and resumes them on status, and names the
 * timers to arm for due times that moved. No policy means no SLA.
 */
export function advanceSla(change: SlaChange): SlaOutcome {
  const previous = change.after.sla;
  const { policy } = change;
  if (!policy) return { state: null, timers: [] };
  const happened = whatHappened(change);
  const paused = PAUSED_STATUSES.has(change.after.status);
  const metrics: SlaMetricState[] = [];
  for (const metric of SLA_METRICS) {
    const target = targetOf(policy, change.after.priority, metric);
    const prior = previous?.metrics.find((m) => m.metric === metric) ?? null;
    if (!target) {
      // A clock already met stays as a record; a running one without a target is dropped.
      if (prior?.fulfilledAt != null) metrics.push(prior);
      continue;
    }
    const next = RULES[metric](prior && retarget(prior, target), happened, target);
    if (!next) continue;
    const settled = settle(next, PAUSABLE.has(metric) && paused, change.now);
    metrics.push(schedule(settled, change.calendarOf(settled.businessHoursId), policy.warnFraction));
  }
  const state: SlaState = { policyId: policy.id, policyName: policy.name, warnFraction: policy.warnFraction, metrics };
  return { state, timers: slaTimersToArm(previous, state) };
}

function whatHappened(change: SlaChange): Happened {
  const { comment, before, after } = change;
  const isPublic = comment !== null && comment.visibility === 'public';
  const done = DONE_STATUSES.has(after.status);
  return {
    now: change.now,
    ticket: after,
    agentReply: isPublic && comment.authorKind === 'agent',
    requesterReply: isPublic && comment.authorKind === 'customer',
    done,
    reopened: before !== null && DONE_STATUSES.has(before.status) && !done,
  };
}

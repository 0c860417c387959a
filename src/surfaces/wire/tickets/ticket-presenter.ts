import type { Comment } from '../../../domain/ticket/comment.js';
import type { SlaMetric, SlaState } from '../../../domain/sla/sla-state.js';
import type { Ticket } from '../../../domain/ticket/ticket.js';
import type { DomainEvent } from '../../../domain/shared/event.js';
import { iso } from '../time.js';

/** A ticket's latest approval as lists and tickets show it. */
export interface ApprovalSummary {
  id: string;
  status: string;
}

/**
 * A ticket as clients see it: snake_case, ISO times, the assignee as an agent id. `approval` is
 * the latest approval when the caller looked it up, else the one holding the ticket (read from its
 * routing state, so presenting costs no query).
 */
export function presentTicket(ticket: Ticket, approval?: ApprovalSummary | null) {
  return {
    id: ticket.id,
    type: ticket.type,
    title: ticket.title,
    description: ticket.description,
    channel: ticket.channel,
    priority: ticket.priority,
    status: ticket.status,
    customer: ticket.customer,
    tags: ticket.tags,
    fields: ticket.fields,
    location: ticket.location,
    language: ticket.language,
    due_at: iso(ticket.dueAt),
    queue: ticket.queue,
    assignee: ticket.assigneeId,
    escalation: ticket.escalation,
    links: ticket.links.map((link) => ({ kind: link.kind, ticket_id: link.ticketId })),
    blocked_by: ticket.links.filter((link) => link.kind === 'blocked_by').map((link) => link.ticketId),
    approval: approval === undefined ? heldBy(ticket) : approval,
    version: ticket.version,
    created_at: iso(ticket.createdAt),
    updated_at: iso(ticket.updatedAt),
    first_response_at: iso(ticket.firstResponseAt),
    resolved_at: iso(ticket.resolvedAt),
    closed_at: iso(ticket.closedAt),
    ai: ticket.ai && {
      label: ticket.ai.label,
      confidence: ticket.ai.confidence,
      priority: ticket.ai.priority,
      priority_confidence: ticket.ai.priorityConfidence,
      model_version: ticket.ai.modelVersion,
      source: ticket.ai.source,
    },
    signals: ticket.signals && {
      sentiment: ticket.signals.sentiment,
      language: ticket.signals.language,
      asks_for_human: ticket.signals.asksForHuman,
      flags: ticket.signals.flags,
    },
    sla: ticket.sla && presentSla(ticket.sla),
  };
}

function heldBy(ticket: Ticket): ApprovalSummary | null {
  const id = ticket.routing?.waitingOn.findLast((waiting) => waiting.startsWith('apr_'));
  return id === undefined ? null : { id, status: 'awaiting' };
}

/** A ticket as `presentTicket` shows it, with the time left on its running SLA clocks at the moment of asking. */
export function presentTicketWithSlaClocks(ticket: Ticket, remainingMs: ReadonlyMap<SlaMetric, number>, approval?: ApprovalSummary | null) {
  return { ...presentTicket(ticket, approval), sla: ticket.sla && presentSla(ticket.sla, remainingMs) };
}

/**
 * A ticket's SLA clocks: per metric its target, due time, time left (in the target's own hours),
 * and whether it is paused, warned, breached or met. The time left of a running clock is known
 * only when the caller measured it (`remainingMs`); a paused or met clock carries its own.
 */
function presentSla(sla: SlaState, remainingMs: ReadonlyMap<SlaMetric, number> = new Map()) {
  return {
    policy_id: sla.policyId,
    policy_name: sla.policyName,
    warn_at: sla.warnFraction,
    metrics: sla.metrics.map((m) => {
      const remaining = m.runningSince === null ? m.remainingMs : remainingMs.get(m.metric) ?? null;
      return {
        metric: m.metric,
        cycle: m.cycle,
        status: m.fulfilledAt !== null ? 'fulfilled' : m.pausedAt !== null ? 'paused' : 'running',
        target_minutes: m.targetMinutes,
        business_hours: m.businessHoursId,
        started_at: iso(m.startedAt),
        warn_at: iso(m.warnAt),
        due_at: iso(m.dueAt),
        remaining_minutes: remaining === null ? null : Math.round(remaining / 60_000),
        paused: m.pausedAt !== null,
        paused_at: iso(m.pausedAt),
        warned_at: iso(m.warnedAt),
        breached: m.breachedAt !== null,
        breached_at: iso(m.breachedAt),
        fulfilled_at: iso(m.fulfilledAt),
      };
    }),
  };
}

/** A reply or note. */
export function presentComment(comment: Comment) {
  return {
    id: comment.id,
    ticket_id: comment.ticketId,
    visibility: comment.visibility,
    author: { kind: comment.authorKind, id: comment.authorId, name: comment.authorName },
    body: comment.body,
    created_at: iso(comment.createdAt),
  };
}

/** One entry of a ticket's history. */
export function presentEvent(event: DomainEvent) {
  return {
    id: event.id,
    type: event.type,
    entity: { kind: event.entityKind, id: event.entityId },
    actor: event.actor,
    at: iso(event.at),
    before: event.before,
    after: event.after,
    data: event.data,
  };
}

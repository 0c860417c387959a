import type { Comment } from '../../../domain/ticket/comment.js';
import type { SlaState } from '../../../domain/sla/sla-state.js';
import type { Ticket } from '../../../domain/ticket/ticket.js';
import type { DomainEvent } from '../../../domain/shared/event.js';
import { iso } from './time.js';

/** A ticket as clients see it: snake_case, ISO times, the assignee as an agent id. */
export function presentTicket(ticket: Ticket) {
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

/** A ticket's SLA clocks: per metric its target, due time, and whether it is paused, warned, breached or met. */
function presentSla(sla: SlaState) {
  return {
    policy_id: sla.policyId,
    policy_name: sla.policyName,
    metrics: sla.metrics.map((m) => ({
      metric: m.metric,
      target_minutes: m.targetMinutes,
      business_hours: m.businessHours,
      started_at: iso(m.startedAt),
      due_at: iso(m.dueAt),
      paused: m.pausedAt !== null,
      warned_at: iso(m.warnedAt),
      breached_at: iso(m.breachedAt),
      fulfilled_at: iso(m.fulfilledAt),
    })),
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

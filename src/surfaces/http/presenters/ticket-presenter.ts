import type { Comment } from '../../../domain/ticket/comment.js';
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

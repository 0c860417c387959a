import type { JsonObject } from '../shared/json.js';
import type { AuthorKind, Comment, CommentVisibility } from '../ticket/comment.js';
import { DONE_STATUSES, type TicketStatus } from '../ticket/status.js';
import { createTicket } from '../ticket/ticket-changes.js';
import type { Channel, Customer, Priority, Ticket, TicketDraft } from '../ticket/ticket.js';

/** Someone who wrote in another help desk, as far as its export tells. */
export interface ForeignAuthor {
  kind: Extract<AuthorKind, 'agent' | 'customer' | 'system'>;
  name: string | null;
  email: string | null;
}

/** One entry of a ticket's conversation in the help desk it comes from. */
export interface ForeignComment {
  externalId: string;
  author: ForeignAuthor;
  body: string;
  visibility: CommentVisibility;
  createdAt: number;
}

/**
 * A ticket read from another help desk's export, already in Switchboard's terms (status,
 * priority, channel); what the export did not say is null. Times are milliseconds.
 */
export interface ForeignTicket {
  /** The help desk it comes from (`zendesk`, `freshdesk`, or the mapping's name). */
  source: string;
  externalId: string;
  title: string;
  description: string;
  status: TicketStatus;
  priority: Priority | null;
  type: string | null;
  channel: Channel | null;
  tags: string[];
  fields: JsonObject;
  requester: Partial<Customer> | null;
  /** The group or queue it was in there. */
  group: string | null;
  /** Matched to an agent by e-mail. */
  assigneeEmail: string | null;
  createdAt: number;
  updatedAt: number;
  solvedAt: number | null;
  closedAt: number | null;
  /** In the order written; the description is not repeated here. */
  comments: ForeignComment[];
  csat: { score: number; comment: string | null } | null;
}

/** True for finished work: it keeps its history and is never routed. */
export function isHistorical(ticket: ForeignTicket): boolean {
  return DONE_STATUSES.has(ticket.status);
}

/** The draft an open ticket goes through intake with, as if a client had posted it. */
export function foreignDraft(ticket: ForeignTicket, assigneeId: string | null): TicketDraft {
  return {
    title: ticket.title,
    description: ticket.description,
    ...(ticket.type ? { type: ticket.type } : {}),
    ...(ticket.channel ? { channel: ticket.channel } : {}),
    ...(ticket.priority ? { priority: ticket.priority } : {}),
    customer: ticket.requester,
    tags: ticket.tags,
    fields: ticket.fields,
    ...(assigneeId ? { assigneeId } : {}),
  };
}

/**
 * A finished ticket as it ended in the other help desk: its status, times, assignee, group as
 * queue and first response, with no routing, SLA or prediction (it was never routed here).
 */
export function historicalTicket(ticket: ForeignTicket, id: string, workspaceId: string, assigneeId: string | null): Ticket {
  const draft = { ...foreignDraft(ticket, null), queue: ticket.group };
  const created = createTicket(draft, id, workspaceId, ticket.createdAt);
  const solvedAt = ticket.solvedAt ?? ticket.closedAt ?? ticket.updatedAt;
  return {
    ...created,
    status: ticket.status,
    assigneeId,
    updatedAt: Math.max(ticket.updatedAt, ticket.createdAt),
    firstResponseAt: firstResponse(ticket.comments),
    resolvedAt: solvedAt,
    closedAt: ticket.status === 'closed' ? ticket.closedAt ?? solvedAt : null,
  };
}

/** When an agent first answered in public, or null. */
function firstResponse(comments: readonly ForeignComment[]): number | null {
  const answer = comments.find((comment) => comment.author.kind === 'agent' && comment.visibility === 'public');
  return answer ? answer.createdAt : null;
}

/** A comment of the other help desk as stored here, with its author and time. */
export function historicalComment(comment: ForeignComment, id: string, ticket: Pick<Ticket, 'id' | 'workspaceId'>, agentId: string | null): Comment {
  return {
    id,
    workspaceId: ticket.workspaceId,
    ticketId: ticket.id,
    visibility: comment.visibility,
    authorKind: comment.author.kind,
    authorId: comment.author.kind === 'agent' ? agentId : null,
    authorName: comment.author.name ?? comment.author.email,
    body: comment.body,
    createdAt: comment.createdAt,
  };
}

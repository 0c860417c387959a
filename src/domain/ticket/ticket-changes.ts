import { fail } from '../errors.js';
import type { JsonObject, JsonValue } from '../shared/json.js';
import { HELD_STATUSES, assertTransition, isReopen, type TicketStatus } from './status.js';
import {
  DEFAULT_TYPE, normalizeCustomer, normalizeTags, sameCustomer, type Customer, type Ticket, type TicketDraft, type TicketPatch,
} from './ticket.js';

/** Before and after of each field a change touched, as written to the event log. */
export interface FieldChanges {
  before: JsonObject;
  after: JsonObject;
}

/** Builds a new ticket from a client's draft; status and timestamps are decided here. */
export function createTicket(draft: TicketDraft, id: string, workspaceId: string, now: number): Ticket {
  const ticket: Ticket = {
    id,
    workspaceId,
    type: draft.type ?? DEFAULT_TYPE,
    title: draft.title.trim(),
    description: draft.description ?? '',
    channel: draft.channel ?? 'api',
    priority: draft.priority ?? 'normal',
    status: draft.status ?? 'queued',
    customer: normalizeCustomer(draft.customer),
    tags: normalizeTags(draft.tags ?? []),
    fields: draft.fields ?? {},
    location: draft.location ?? null,
    language: draft.language ?? null,
    dueAt: draft.dueAt ?? null,
    queue: draft.queue ?? null,
    assigneeId: draft.assigneeId ?? null,
    escalation: { level: 0, reason: null },
    links: draft.links ?? [],
    routing: null,
    reroutes: 0,
    reopens: 0,
    queueRank: null,
    loadUnits: 1,
    ai: null,
    signals: null,
    sla: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
  };
  if (!ticket.title) throw fail('invalid_value', 'A ticket needs a title.', { path: '/title' });
  if (ticket.assigneeId) ticket.status = 'assigned';
  return ticket;
}

/**
 * Applies a patch and keeps the ticket consistent: status moves follow the state machine,
 * held statuses have an assignee, an assignment of waiting work makes it `assigned`.
 */
export function applyTicketPatch(ticket: Ticket, patch: TicketPatch, now: number): { ticket: Ticket; changes: FieldChanges } {
  const next: Ticket = { ...ticket };
  if (patch.type !== undefined) next.type = patch.type;
  if (patch.title !== undefined) next.title = patch.title.trim();
  if (patch.description !== undefined) next.description = patch.description;
  if (patch.channel !== undefined) next.channel = patch.channel;
  if (patch.priority !== undefined) next.priority = patch.priority;
  if (patch.customer !== undefined) next.customer = patchedCustomer(ticket.customer, patch.customer);
  if (patch.tags !== undefined) next.tags = normalizeTags(patch.tags);
  if (patch.fields !== undefined) next.fields = patch.fields;
  if (patch.location !== undefined) next.location = patch.location;
  if (patch.language !== undefined) next.language = patch.language;
  if (patch.dueAt !== undefined) next.dueAt = patch.dueAt;
  if (patch.queue !== undefined) next.queue = patch.queue;
  if (patch.escalation !== undefined) next.escalation = patch.escalation;
  if (!next.title) throw fail('invalid_value', 'A ticket needs a title.', { path: '/title' });

  next.status = nextStatus(ticket, patch);
  if (patch.assigneeId !== undefined) next.assigneeId = patch.assigneeId;
  // Sending work back to wait for assignment releases whoever held it.
  else if (patch.status !== undefined && WAITING_STATUSES.has(next.status)) next.assigneeId = null;
  if (HELD_STATUSES.has(next.status) && !next.assigneeId) {
    if (patch.assigneeId === null && patch.status === undefined) next.status = 'queued';
    else throw fail('invalid_value', `A ${next.status} ticket needs an assignee.`, { path: '/assignee' });
  }
  stampStatusTimes(ticket.status, next, now);

  const changes = diffTickets(ticket, next);
  if (Object.keys(changes.after).length > 0) {
    next.version = ticket.version + 1;
    next.updatedAt = now;
  }
  return { ticket: next, changes };
}

function nextStatus(ticket: Ticket, patch: TicketPatch): TicketStatus {
  let status: TicketStatus = patch.status ?? ticket.status;
  const assigning = patch.assigneeId !== undefined && patch.assigneeId !== null && patch.assigneeId !== ticket.assigneeId;
  if (patch.status === undefined && assigning && (status === 'new' || status === 'queued' || status === 'needs_info')) {
    status = 'assigned';
  }
  assertTransition(ticket.status, status);
  return status;
}

function stampStatusTimes(previous: TicketStatus, next: Ticket, now: number): void {
  if (previous === next.status) return;
  if (next.status === 'resolved') next.resolvedAt = now;
  if (next.status === 'closed') next.closedAt = now;
  if (isReopen(previous, next.status)) {
    next.resolvedAt = null;
    next.reopens += 1;
  }
}

const WAITING_STATUSES: ReadonlySet<TicketStatus> = new Set(['new', 'needs_info', 'queued']);

const TRACKED_FIELDS = [
  'type', 'title', 'description', 'channel', 'priority', 'status', 'customer', 'tags', 'fields', 'location',
  'language', 'dueAt', 'queue', 'assigneeId', 'escalation',
] as const satisfies readonly (keyof Ticket)[];

/** The fields that differ between two versions of a ticket. */
export function diffTickets(before: Ticket, after: Ticket): FieldChanges {
  const changes: FieldChanges = { before: {}, after: {} };
  for (const field of TRACKED_FIELDS) {
    const a = before[field] as JsonValue;
    const b = after[field] as JsonValue;
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      changes.before[field] = a ?? null;
      changes.after[field] = b ?? null;
    }
  }
  return changes;
}

/** The customer a patch names; unless the patch sets `crm`, the CRM's answer stays while it still names the same customer. */
function patchedCustomer(current: Customer | null, patch: Partial<Customer> | null): Customer | null {
  if (!patch || patch.crm !== undefined) return normalizeCustomer(patch);
  return normalizeCustomer({ ...patch, crm: sameCustomer(current, patch) ? current?.crm ?? null : null });
}

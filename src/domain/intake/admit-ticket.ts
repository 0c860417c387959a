import type { EventDraft } from '../shared/event.js';
import { createTicket } from '../ticket/ticket-changes.js';
import { ticketSnapshot } from '../ticket/ticket-snapshot.js';
import { assertFieldValues, missingFields, type FieldDefinition, type TicketType } from '../ticket/ticket-type.js';
import type { Ticket, TicketDraft, TicketLink } from '../ticket/ticket.js';
import type { TextReading } from '../triage/text-reading.js';

/** What intake knows before it takes a ticket in, gathered outside the write transaction. */
export interface AdmissionFacts {
  id: string;
  workspaceId: string;
  now: number;
  /** The workspace's definition of the draft's type; null when it configured none (nothing is checked). */
  type: TicketType | null;
  /** What the ticket's text said (signals, prediction, near-duplicates). */
  reading: TextReading;
}

/** A ticket taken in, before it is routed: complete but for its placement and SLA. */
export interface Admission {
  ticket: Ticket;
  events: EventDraft[];
  /** Required fields of its type it came without (it is `needs_info` unless assigned at once). */
  missing: FieldDefinition[];
  /** Links to open tickets with nearly the same text, made by intake. */
  suspected: TicketLink[];
}

/**
 * Promises the ticket a draft becomes: its fields checked against its type (`invalid_fields`
 * lists every value that does not fit), `needs_info` when required fields are missing and nobody
 * takes it at once, its text's signals and language, the models' prediction, and `related` links
 * to suspected duplicates, each recorded with its similarity.
 */
export function admitTicket(facts: AdmissionFacts, draft: TicketDraft): Admission {
  const missing = facts.type ? checkedMissing(facts.type, draft) : [];
  const waits = missing.length > 0 && !draft.assigneeId && (draft.status ?? 'queued') === 'queued';
  const created = createTicket(waits ? { ...draft, status: 'needs_info' } : draft, facts.id, facts.workspaceId, facts.now);
  const { signals, ai, suspects } = facts.reading;
  const fresh = suspects.filter((suspect) => !created.links.some((link) => link.ticketId === suspect.id));
  const suspected: TicketLink[] = fresh.map((suspect) => ({ kind: 'related', ticketId: suspect.id }));
  const ticket: Ticket = { ...created, signals, ai, language: created.language ?? signals.language, links: [...created.links, ...suspected] };
  const events: EventDraft[] = [
    { type: 'ticket.created', after: ticketSnapshot(created) },
    ...fresh.map((suspect) => ({ type: 'ticket.suspected_duplicate', data: { ticket_id: suspect.id, score: suspect.score } })),
  ];
  return { ticket, events, missing, suspected };
}

function checkedMissing(type: TicketType, draft: TicketDraft): FieldDefinition[] {
  assertFieldValues(type, draft.fields ?? {});
  return missingFields(type, draft.fields ?? {});
}

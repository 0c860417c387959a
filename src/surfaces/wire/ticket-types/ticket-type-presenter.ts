import { ticketTypeDocument, type TicketType } from '../../../domain/ticket/ticket-type.js';
import { iso } from '../time.js';

/** A ticket type as the API shows it: the document, its version and when it changed. */
export function presentTicketType(type: TicketType) {
  return { ...ticketTypeDocument(type), version: type.version, created_at: iso(type.createdAt), updated_at: iso(type.updatedAt) };
}

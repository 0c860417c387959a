import type { ForeignTicket } from '../../domain/migration/foreign-ticket.js';
import { fail } from '../../domain/errors.js';
import { checkStorable } from '../http/json-body.js';
import { TicketCreateBody, TicketOutput } from '../wire/tickets/ticket-schemas.js';
import { rowValidator } from '../records/row-validator.js';

let validateBody: ((value: unknown) => unknown) | undefined;

/**
 * Holds a ticket read from another help desk to the rules `POST /v1/tickets` holds a body to
 * (lengths, tag and type shapes, storable text), and its conversation to storable text and
 * sane times; throws the coded error of the first problem.
 */
export function checkForeignTicket(ticket: ForeignTicket): ForeignTicket {
  validateBody ??= rowValidator(TicketCreateBody, TicketOutput);
  validateBody({
    title: ticket.title,
    description: ticket.description,
    ...(ticket.type ? { type: ticket.type } : {}),
    ...(ticket.channel ? { channel: ticket.channel } : {}),
    ...(ticket.priority ? { priority: ticket.priority } : {}),
    ...(ticket.requester ? { customer: ticket.requester } : {}),
    tags: ticket.tags,
    fields: ticket.fields,
  });
  checkStorable(ticket.comments);
  for (const [name, time] of [['created_at', ticket.createdAt], ['updated_at', ticket.updatedAt]] as const) {
    if (!Number.isFinite(time)) throw fail('validation_failed', `The ticket has no readable ${name}.`, { path: `/${name}` });
  }
  ticket.comments.forEach((comment, i) => {
    if (!Number.isFinite(comment.createdAt)) throw fail('validation_failed', 'A comment has no readable time.', { path: `/comments/${i}/created_at` });
  });
  return ticket;
}

/** Milliseconds of an ISO 8601 time, NaN when there is none or it does not read. */
export function isoTime(value: unknown): number {
  return typeof value === 'string' && value.trim() !== '' ? Date.parse(value) : Number.NaN;
}

/** A number or null, for times that may be missing. */
export function optionalTime(value: unknown): number | null {
  const time = isoTime(value);
  return Number.isFinite(time) ? time : null;
}

import type { Static } from 'typebox';
import type { Customer, TicketDraft, TicketPatch } from '../../../domain/ticket/ticket.js';
import type { JsonObject } from '../../../domain/shared/json.js';
import { fromIso } from '../time.js';
import type { CustomerInput, TicketCreateBody, TicketPatchBody } from './ticket-schemas.js';

/** A create body (snake_case, ISO times) as the domain's draft. */
export function draftFromBody(body: Static<typeof TicketCreateBody>): TicketDraft {
  return {
    type: body.type,
    title: body.title,
    description: body.description,
    channel: body.channel,
    priority: body.priority,
    customer: customerFromBody(body.customer),
    tags: body.tags,
    fields: body.fields as JsonObject | undefined,
    location: body.location,
    language: body.language,
    dueAt: fromIso(body.due_at),
    queue: body.queue,
    assigneeId: body.assignee,
    links: body.links?.map((link) => ({ kind: link.kind, ticketId: link.ticket_id })),
  };
}

/** A patch body as the domain's patch; keys the client left out stay undefined. */
export function patchFromBody(body: Static<typeof TicketPatchBody>): TicketPatch {
  const patch: TicketPatch = {
    type: body.type,
    title: body.title,
    description: body.description,
    channel: body.channel,
    priority: body.priority,
    status: body.status,
    customer: customerFromBody(body.customer),
    tags: body.tags,
    fields: body.fields as JsonObject | undefined,
    location: body.location,
    language: body.language,
    dueAt: fromIso(body.due_at),
    queue: body.queue,
    assigneeId: body.assignee,
  };
  return patch;
}

/** A customer body as the domain's customer; `crm` is free-form JSON, already checked storable by the body parser. */
export function customerFromBody(customer: Static<typeof CustomerInput> | null | undefined): Partial<Customer> | null | undefined {
  return customer && { ...customer, crm: customer.crm as JsonObject | null | undefined };
}

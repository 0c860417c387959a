import type { Static } from 'typebox';
import type { Customer, TicketDraft, TicketPatch } from '../../../domain/ticket/ticket.js';
import type { JsonObject } from '../../../domain/shared/json.js';
import { fromIso } from '../time.js';
import type { CustomerInput, TicketCreateBody, TicketPatchBody } from './ticket-schemas.js';

/** The fields a create and a patch share, as the domain names them; keys the client left out stay undefined. */
function ticketFieldsFromBody(body: Static<typeof TicketPatchBody>) {
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
  };
}

/** A create body (snake_case, ISO times) as the domain's draft. */
export function draftFromBody(body: Static<typeof TicketCreateBody>): TicketDraft {
  const links = body.links?.map((link) => ({ kind: link.kind, ticketId: link.ticket_id }));
  return { ...ticketFieldsFromBody(body), title: body.title, links };
}

/** A patch body as the domain's patch; keys the client left out stay undefined. */
export function patchFromBody(body: Static<typeof TicketPatchBody>): TicketPatch {
  return { ...ticketFieldsFromBody(body), status: body.status };
}

/** A customer body as the domain's customer; `crm` is free-form JSON, already checked storable by the body parser. */
export function customerFromBody(customer: Static<typeof CustomerInput> | null | undefined): Partial<Customer> | null | undefined {
  return customer && { ...customer, crm: customer.crm as JsonObject | null | undefined };
}

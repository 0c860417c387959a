import { fail } from '../../domain/errors.js';
import type { JsonObject } from '../../domain/shared/json.js';
import { checkTicketType, ticketTypeDocument, type TicketType, type TicketTypeDocument } from '../../domain/ticket/ticket-type.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';

/** The ticket type, or `ticket_type_not_found`. */
export async function loadTicketType(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, name: string): Promise<TicketType> {
  const type = await ctx.tx.ticketTypes.get(ctx.workspaceId, name);
  if (!type) throw fail('ticket_type_not_found', `No ticket type "${name}".`);
  return type;
}

/** Throws `invalid_ticket_type` listing every mistake of the document, with its path under `path`. */
export function assertTicketType(document: TicketTypeDocument, path = ''): void {
  const errors = checkTicketType(document, path);
  if (errors.length > 0) throw fail('invalid_ticket_type', `The ticket type has ${errors.length} mistake(s).`, { errors });
}

/**
 * Creates or replaces a ticket type. With `expectedVersion` the change applies only to that
 * version; tickets already taken in keep their fields, the new ones are checked against it.
 */
export async function saveTicketTypeCommand(ctx: CommandContext, document: TicketTypeDocument, expectedVersion?: number): Promise<TicketType> {
  assertTicketType(document);
  const current = await ctx.tx.ticketTypes.get(ctx.workspaceId, document.name);
  if (expectedVersion !== undefined && expectedVersion !== (current?.version ?? 0)) {
    throw fail('version_conflict', `Ticket type ${document.name} is at version ${current?.version ?? 0}, not ${expectedVersion}.`, { current_version: current?.version ?? 0 });
  }
  const now = ctx.clock.now();
  const type: TicketType = {
    ...document, workspaceId: ctx.workspaceId, version: (current?.version ?? 0) + 1, createdAt: current?.createdAt ?? now, updatedAt: now,
  };
  if (current) {
    if (!(await ctx.tx.ticketTypes.update(type))) throw fail('version_conflict', `Ticket type ${document.name} was changed by someone else.`);
  } else {
    await ctx.tx.ticketTypes.insert(type);
  }
  await recordEvent(ctx, {
    entityKind: 'workspace', entityId: `type:${type.name}`, type: current ? 'ticket_type.updated' : 'ticket_type.created',
    before: current ? { document: documentJson(current) } : null, after: { document: documentJson(type) },
  });
  return type;
}

/** Removes a ticket type; its tickets keep their fields, new ones of that type are no longer checked. */
export async function deleteTicketTypeCommand(ctx: CommandContext, name: string): Promise<void> {
  const current = await loadTicketType(ctx, name);
  await ctx.tx.ticketTypes.delete(ctx.workspaceId, name);
  await recordEvent(ctx, { entityKind: 'workspace', entityId: `type:${name}`, type: 'ticket_type.deleted', before: { document: documentJson(current) } });
}

function documentJson(type: TicketType): JsonObject {
  return JSON.parse(JSON.stringify(ticketTypeDocument(type))) as JsonObject;
}

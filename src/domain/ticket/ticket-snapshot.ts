import type { JsonObject } from '../shared/json.js';
import type { Ticket } from './ticket.js';

/** The ticket as recorded in its `ticket.created` event (every field holds plain JSON). */
export function ticketSnapshot(ticket: Ticket): JsonObject {
  const { workspaceId: _workspace, version: _version, ...rest } = ticket;
  return rest as unknown as JsonObject;
}

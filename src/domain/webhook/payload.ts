import type { DomainEvent } from '../shared/event.js';
import type { JsonObject } from '../shared/json.js';

/** The body posted for an event: `{type, timestamp, data}`, the data being the history entry as the API shows it. */
export function webhookPayload(event: DomainEvent): JsonObject {
  return {
    type: event.type,
    timestamp: new Date(event.at).toISOString(),
    data: {
      event_id: event.id,
      entity: { kind: event.entityKind, id: event.entityId },
      ticket_id: event.ticketId,
      actor: { kind: event.actor.kind, id: event.actor.id, name: event.actor.name },
      before: event.before,
      after: event.after,
      data: event.data,
    },
  };
}

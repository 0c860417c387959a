import type { Static } from 'typebox';
import type { DomainEvent } from '../../../domain/shared/event.js';
import { iso } from '../time.js';
import type { StreamEventOutput } from './ticket-schemas.js';

/**
 * An event as the live stream sends it: what happened to which entity, by whom and when, and the
 * names of the fields that changed. The values stay out; a client that wants them reads the
 * resource, which its role may or may not let it see in full.
 */
export function presentStreamEvent(event: DomainEvent): Static<typeof StreamEventOutput> {
  return {
    id: event.id,
    type: event.type,
    entity: { kind: event.entityKind, id: event.entityId },
    ticket_id: event.ticketId,
    actor: { kind: event.actor.kind, id: event.actor.id, name: event.actor.name },
    at: iso(event.at),
    changed: Object.keys(event.after ?? {}),
  };
}

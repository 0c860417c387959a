import type { Actor } from './actor.js';
import type { JsonObject } from './json.js';

export const ENTITY_KINDS = ['ticket', 'agent', 'token', 'workspace', 'user'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** One entry of the append-only history: who did what to which entity, with before and after. */
export interface DomainEvent {
  id: number;
  workspaceId: string;
  entityKind: EntityKind;
  entityId: string;
  ticketId: string | null;
  type: string;
  actor: Actor;
  at: number;
  before: JsonObject | null;
  after: JsonObject | null;
  data: JsonObject | null;
}

/** An event as a command writes it; the store assigns the id. */
export type NewDomainEvent = Omit<DomainEvent, 'id'>;

/** What a change records, before the pipeline stamps it with its workspace, entity, actor and time. */
export interface EventDraft {
  type: string;
  before?: JsonObject | null;
  after?: JsonObject | null;
  data?: JsonObject | null;
}

import type { Kysely, Selectable } from 'kysely';
import type { EventRepository, Page } from '../../../domain/store/store.js';
import type { DomainEvent, EntityKind, NewDomainEvent } from '../../../domain/shared/event.js';
import type { AuthorKind } from '../../../domain/ticket/comment.js';
import type { JsonObject } from '../../../domain/shared/json.js';
import { readNullableJson, writeNullableJson } from '../codec.js';
import type { Database, EventTable } from '../schema.js';
import { insertShaped } from '../compiled-shapes.js';

/** The append-only history; ids grow with every event and order it. */
export class KyselyEventRepository implements EventRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** Told when this repository appended events (see KyselyStore's announcements). */
    private readonly eventsWritten: () => void = () => {},
  ) {}

  async append(event: NewDomainEvent): Promise<number> {
    return (await this.appendMany([event]))[0]!;
  }

  appendMany(events: readonly NewDomainEvent[]): Promise<number[]> {
    if (events.length > 0) this.eventsWritten();
    return insertEvents(this.db, events);
  }

  async listForTicket(workspaceId: string, ticketId: string, afterId: number | undefined, limit: number): Promise<Page<DomainEvent>> {
    let q = this.db.selectFrom('events').selectAll().where('ticket_id', '=', ticketId).where('workspace_id', '=', workspaceId);
    if (afterId !== undefined) q = q.where('id', '>', afterId);
    return toPage(await q.orderBy('id').limit(limit + 1).execute(), limit);
  }

  async listForWorkspace(workspaceId: string, afterId: number | undefined, limit: number): Promise<Page<DomainEvent>> {
    let q = this.db.selectFrom('events').selectAll().where('workspace_id', '=', workspaceId);
    if (afterId !== undefined) q = q.where('id', '>', afterId);
    return toPage(await q.orderBy('id').limit(limit + 1).execute(), limit);
  }

  async listAdministrative(workspaceId: string, beforeId: number | undefined, limit: number): Promise<Page<DomainEvent>> {
    let q = this.db.selectFrom('events').selectAll().where('workspace_id', '=', workspaceId).where('entity_kind', '<>', 'ticket');
    if (beforeId !== undefined) q = q.where('id', '<', beforeId);
    return toPage(await q.orderBy('id', 'desc').limit(limit + 1).execute(), limit);
  }

  async since(afterId: number, alsoIds: readonly number[], limit: number): Promise<DomainEvent[]> {
    const rows = await this.db.selectFrom('events').selectAll()
      .where((eb) => alsoIds.length === 0 ? eb('id', '>', afterId) : eb.or([eb('id', '>', afterId), eb('id', 'in', [...alsoIds])]))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toEvent);
  }

  async latestId(): Promise<number> {
    const row = await this.db.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
    return Number(row?.id ?? 0);
  }
}

/** A page from `limit + 1` rows: the extra row only tells that there is more. */
function toPage(rows: Selectable<EventTable>[], limit: number): Page<DomainEvent> {
  const items = rows.slice(0, limit).map(toEvent);
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null };
}

function toEvent(row: Selectable<EventTable>): DomainEvent {
  return {
    id: Number(row.id),
    workspaceId: row.workspace_id,
    entityKind: row.entity_kind as EntityKind,
    entityId: row.entity_id,
    ticketId: row.ticket_id,
    type: row.type,
    actor: { kind: row.actor_kind as AuthorKind, id: row.actor_id, name: row.actor_name },
    at: row.at,
    before: readNullableJson<JsonObject>(row.before),
    after: readNullableJson<JsonObject>(row.after),
    data: readNullableJson<JsonObject>(row.data),
  };
}

/** Appends events in one statement and gives their ids in order. */
export async function insertEvents(db: Kysely<Database>, events: readonly NewDomainEvent[]): Promise<number[]> {
  if (events.length === 0) return [];
  return eventIds((await insertShaped<'events', { id: number | string }>(db, 'events', events.map(eventRow), 'id')).rows);
}

/** The ids of inserted events in the order of their rows: both backends give them so; sorted to be sure of it. */
export function eventIds(rows: readonly { id: number | string }[]): number[] {
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

/** An event as its row of the events table. */
export function eventRow(event: NewDomainEvent) {
  return {
    workspace_id: event.workspaceId,
    entity_kind: event.entityKind,
    entity_id: event.entityId,
    ticket_id: event.ticketId,
    type: event.type,
    actor_kind: event.actor.kind,
    actor_id: event.actor.id,
    actor_name: event.actor.name,
    at: event.at,
    before: writeNullableJson(event.before),
    after: writeNullableJson(event.after),
    data: writeNullableJson(event.data),
  };
}

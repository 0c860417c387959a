import type { Kysely, Selectable } from 'kysely';
import type { TicketTypeRepository } from '../../../domain/store/intake-store.js';
import { ticketTypeDocument, type TicketType, type TicketTypeDocument } from '../../../domain/ticket/ticket-type.js';
import { readJson, writeJson } from '../codec.js';
import type { Database, TicketTypeTable } from '../schema.js';
import { bumpConfigVersion } from './config-version.js';

function toTicketType(row: Selectable<TicketTypeTable>): TicketType {
  return { ...readJson<TicketTypeDocument>(row.document), workspaceId: row.workspace_id, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at };
}

function documentOf(type: TicketType): string {
  return writeJson(ticketTypeDocument(type));
}

/** Ticket types, one row per workspace and name, the document kept whole. */
export class KyselyTicketTypeRepository implements TicketTypeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(workspaceId: string, name: string): Promise<TicketType | undefined> {
    const row = await this.db.selectFrom('ticket_types').selectAll().where('workspace_id', '=', workspaceId).where('name', '=', name).executeTakeFirst();
    return row && toTicketType(row);
  }

  async list(workspaceId: string): Promise<TicketType[]> {
    return (await this.db.selectFrom('ticket_types').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute()).map(toTicketType);
  }

  async insert(type: TicketType): Promise<void> {
    await this.db.insertInto('ticket_types').values({
      workspace_id: type.workspaceId, name: type.name, document: documentOf(type), version: type.version, created_at: type.createdAt, updated_at: type.updatedAt,
    }).execute();
    await bumpConfigVersion(this.db, type.workspaceId);
  }

  async update(type: TicketType): Promise<boolean> {
    const result = await this.db.updateTable('ticket_types')
      .set({ document: documentOf(type), version: type.version, updated_at: type.updatedAt })
      .where('workspace_id', '=', type.workspaceId).where('name', '=', type.name).where('version', '=', type.version - 1).executeTakeFirst();
    if (result.numUpdatedRows > 0n) await bumpConfigVersion(this.db, type.workspaceId);
    return result.numUpdatedRows > 0n;
  }

  async delete(workspaceId: string, name: string): Promise<boolean> {
    const result = await this.db.deleteFrom('ticket_types').where('workspace_id', '=', workspaceId).where('name', '=', name).executeTakeFirst();
    if (result.numDeletedRows > 0n) await bumpConfigVersion(this.db, workspaceId);
    return result.numDeletedRows > 0n;
  }
}

import type { Kysely, Selectable } from 'kysely';
import type { EscalationDocument, PartyDocument } from '../../../domain/escalation/escalation-config.js';
import type { EscalationRecord } from '../../../domain/escalation/escalation.js';
import type { EscalationConfigRecord, EscalationRepository } from '../../../domain/store/workflow-store.js';
import type { AuthorKind } from '../../../domain/ticket/comment.js';
import { readJson, readNullableJson, writeJson, writeNullableJson } from '../codec.js';
import type { Database } from '../schema.js';
import type { EscalationTable } from '../workflow-schema.js';

/** Escalation configs (one per workspace, versioned) and the record of every escalation. */
export class KyselyEscalationRepository implements EscalationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async config(workspaceId: string): Promise<EscalationConfigRecord | undefined> {
    const row = await this.db.selectFrom('escalation_configs').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
    return row && {
      workspaceId: row.workspace_id, document: readJson<EscalationDocument>(row.document), version: row.version,
      updatedAt: row.updated_at, updatedBy: row.updated_by,
    };
  }

  async saveConfig(config: EscalationConfigRecord): Promise<boolean> {
    const values = { document: writeJson(config.document), version: config.version, updated_at: config.updatedAt, updated_by: config.updatedBy };
    if (config.version === 1) {
      await this.db.insertInto('escalation_configs').values({ workspace_id: config.workspaceId, ...values }).execute();
      return true;
    }
    const result = await this.db.updateTable('escalation_configs').set(values)
      .where('workspace_id', '=', config.workspaceId).where('version', '=', config.version - 1).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async insert(record: EscalationRecord): Promise<void> {
    await this.db.insertInto('escalations').values({
      id: record.id, workspace_id: record.workspaceId, ticket_id: record.ticketId, from_level: record.fromLevel, to_level: record.toLevel,
      trigger: record.trigger, reason: record.reason, actor_kind: record.actor.kind, actor_id: record.actor.id, actor_name: record.actor.name,
      queue: record.queue, owner: writeNullableJson(record.owner), informed: writeJson(record.informed), at: record.at,
      first_response_at: record.firstResponseAt,
    }).execute();
  }

  async listForTicket(workspaceId: string, ticketId: string): Promise<EscalationRecord[]> {
    const rows = await this.db.selectFrom('escalations').selectAll()
      .where('workspace_id', '=', workspaceId).where('ticket_id', '=', ticketId).orderBy('at').orderBy('id').execute();
    return rows.map(toRecord);
  }

  async firedTriggers(workspaceId: string, ticketId: string): Promise<Set<string>> {
    const rows = await this.db.selectFrom('escalations').select('trigger')
      .where('workspace_id', '=', workspaceId).where('ticket_id', '=', ticketId).where('to_level', '>', 0).execute();
    return new Set(rows.map((row) => row.trigger));
  }

  async markFirstResponse(workspaceId: string, ticketId: string, at: number): Promise<number> {
    const result = await this.db.updateTable('escalations').set({ first_response_at: at })
      .where('workspace_id', '=', workspaceId).where('ticket_id', '=', ticketId)
      .where('first_response_at', 'is', null).whereRef('to_level', '>', 'from_level').executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}

function toRecord(row: Selectable<EscalationTable>): EscalationRecord {
  return {
    id: row.id, workspaceId: row.workspace_id, ticketId: row.ticket_id, fromLevel: row.from_level, toLevel: row.to_level,
    trigger: row.trigger, reason: row.reason, actor: { kind: row.actor_kind as AuthorKind, id: row.actor_id, name: row.actor_name },
    queue: row.queue, owner: readNullableJson<PartyDocument>(row.owner), informed: readJson<PartyDocument[]>(row.informed),
    at: row.at, firstResponseAt: row.first_response_at,
  };
}

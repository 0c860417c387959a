import type { Kysely, Selectable } from 'kysely';
import type { CannedResponse } from '../../../domain/automation/automation.js';
import type { HandoffPacket } from '../../../domain/handoff/handoff.js';
import type {
  CannedResponseRepository, HandoffRepository, WatcherRepository, WorkflowRepositories,
} from '../../../domain/store/workflow-store.js';
import { readJson, writeJson } from '../codec.js';
import type { Database } from '../schema.js';
import type { CannedResponseTable } from '../workflow-schema.js';
import { KyselyAutomationRepository } from './automation-repository.js';
import { KyselyEscalationRepository } from './escalation-repository.js';

/** Canned responses of a workspace. */
export class KyselyCannedResponseRepository implements CannedResponseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(workspaceId: string, id: string): Promise<CannedResponse | undefined> {
    const row = await this.db.selectFrom('canned_responses').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row && toCanned(row);
  }

  async list(workspaceId: string): Promise<CannedResponse[]> {
    return (await this.db.selectFrom('canned_responses').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute()).map(toCanned);
  }

  async existing(workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('canned_responses').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', [...ids]).execute();
    return new Set(rows.map((row) => row.id));
  }

  async insert(response: CannedResponse): Promise<void> {
    await this.db.insertInto('canned_responses').values({
      id: response.id, workspace_id: response.workspaceId, name: response.name, body: response.body, version: response.version,
      created_at: response.createdAt, updated_at: response.updatedAt,
    }).execute();
  }

  async update(response: CannedResponse): Promise<boolean> {
    const result = await this.db.updateTable('canned_responses')
      .set({ name: response.name, body: response.body, version: response.version, updated_at: response.updatedAt })
      .where('workspace_id', '=', response.workspaceId).where('id', '=', response.id).where('version', '=', response.version - 1).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('canned_responses').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toCanned(row: Selectable<CannedResponseTable>): CannedResponse {
  return {
    id: row.id, workspaceId: row.workspace_id, name: row.name, body: row.body, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** Who watches a ticket. */
export class KyselyWatcherRepository implements WatcherRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(workspaceId: string, ticketId: string, agentId: string, at: number): Promise<boolean> {
    const result = await this.db.insertInto('ticket_watchers').values({ workspace_id: workspaceId, ticket_id: ticketId, agent_id: agentId, added_at: at })
      .onConflict((oc) => oc.columns(['ticket_id', 'agent_id']).doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async list(workspaceId: string, ticketId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('ticket_watchers').select('agent_id')
      .where('workspace_id', '=', workspaceId).where('ticket_id', '=', ticketId).orderBy('added_at').orderBy('agent_id').execute();
    return rows.map((row) => row.agent_id);
  }
}

/** Hand-off packets, one per ticket, found again by the bot's conversation id. */
export class KyselyHandoffRepository implements HandoffRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async forTicket(workspaceId: string, ticketId: string): Promise<HandoffPacket | undefined> {
    const row = await this.db.selectFrom('handoffs').select('packet').where('workspace_id', '=', workspaceId).where('ticket_id', '=', ticketId).executeTakeFirst();
    return row && readJson<HandoffPacket>(row.packet);
  }

  async latestForConversation(workspaceId: string, conversationId: string): Promise<{ ticketId: string; packet: HandoffPacket } | undefined> {
    const row = await this.db.selectFrom('handoffs').select(['ticket_id', 'packet'])
      .where('workspace_id', '=', workspaceId).where('conversation_id', '=', conversationId)
      .orderBy('created_at', 'desc').orderBy('ticket_id', 'desc').limit(1).executeTakeFirst();
    return row && { ticketId: row.ticket_id, packet: readJson<HandoffPacket>(row.packet) };
  }

  async save(workspaceId: string, ticketId: string, packet: HandoffPacket): Promise<void> {
    await this.db.insertInto('handoffs').values({
      ticket_id: ticketId, workspace_id: workspaceId, conversation_id: packet.conversationId, packet: writeJson(packet),
      created_at: packet.receivedAt, updated_at: packet.updatedAt,
    }).onConflict((oc) => oc.column('ticket_id').doUpdateSet({ packet: writeJson(packet), updated_at: packet.updatedAt })).execute();
  }
}

/** The workflow repositories of one connection or transaction. */
export function workflowRepositories(db: Kysely<Database>): WorkflowRepositories {
  return {
    escalations: new KyselyEscalationRepository(db),
    automations: new KyselyAutomationRepository(db),
    cannedResponses: new KyselyCannedResponseRepository(db),
    watchers: new KyselyWatcherRepository(db),
    handoffs: new KyselyHandoffRepository(db),
  };
}

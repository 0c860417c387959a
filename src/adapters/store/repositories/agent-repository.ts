import type { Kysely, Selectable } from 'kysely';
import type { Agent, Presence } from '../../../domain/agent/agent.js';
import type { WorkingHours } from '../../../domain/agent/working-hours.js';
import type { AgentQuery, AgentRepository, Page, StoreCapabilities } from '../../../domain/store/store.js';
import type { JsonObject } from '../../../domain/shared/json.js';
import type { GeoPoint } from '../../../domain/ticket/ticket.js';
import type { DialectTraits } from '../dialect-traits.js';
import { readJson, readNullableJson, writeJson, writeNullableJson } from '../codec.js';
import type { AgentTable, Database } from '../schema.js';

/** Agents, with skills, capacity and hours kept as JSON documents. */
export class KyselyAgentRepository implements AgentRepository {
  private readonly capabilities: StoreCapabilities;

  constructor(private readonly db: Kysely<Database>, private readonly traits: DialectTraits) {
    this.capabilities = traits.capabilities;
  }

  async listAll(workspaceId: string): Promise<Agent[]> {
    const rows = await this.db.selectFrom('agents').selectAll().where('workspace_id', '=', workspaceId).where('removed_at', 'is', null).orderBy('id').execute();
    return rows.map(toAgent);
  }

  async lockForAssignment(workspaceId: string, id: string, options: { passOverHeld?: boolean } = {}): Promise<Agent | undefined> {
    let q = this.db.selectFrom('agents').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId);
    if (this.capabilities.supportsRowLocks) q = q.forUpdate();
    if (options.passOverHeld && this.capabilities.supportsSkipLocked) q = q.skipLocked();
    const row = await q.executeTakeFirst();
    return row && toAgent(row);
  }

  async get(workspaceId: string, id: string): Promise<Agent | undefined> {
    const row = await this.db.selectFrom('agents').selectAll().where('id', '=', id).where('workspace_id', '=', workspaceId).executeTakeFirst();
    return row && toAgent(row);
  }

  async insert(agent: Agent): Promise<void> {
    await this.db.insertInto('agents').values({ id: agent.id, workspace_id: agent.workspaceId, ...toRow(agent) }).execute();
  }

  async update(agent: Agent, expectedVersion: number): Promise<boolean> {
    const result = await this.db
      .updateTable('agents')
      .set(toRow(agent))
      .where('id', '=', agent.id)
      .where('workspace_id', '=', agent.workspaceId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async list(query: AgentQuery): Promise<Page<Agent>> {
    let q = this.db.selectFrom('agents').selectAll().where('workspace_id', '=', query.workspaceId);
    if (!query.includeRemoved) q = q.where('removed_at', 'is', null);
    if (query.statuses?.length) q = q.where('status', 'in', query.statuses);
    // Teams and skill names are stored lower-cased (agent.ts), so the filters are too.
    if (query.team !== undefined) q = q.where(this.traits.jsonArrayHas('teams', query.team.toLowerCase()));
    if (query.skill !== undefined) q = q.where(this.traits.jsonHasKey('skills', query.skill.toLowerCase()));
    if (query.after !== undefined) q = q.where('id', '>', query.after);
    const rows = await q.orderBy('id').limit(query.limit + 1).execute();
    const items = rows.slice(0, query.limit).map(toAgent);
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
  }
}

function toRow(agent: Agent) {
  return {
    name: agent.name,
    email: agent.email,
    skills: writeJson(agent.skills),
    languages: writeJson(agent.languages),
    teams: writeJson(agent.teams),
    level: agent.level,
    capacity: writeJson(agent.capacity),
    status: agent.status,
    status_changed_at: agent.statusChangedAt,
    working_hours: writeNullableJson(agent.workingHours),
    location: writeNullableJson(agent.location),
    attributes: writeJson(agent.attributes),
    version: agent.version,
    created_at: agent.createdAt,
    updated_at: agent.updatedAt,
    removed_at: agent.removedAt,
  };
}

function toAgent(row: Selectable<AgentTable>): Agent {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    email: row.email,
    skills: readJson<Record<string, number>>(row.skills),
    languages: readJson<string[]>(row.languages),
    teams: readJson<string[]>(row.teams),
    level: row.level,
    capacity: readJson<Agent['capacity']>(row.capacity),
    status: row.status as Presence,
    statusChangedAt: row.status_changed_at,
    workingHours: readNullableJson<WorkingHours>(row.working_hours),
    location: readNullableJson<GeoPoint>(row.location),
    attributes: readJson<JsonObject>(row.attributes),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    removedAt: row.removed_at,
  };
}

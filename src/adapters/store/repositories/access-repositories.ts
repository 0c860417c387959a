import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../../../domain/auth/roles.js';
import type { ApiToken } from '../../../domain/auth/token.js';
import type {
  IdempotencyRecord, IdempotencyRepository, TokenRepository, WorkspaceRepository,
} from '../../../domain/store/store.js';
import type { JsonObject } from '../../../domain/shared/json.js';
import type { Workspace } from '../../../domain/workspace/workspace.js';
import { readJson, writeJson } from '../codec.js';
import type { ApiTokenTable, Database, WorkspaceTable } from '../schema.js';


/** Workspaces (tenants). */
export class KyselyWorkspaceRepository implements WorkspaceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string): Promise<Workspace | undefined> {
    const row = await this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toWorkspace(row);
  }

  async getBySlug(slug: string): Promise<Workspace | undefined> {
    const row = await this.db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row && toWorkspace(row);
  }

  async insert(workspace: Workspace): Promise<void> {
    await this.db
      .insertInto('workspaces')
      .values({ id: workspace.id, name: workspace.name, slug: workspace.slug, settings: writeJson(workspace.settings), created_at: workspace.createdAt })
      .execute();
  }

  async list(): Promise<Workspace[]> {
    const rows = await this.db.selectFrom('workspaces').selectAll().orderBy('created_at').execute();
    return rows.map(toWorkspace);
  }

  async updateSettings(id: string, settings: JsonObject): Promise<void> {
    await this.db.updateTable('workspaces').set((eb) => ({ settings: writeJson(settings), config_version: eb('config_version', '+', 1) })).where('id', '=', id).execute();
  }
}

function toWorkspace(row: Selectable<WorkspaceTable>): Workspace {
  return { id: row.id, name: row.name, slug: row.slug, settings: readJson<JsonObject>(row.settings), createdAt: row.created_at };
}

/** API tokens, found by the hash of their secret. */
export class KyselyTokenRepository implements TokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByHash(hash: string): Promise<ApiToken | undefined> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
    return row && toToken(row);
  }

  async insert(token: ApiToken): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: token.id, workspace_id: token.workspaceId, name: token.name, role: token.role, agent_id: token.agentId, user_id: token.userId,
        hash: token.hash, created_at: token.createdAt, revoked_at: token.revokedAt,
      })
      .execute();
  }

  async list(workspaceId: string): Promise<ApiToken[]> {
    const rows = await this.db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute();
    return rows.map(toToken);
  }

  async revoke(workspaceId: string, id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}

function toToken(row: Selectable<ApiTokenTable>): ApiToken {
  return {
    id: row.id, workspaceId: row.workspace_id, name: row.name, role: row.role as Role, agentId: row.agent_id, userId: row.user_id,
    hash: row.hash, createdAt: row.created_at, revokedAt: row.revoked_at,
  };
}

/** Stored responses of idempotent creates. */
export class KyselyIdempotencyRepository implements IdempotencyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(workspaceId: string, scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    return row && {
      workspaceId: row.workspace_id, scope: row.scope, key: row.key, requestHash: row.request_hash,
      responseStatus: row.response_status, responseBody: row.response_body, createdAt: row.created_at,
    };
  }

  async insert(record: IdempotencyRecord): Promise<void> {
    await this.db
      .insertInto('idempotency_keys')
      .values({
        workspace_id: record.workspaceId, scope: record.scope, key: record.key, request_hash: record.requestHash,
        response_status: record.responseStatus, response_body: record.responseBody, created_at: record.createdAt,
      })
      .execute();
  }

  async delete(workspaceId: string, scope: string, key: string): Promise<void> {
    await this.db.deleteFrom('idempotency_keys').where('workspace_id', '=', workspaceId).where('scope', '=', scope).where('key', '=', key).execute();
  }

  async deleteOlderThan(at: number): Promise<number> {
    const result = await this.db.deleteFrom('idempotency_keys').where('created_at', '<', at).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

import type { Kysely, Selectable } from 'kysely';
import type { Session } from '../../../domain/auth/user.js';
import type { SessionRepository } from '../../../domain/store/user-store.js';
import type { Database } from '../schema.js';
import type { SessionTable } from '../user-schema.js';

/** Server-side sessions, found by the hash of their cookie. */
export class KyselySessionRepository implements SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(session: Session): Promise<void> {
    await this.db.insertInto('sessions').values({
      id: session.id, hash: session.hash, user_id: session.userId, workspace_id: session.workspaceId, created_at: session.createdAt,
      last_seen_at: session.lastSeenAt, expires_at: session.expiresAt, revoked_at: session.revokedAt, address: session.address, user_agent: session.userAgent,
    }).execute();
  }

  async findByHash(hash: string): Promise<Session | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('hash', '=', hash).executeTakeFirst();
    return row && toSession(row);
  }

  async touch(id: string, at: number): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  async revoke(userId: string, id: string, at: number): Promise<boolean> {
    const result = await this.db.updateTable('sessions').set({ revoked_at: at })
      .where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async revokeAll(userId: string, at: number): Promise<number> {
    const result = await this.db.updateTable('sessions').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async listLive(userId: string, now: number): Promise<Session[]> {
    const rows = await this.db.selectFrom('sessions').selectAll()
      .where('user_id', '=', userId).where('revoked_at', 'is', null).where('expires_at', '>', now)
      .orderBy('created_at', 'desc').execute();
    return rows.map(toSession);
  }
}

function toSession(row: Selectable<SessionTable>): Session {
  return {
    id: row.id, hash: row.hash, userId: row.user_id, workspaceId: row.workspace_id, createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at), expiresAt: Number(row.expires_at), revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    address: row.address, userAgent: row.user_agent,
  };
}

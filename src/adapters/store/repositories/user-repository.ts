import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Preferences } from '../../../domain/auth/preferences.js';
import type { Role } from '../../../domain/auth/roles.js';
import type { Membership, User } from '../../../domain/auth/user.js';
import { isLocale } from '../../../domain/i18n/locales.js';
import type { Member, UserRepository } from '../../../domain/store/user-store.js';
import type { Database } from '../schema.js';
import type { MembershipTable, UserTable } from '../user-schema.js';

/** Whether a provider's subject is bound to the account (`users.single_sign_on` as the row is read). */
function singleSignOn(eb: ExpressionBuilder<Database, 'users'>) {
  return eb.exists(eb.selectFrom('sso_identities').select('sso_identities.user_id').whereRef('sso_identities.user_id', '=', 'users.id')).as('single_sign_on');
}

/** Accounts and memberships. */
export class KyselyUserRepository implements UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').selectAll().select(singleSignOn).where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const row = await this.db.selectFrom('users').selectAll().select(singleSignOn).where('email', '=', email.toLowerCase()).executeTakeFirst();
    return row && toUser(row);
  }

  async insert(user: User): Promise<void> {
    await this.db.insertInto('users').values({
      id: user.id, email: user.email, name: user.name, password_hash: user.passwordHash, disabled_at: user.disabledAt,
      failed_attempts: user.failedAttempts, locked_until: user.lockedUntil, created_at: user.createdAt,
      language: user.language, time_zone: user.timeZone,
    }).execute();
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash, failed_attempts: 0, locked_until: null }).where('id', '=', id).execute();
  }

  async setDisabled(id: string, at: number | null): Promise<void> {
    await this.db.updateTable('users').set({ disabled_at: at }).where('id', '=', id).execute();
  }

  async setPreferences(id: string, preferences: Preferences): Promise<void> {
    await this.db.updateTable('users').set({ language: preferences.language, time_zone: preferences.timeZone }).where('id', '=', id).execute();
  }

  async recordFailure(id: string, lockedUntil: number | null): Promise<void> {
    await this.db.updateTable('users').set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), locked_until: lockedUntil })).where('id', '=', id).execute();
  }

  async clearFailures(id: string): Promise<void> {
    await this.db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute();
  }

  async addMembership(membership: Membership): Promise<void> {
    await this.db.insertInto('memberships').values({
      user_id: membership.userId, workspace_id: membership.workspaceId, role: membership.role, agent_id: membership.agentId, created_at: membership.createdAt,
    }).execute();
  }

  async membership(workspaceId: string, userId: string): Promise<Membership | undefined> {
    const row = await this.db.selectFrom('memberships').selectAll().where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
    return row && toMembership(row);
  }

  async memberships(userId: string): Promise<Membership[]> {
    const rows = await this.db.selectFrom('memberships').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('workspace_id').execute();
    return rows.map(toMembership);
  }

  async updateMembership(workspaceId: string, userId: string, change: { role: Role; agentId?: string | null }): Promise<boolean> {
    const result = await this.db.updateTable('memberships')
      .set({ role: change.role, ...(change.agentId === undefined ? {} : { agent_id: change.agentId }) })
      .where('workspace_id', '=', workspaceId).where('user_id', '=', userId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async listMembers(workspaceId: string): Promise<Member[]> {
    const rows = await this.db.selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .selectAll('users')
      .select(singleSignOn)
      .select(['memberships.workspace_id', 'memberships.role', 'memberships.agent_id', 'memberships.created_at as joined_at', 'memberships.user_id'])
      .where('memberships.workspace_id', '=', workspaceId)
      .orderBy('users.email')
      .execute();
    return rows.map((row) => ({
      user: toUser(row),
      membership: toMembership({ user_id: row.user_id, workspace_id: row.workspace_id, role: row.role, agent_id: row.agent_id, created_at: row.joined_at }),
    }));
  }

  async countAdmins(workspaceId: string): Promise<number> {
    const row = await this.db.selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('memberships.workspace_id', '=', workspaceId)
      .where('memberships.role', '=', 'admin')
      .where('users.disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}

function toUser(row: Selectable<UserTable> & { single_sign_on: unknown }): User {
  return {
    id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash, disabledAt: row.disabled_at === null ? null : Number(row.disabled_at),
    failedAttempts: Number(row.failed_attempts), lockedUntil: row.locked_until === null ? null : Number(row.locked_until), createdAt: Number(row.created_at),
    language: isLocale(row.language) ? row.language : null, timeZone: row.time_zone,
    // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
    singleSignOn: Boolean(Number(row.single_sign_on)),
  };
}

function toMembership(row: Selectable<MembershipTable>): Membership {
  return { userId: row.user_id, workspaceId: row.workspace_id, role: row.role as Role, agentId: row.agent_id, createdAt: Number(row.created_at) };
}

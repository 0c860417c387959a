import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * People who sign in: accounts (one per e-mail address, across workspaces), their role in each
 * workspace, the server-side sessions of their browsers, and the owner of each API token.
 */
export function usersSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('disabled_at', traits.bigintType)
        .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', traits.bigintType)
        .addColumn('created_at', traits.bigintType, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('memberships')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text')
        .addColumn('created_at', traits.bigintType, (c) => c.notNull())
        .addPrimaryKeyConstraint('memberships_pk', ['workspace_id', 'user_id'])
        .execute();
      await db.schema.createIndex('memberships_user_idx').on('memberships').columns(['user_id']).execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('created_at', traits.bigintType, (c) => c.notNull())
        .addColumn('last_seen_at', traits.bigintType, (c) => c.notNull())
        .addColumn('expires_at', traits.bigintType, (c) => c.notNull())
        .addColumn('revoked_at', traits.bigintType)
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('user_agent', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').columns(['user_id', 'created_at']).execute();
      await db.schema.alterTable('api_tokens').addColumn('user_id', 'text').execute();
    },
  };
}

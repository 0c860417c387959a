import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * Keys a workspace signs with (requesters' status and unsubscribe links), made on first use and
 * kept in the database so every node of a deployment checks a link the same way.
 */
export function workspaceSecretsSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('workspace_secrets')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', traits.bigintType, (c) => c.notNull())
        .addPrimaryKeyConstraint('workspace_secrets_pk', ['workspace_id', 'name'])
        .execute();
    },
  };
}

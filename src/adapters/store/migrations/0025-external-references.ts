import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * What a record was called in the help desk it was imported from (a Zendesk ticket id, a
 * Freshdesk comment id), so running an import again updates what it made instead of making it twice.
 */
export function externalReferencesSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('external_references')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('local_id', 'text', (c) => c.notNull())
        .addColumn('created_at', traits.bigintType, (c) => c.notNull())
        .addPrimaryKeyConstraint('external_references_pk', ['workspace_id', 'source', 'external_id'])
        .execute();
    },
  };
}

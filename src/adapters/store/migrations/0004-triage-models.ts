import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * Trained triage models, one row per workspace, kind and version; the highest version of a kind
 * is the one in use, so a failed training leaves the previous model in place. The model document
 * is text, not a JSON column: it is megabytes of base64 that the database has no reason to parse.
 */
export function triageModelsSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('triage_models')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', traits.bigintType, (c) => c.notNull())
        .addColumn('data_size', 'integer', (c) => c.notNull())
        .addColumn('metrics', traits.jsonType, (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('triage_models_pk', ['workspace_id', 'kind', 'version'])
        .execute();
    },
  };
}

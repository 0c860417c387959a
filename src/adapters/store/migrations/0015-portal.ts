import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * The requester portal: satisfaction ratings (one per resolution of a ticket), knowledge-base
 * articles that answered a requester before they asked (deflections), and the proof-of-work
 * challenges already used, so none is accepted twice.
 */
export function portalSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('csat_ratings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('ticket_id', 'text', (c) => c.notNull())
        .addColumn('resolved_at', traits.bigintType, (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('agent_id', 'text')
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('rated_at', traits.bigintType, (c) => c.notNull())
        .addUniqueConstraint('csat_ratings_resolution_unique', ['workspace_id', 'ticket_id', 'resolved_at'])
        .execute();
      await db.schema.createIndex('csat_ratings_rated_at').on('csat_ratings').columns(['workspace_id', 'rated_at']).execute();
      await db.schema
        .createTable('kb_deflections')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('at', traits.bigintType, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('kb_deflections_at').on('kb_deflections').columns(['workspace_id', 'at']).execute();
      await db.schema
        .createTable('portal_challenges')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('expires_at', traits.bigintType, (c) => c.notNull())
        .addPrimaryKeyConstraint('portal_challenges_pk', ['workspace_id', 'id'])
        .execute();
      await db.schema.createIndex('portal_challenges_expiry').on('portal_challenges').columns(['expires_at']).execute();
    },
  };
}

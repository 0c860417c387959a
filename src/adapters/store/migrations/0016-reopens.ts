import type { Kysely, Migration } from 'kysely';

/**
 * How often a ticket was reopened after a resolution: a reopened ticket is one outcome that was
 * not clean, for `best_performer` learning and for first-contact resolution.
 */
export function reopensSchema(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('tickets').addColumn('reopens', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  };
}

import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/** Ticket types a workspace configured: the fields each asks for, checked at intake and shown on forms. */
export function ticketTypesSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('ticket_types')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('document', traits.jsonType, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', traits.bigintType, (c) => c.notNull())
        .addColumn('updated_at', traits.bigintType, (c) => c.notNull())
        .addPrimaryKeyConstraint('ticket_types_pk', ['workspace_id', 'name'])
        .execute();
    },
  };
}

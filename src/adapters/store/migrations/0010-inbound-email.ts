import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * The Message-IDs of inbound mail: a reply finds its ticket through the ids it answers, and the
 * primary key makes a re-posted message (or two relays posting it at once) land only once.
 */
export function inboundEmailSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('inbound_emails')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('created_at', traits.bigintType, (c) => c.notNull())
        .addPrimaryKeyConstraint('inbound_emails_pk', ['workspace_id', 'message_id'])
        .execute();
    },
  };
}

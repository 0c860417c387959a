import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * Mailboxes read over IMAP: settings, the lease that lets one node read each, the progress mark
 * and the last outcome; and the messages taken from each, keyed by UIDVALIDITY and UID so a
 * message is taken in once even when the reader stops between taking it in and moving it.
 */
export function mailboxesSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('mailboxes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('port', 'integer', (c) => c.notNull())
        .addColumn('tls', 'text', (c) => c.notNull())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('password', 'text', (c) => c.notNull())
        .addColumn('folder', 'text', (c) => c.notNull())
        .addColumn('after_import', 'text', (c) => c.notNull())
        .addColumn('move_to', 'text')
        .addColumn('uid_validity', traits.bigintType)
        .addColumn('last_uid', traits.bigintType, (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', traits.bigintType, (c) => c.notNull())
        .addColumn('last_success_at', traits.bigintType)
        .addColumn('last_error', 'text')
        .addColumn('last_error_at', traits.bigintType)
        .addColumn('created_at', traits.bigintType, (c) => c.notNull())
        .addColumn('updated_at', traits.bigintType, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('mailboxes_workspace').on('mailboxes').columns(['workspace_id', 'created_at']).execute();
      await db.schema
        .createTable('mailbox_messages')
        .addColumn('mailbox_id', 'text', (c) => c.notNull().references('mailboxes.id'))
        .addColumn('uid_validity', traits.bigintType, (c) => c.notNull())
        .addColumn('uid', traits.bigintType, (c) => c.notNull())
        .addColumn('message_id', 'text')
        .addColumn('ticket_id', 'text')
        .addColumn('at', traits.bigintType, (c) => c.notNull())
        .addPrimaryKeyConstraint('mailbox_messages_pk', ['mailbox_id', 'uid_validity', 'uid'])
        .execute();
    },
  };
}

import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * The outbox of account mails (invitations, password resets): written in the transaction that
 * makes the link, sent by the worker with the notification mails' retries. Kept apart from
 * `email_messages`, whose every mail belongs to a ticket.
 */
export function accountMailsSchema(traits: DialectTraits): Migration {
  const { bigintType: bigint } = traits;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('account_mails')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text_body', 'text', (c) => c.notNull())
        .addColumn('html_body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', bigint)
        .addColumn('last_error', 'text')
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('sent_at', bigint)
        .execute();
      await db.schema.createIndex('account_mails_due').on('account_mails').column('next_attempt_at')
        .where(sql<boolean>`status = 'pending'`).execute();
    },
  };
}

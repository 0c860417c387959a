import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * Outbound e-mail: the outbox of rendered mails (written in the transaction of the event that
 * causes them, sent by the worker), requesters' opt-outs, each workspace's own templates and its
 * mail settings.
 */
export function outboundEmailSchema(traits: DialectTraits): Migration {
  const { bigintType: bigint } = traits;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('email_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('recipient_kind', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text_body', 'text', (c) => c.notNull())
        .addColumn('html_body', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('in_reply_to', 'text')
        .addColumn('reference_ids', 'text', (c) => c.notNull())
        .addColumn('unsubscribe_url', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', bigint)
        .addColumn('last_error', 'text')
        .addColumn('dedupe_key', 'text')
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('sent_at', bigint)
        .execute();
      await db.schema.createIndex('email_messages_ticket').on('email_messages').columns(['workspace_id', 'ticket_id', 'id']).execute();
      // Replies find their ticket by the Message-ID they answer.
      await db.schema.createIndex('email_messages_message_id').on('email_messages').columns(['workspace_id', 'message_id']).execute();
      await db.schema.createIndex('email_messages_due').on('email_messages').column('next_attempt_at')
        .where(sql<boolean>`status = 'pending'`).execute();
      await db.schema.createIndex('email_messages_dedupe').on('email_messages').columns(['workspace_id', 'dedupe_key']).unique()
        .where(sql<boolean>`dedupe_key is not null`).execute();

      await db.schema
        .createTable('email_opt_outs')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('email_opt_outs_pk', ['workspace_id', 'address'])
        .execute();

      await db.schema
        .createTable('email_templates')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text_body', 'text', (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('email_templates_pk', ['workspace_id', 'kind', 'locale'])
        .execute();

      await db.schema
        .createTable('email_settings')
        .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
        .addColumn('update_interval_hours', 'integer', (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .execute();
    },
  };
}

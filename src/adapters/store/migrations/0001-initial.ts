import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/** Workspaces, tokens, agents, tickets with their tags and links, comments, events, idempotency keys. */
export function initialSchema(traits: DialectTraits): Migration {
  const { jsonType: json, bigintType: bigint } = traits;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('workspaces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('settings', json, (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text')
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('revoked_at', bigint)
        .execute();

      await db.schema
        .createTable('agents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('skills', json, (c) => c.notNull())
        .addColumn('languages', json, (c) => c.notNull())
        .addColumn('teams', json, (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('capacity', json, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_changed_at', bigint, (c) => c.notNull())
        .addColumn('working_hours', json)
        .addColumn('location', json)
        .addColumn('attributes', json, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .addColumn('removed_at', bigint)
        .execute();
      await db.schema.createIndex('agents_workspace').on('agents').columns(['workspace_id', 'id']).execute();

      await db.schema
        .createTable('tickets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('customer', json)
        .addColumn('customer_id', 'text')
        .addColumn('customer_email', 'text')
        .addColumn('tags', json, (c) => c.notNull())
        .addColumn('fields', json, (c) => c.notNull())
        .addColumn('location', json)
        .addColumn('language', 'text')
        .addColumn('due_at', bigint)
        .addColumn('queue', 'text')
        .addColumn('assignee_id', 'text')
        .addColumn('escalation_level', 'integer', (c) => c.notNull())
        .addColumn('escalation_reason', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .addColumn('first_response_at', bigint)
        .addColumn('resolved_at', bigint)
        .addColumn('closed_at', bigint)
        .execute();
      await db.schema.createIndex('tickets_workspace').on('tickets').columns(['workspace_id', 'id']).execute();
      await db.schema.createIndex('tickets_status').on('tickets').columns(['workspace_id', 'status', 'id']).execute();
      await db.schema.createIndex('tickets_assignee').on('tickets').columns(['workspace_id', 'assignee_id', 'status']).execute();
      await db.schema.createIndex('tickets_queue').on('tickets').columns(['workspace_id', 'queue', 'status']).execute();
      await db.schema.createIndex('tickets_customer_email').on('tickets').columns(['workspace_id', 'customer_email']).execute();
      await db.schema.createIndex('tickets_customer_id').on('tickets').columns(['workspace_id', 'customer_id']).execute();

      await db.schema
        .createTable('ticket_tags')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ticket_tags_pk', ['ticket_id', 'tag'])
        .execute();
      await db.schema.createIndex('ticket_tags_tag').on('ticket_tags').columns(['workspace_id', 'tag', 'ticket_id']).execute();

      await db.schema
        .createTable('ticket_links')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull().references('tickets.id'))
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('ticket_links_pk', ['ticket_id', 'kind', 'target_id'])
        .execute();
      await db.schema.createIndex('ticket_links_target').on('ticket_links').columns(['workspace_id', 'target_id', 'kind']).execute();

      await db.schema
        .createTable('comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('author_kind', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text')
        .addColumn('author_name', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('comments_ticket').on('comments').columns(['ticket_id', 'id']).execute();

      await traits
        .addAutoIdColumn(db.schema.createTable('events'))
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('entity_kind', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('at', bigint, (c) => c.notNull())
        .addColumn('before', json)
        .addColumn('after', json)
        .addColumn('data', json)
        .execute();
      await db.schema.createIndex('events_ticket').on('events').columns(['ticket_id', 'id']).execute();
      await db.schema.createIndex('events_entity').on('events').columns(['workspace_id', 'entity_id', 'id']).execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('response_status', 'integer', (c) => c.notNull())
        .addColumn('response_body', 'text', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['workspace_id', 'scope', 'key'])
        .execute();
      await db.schema.createIndex('idempotency_keys_age').on('idempotency_keys').column('created_at').execute();
    },
  };
}

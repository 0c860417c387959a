import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * Escalation and automations: the escalation config and record, automations with their schedules,
 * canned responses, watchers, hand-off packets, and the marks that make reactions happen once.
 */
export function escalationAutomationSchema(traits: DialectTraits): Migration {
  const { jsonType: json, bigintType: bigint } = traits;
  return {
    async up(db: Kysely<unknown>) {
      // Bumped by every workflow change, so a node knows when its compiled rules are stale.
      await db.schema.alterTable('workspaces').addColumn('workflow_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();

      await db.schema
        .createTable('escalation_configs')
        .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
        .addColumn('document', json, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();

      await db.schema
        .createTable('escalations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
        .addColumn('from_level', 'integer', (c) => c.notNull())
        .addColumn('to_level', 'integer', (c) => c.notNull())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('queue', 'text')
        .addColumn('owner', json)
        .addColumn('informed', json, (c) => c.notNull())
        .addColumn('at', bigint, (c) => c.notNull())
        .addColumn('first_response_at', bigint)
        .execute();
      await db.schema.createIndex('escalations_ticket').on('escalations').columns(['workspace_id', 'ticket_id', 'at']).execute();

      await db.schema
        .createTable('automations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('document', json, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .addColumn('next_run_at', bigint)
        .execute();
      await db.schema.createIndex('automations_workspace').on('automations').columns(['workspace_id', 'id']).execute();
      await db.schema.createIndex('automations_due').on('automations').column('next_run_at').execute();

      await db.schema
        .createTable('automation_marks')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('automation_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text', (c) => c.notNull())
        .addColumn('fired_at', bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('automation_marks_pk', ['automation_id', 'ticket_id'])
        .execute();

      await db.schema
        .createTable('dispatched_events')
        .addColumn('event_id', bigint, (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('at', bigint, (c) => c.notNull())
        .execute();
      // Only SLA events are looked for by type, so only they pay for the index.
      await db.schema.createIndex('events_sla').on('events').columns(['at', 'id'])
        .where(sql<boolean>`type in ('sla.warning', 'sla.breached')`).execute();

      await db.schema
        .createTable('canned_responses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('canned_responses_workspace').on('canned_responses').columns(['workspace_id', 'id']).execute();

      await db.schema
        .createTable('ticket_watchers')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
        .addColumn('agent_id', 'text', (c) => c.notNull())
        .addColumn('added_at', bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('ticket_watchers_pk', ['ticket_id', 'agent_id'])
        .execute();

      await db.schema
        .createTable('handoffs')
        .addColumn('ticket_id', 'text', (c) => c.primaryKey().references('tickets.id'))
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull())
        .addColumn('packet', json, (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('handoffs_conversation').on('handoffs').columns(['workspace_id', 'conversation_id', 'created_at']).execute();
    },
  };
}

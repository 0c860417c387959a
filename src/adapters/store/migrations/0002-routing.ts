import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/** Routing: policy versions, the routing state of tickets, offers, durable timers, decisions, performance. */
export function routingSchema(traits: DialectTraits): Migration {
  const { jsonType: json, bigintType: bigint } = traits;
  return {
    async up(db: Kysely<unknown>) {
      // SQLite adds one column per ALTER TABLE statement.
      await db.schema.alterTable('workspaces').addColumn('policy_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('workspaces').addColumn('agents_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('tickets').addColumn('routing', json).execute();
      await db.schema.alterTable('tickets').addColumn('reroutes', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('tickets').addColumn('queue_rank', bigint).execute();
      await db.schema.alterTable('tickets').addColumn('load_units', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await db.schema.createIndex('tickets_waiting').on('tickets').columns(['workspace_id', 'queue', 'queue_rank']).execute();

      await db.schema
        .createTable('routing_policies')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', json, (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('restored_from', 'integer')
        .addPrimaryKeyConstraint('routing_policies_pk', ['workspace_id', 'version'])
        .execute();

      await db.schema
        .createTable('offers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
        .addColumn('agent_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('capacity_class', 'text', (c) => c.notNull())
        .addColumn('load_units', 'integer', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('expires_at', bigint, (c) => c.notNull())
        .addColumn('answered_at', bigint)
        .execute();
      await db.schema.createIndex('offers_agent').on('offers').columns(['workspace_id', 'agent_id', 'status']).execute();

      await db.schema
        .createTable('timers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text', (c) => c.notNull())
        .addColumn('ref', 'text', (c) => c.notNull())
        .addColumn('due_at', bigint, (c) => c.notNull())
        .addColumn('fired_at', bigint)
        .execute();
      await db.schema.createIndex('timers_due').on('timers').columns(['fired_at', 'due_at']).execute();

      await db.schema
        .createTable('routing_decisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('ticket_id', 'text', (c) => c.notNull())
        .addColumn('at', bigint, (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text')
        .addColumn('trace', json, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('routing_decisions_ticket').on('routing_decisions').columns(['ticket_id', 'id']).execute();

      await db.schema
        .createTable('agent_performance')
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('agent_id', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('score_sum', 'double precision', (c) => c.notNull())
        .addPrimaryKeyConstraint('agent_performance_pk', ['workspace_id', 'agent_id', 'category'])
        .execute();
    },
  };
}

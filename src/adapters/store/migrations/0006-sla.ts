import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/** SLA settings: business-hours calendars and the ordered SLA policies (ticket clocks live in tickets.sla). */
export function slaSchema(traits: DialectTraits): Migration {
  const { jsonType: json, bigintType: bigint } = traits;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('business_hours')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('weekly', json, (c) => c.notNull())
        .addColumn('holidays', json, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('business_hours_workspace').on('business_hours').columns(['workspace_id', 'name']).execute();

      await db.schema
        .createTable('sla_policies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('condition', 'text', (c) => c.notNull())
        .addColumn('warn_fraction', 'double precision', (c) => c.notNull())
        .addColumn('targets', json, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sla_policies_order').on('sla_policies').columns(['workspace_id', 'position']).execute();
    },
  };
}

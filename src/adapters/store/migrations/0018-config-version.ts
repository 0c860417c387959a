import type { Kysely, Migration } from 'kysely';

/**
 * A counter on each workspace bumped by every change to what intake reads (settings, ticket
 * types, SLA policies and business hours, webhook endpoints, triage models), so each node keeps
 * those in memory and notices another node's change with one indexed read. And the place of each
 * link among a ticket's links written at once (intake writes the sender's links and the suspected
 * duplicates in one statement, at one time).
 */
export function configVersionSchema(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('workspaces').addColumn('config_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('ticket_links').addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  };
}

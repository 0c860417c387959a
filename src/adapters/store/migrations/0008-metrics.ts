import type { Kysely, Migration } from 'kysely';

/**
 * Indexes for the metrics report: tickets by when they were created and resolved, events by type
 * and time (SLA breaches, assignments), escalations by time. Without them a report over a week
 * reads every ticket and event of the workspace.
 */
export function metricsSchema(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('tickets_created').on('tickets').columns(['workspace_id', 'created_at']).execute();
      await db.schema.createIndex('tickets_resolved').on('tickets').columns(['workspace_id', 'resolved_at']).execute();
      await db.schema.createIndex('events_type_at').on('events').columns(['workspace_id', 'type', 'at']).execute();
      await db.schema.createIndex('escalations_at').on('escalations').columns(['workspace_id', 'at']).execute();
    },
  };
}

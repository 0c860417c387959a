import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Indexes for the pages an agent desk asks for on a large backlog, each an ordered walk of one
 * index range that stops at the page's end (docs/benchmarks.md, "Desk reads"):
 * - an agent's own work (`assignee`, `status`, newest first): `tickets_assignee` gains `id`, so the
 *   page comes in order without reading the agent's other tickets; it replaces the old index,
 *   whose every use the longer one serves as well;
 * - queued work by priority (`status`, `priority`, newest first): one walk per pair of values.
 */
export function deskIndexesSchema(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const ticketIndex = (name: string, columns: string[]) =>
        db.schema.createIndex(name).on('tickets').columns(columns).execute();
      await db.schema.dropIndex('tickets_assignee').execute();
      await ticketIndex('tickets_assignee', ['workspace_id', 'assignee_id', 'status', 'id']);
      await ticketIndex('tickets_priority', ['workspace_id', 'status', 'priority', 'id']);
      // Statistics for the new indexes at once: SQLite plans with those it has, and an index it
      // has never analysed looks cheaper than it is, so "newest first" would take it and sort.
      // ANALYZE of one table is valid on both backends and bounded by their sampling.
      await sql`analyze tickets`.execute(db);
    },
  };
}

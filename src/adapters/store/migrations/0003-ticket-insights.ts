import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/** What triage and SLA add to a ticket: the AI prediction, the text signals, the SLA clocks. */
export function ticketInsightsSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const column of ['ai', 'signals', 'sla']) {
        await db.schema.alterTable('tickets').addColumn(column, traits.jsonType).execute();
      }
    },
  };
}

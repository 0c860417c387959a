import type { Migration, MigrationProvider } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';
import { initialSchema } from './0001-initial.js';
import { routingSchema } from './0002-routing.js';

/** The one migration set both backends run, in name order. */
export function migrationProvider(traits: DialectTraits): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001-initial': initialSchema(traits),
        '0002-routing': routingSchema(traits),
      };
    },
  };
}

import type { Kysely, Migration } from 'kysely';

/**
 * Each person's own language and time zone for the dashboard; null follows the browser. Kept on
 * the account, not the membership: the same person reads every workspace the same way.
 */
export function userPreferencesSchema(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('language', 'text').execute();
      await db.schema.alterTable('users').addColumn('time_zone', 'text').execute();
    },
  };
}

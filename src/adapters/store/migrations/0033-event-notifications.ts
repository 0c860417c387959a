import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * Appended events wake the listeners of every node through the database itself (a trigger on
 * PostgreSQL), instead of a statement each transaction sends after its events: one round trip
 * fewer for every change.
 */
export function eventNotificationsSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await traits.installEventNotifications(db);
    },
  };
}

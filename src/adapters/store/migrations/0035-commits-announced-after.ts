import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * Takes out the events trigger of 0033. A transaction that notifies holds PostgreSQL's
 * notification lock from its commit until the commit is on the disk, so with the trigger every
 * ticket's commit waited for the flush of the one before instead of sharing it (one node's intake
 * ran ~17 % faster without it). A store now announces the commits that appended events after
 * they are made, several at once when they come close together (CommitAnnouncer).
 */
export function commitsAnnouncedAfterSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await traits.removeEventNotifications(db);
    },
  };
}

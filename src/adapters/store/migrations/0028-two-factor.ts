import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * Two-factor sign-in: each person's TOTP secret (pending until a first code confirms it) with the
 * last time step a code was accepted at, and their single-use recovery codes, kept as hashes.
 */
export function twoFactorSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('two_factor')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', traits.bigintType)
        .addColumn('last_step', traits.bigintType)
        .addColumn('created_at', traits.bigintType, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('recovery_codes')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('used_at', traits.bigintType)
        .addPrimaryKeyConstraint('recovery_codes_pk', ['user_id', 'hash'])
        .execute();
    },
  };
}

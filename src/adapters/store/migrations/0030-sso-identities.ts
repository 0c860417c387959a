import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/**
 * Which account a provider's subject is: bound at the first single sign-on, so a person stays
 * themselves when their address changes at the provider, and an address given to someone else
 * there does not open the first person's account.
 */
export function ssoIdentitiesSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sso_identities')
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', traits.bigintType, (c) => c.notNull())
        .addPrimaryKeyConstraint('sso_identities_pk', ['issuer', 'subject'])
        .execute();
      await db.schema.createIndex('sso_identities_user').on('sso_identities').columns(['user_id', 'issuer']).execute();
    },
  };
}

import type { Kysely, Migration } from 'kysely';
import type { DialectTraits } from '../dialect-traits.js';

/** A workspace's single sign-on through an OpenID provider: one row per workspace that has it on. */
export function ssoSettingsSchema(traits: DialectTraits): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sso_settings')
        .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
        .addColumn('issuer_url', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('client_secret', 'text', (c) => c.notNull())
        .addColumn('allowed_domains', traits.jsonType, (c) => c.notNull())
        .addColumn('role_claim', 'text')
        .addColumn('role_map', traits.jsonType, (c) => c.notNull())
        .addColumn('default_role', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('updated_at', traits.bigintType, (c) => c.notNull())
        .execute();
    },
  };
}

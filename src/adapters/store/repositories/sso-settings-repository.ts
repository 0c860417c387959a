import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../../../domain/auth/roles.js';
import type { SsoSettings } from '../../../domain/auth/sso-settings.js';
import type { SsoButton, SsoSettingsRepository } from '../../../domain/store/sso-store.js';
import { readJson, writeJson } from '../codec.js';
import type { Database } from '../schema.js';
import type { SsoSettingsTable } from '../sso-schema.js';

/** One row per workspace with single sign-on on. */
export class KyselySsoSettingsRepository implements SsoSettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(workspaceId: string): Promise<SsoSettings | undefined> {
    const row = await this.db.selectFrom('sso_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
    return row && settingsOf(row);
  }

  async put(settings: SsoSettings): Promise<void> {
    const values = {
      issuer_url: settings.issuerUrl, client_id: settings.clientId, client_secret: settings.clientSecret,
      allowed_domains: writeJson(settings.allowedDomains), role_claim: settings.roleClaim, role_map: writeJson(settings.roleMap),
      default_role: settings.defaultRole, display_name: settings.displayName, updated_at: settings.updatedAt,
    };
    await this.db.insertInto('sso_settings').values({ workspace_id: settings.workspaceId, ...values })
      .onConflict((conflict) => conflict.column('workspace_id').doUpdateSet(values)).execute();
  }

  async delete(workspaceId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('sso_settings').where('workspace_id', '=', workspaceId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async listButtons(): Promise<SsoButton[]> {
    const rows = await this.db.selectFrom('sso_settings').innerJoin('workspaces', 'workspaces.id', 'sso_settings.workspace_id')
      .select(['workspaces.slug', 'sso_settings.display_name']).orderBy('workspaces.slug').execute();
    return rows.map((row) => ({ workspaceSlug: row.slug, displayName: row.display_name }));
  }

  async userOfSubject(issuer: string, subject: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('sso_identities').select('user_id').where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
    return row?.user_id;
  }

  async subjectsOf(userId: string, issuer: string): Promise<string[]> {
    const rows = await this.db.selectFrom('sso_identities').select('subject').where('user_id', '=', userId).where('issuer', '=', issuer).execute();
    return rows.map((row) => row.subject);
  }

  async bindSubject(identity: { issuer: string; subject: string; userId: string; at: number }): Promise<void> {
    await this.db.insertInto('sso_identities')
      .values({ issuer: identity.issuer, subject: identity.subject, user_id: identity.userId, created_at: identity.at }).execute();
  }
}

function settingsOf(row: Selectable<SsoSettingsTable>): SsoSettings {
  return {
    workspaceId: row.workspace_id, issuerUrl: row.issuer_url, clientId: row.client_id, clientSecret: row.client_secret,
    allowedDomains: readJson<string[]>(row.allowed_domains), roleClaim: row.role_claim, roleMap: readJson<Record<string, Role>>(row.role_map),
    defaultRole: row.default_role as Role, displayName: row.display_name, updatedAt: Number(row.updated_at),
  };
}

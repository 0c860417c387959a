/** A workspace's single sign-on settings (migration 0029); JSON columns hold the domains and the role table. */
export interface SsoSettingsTable {
  workspace_id: string;
  issuer_url: string;
  client_id: string;
  client_secret: string;
  allowed_domains: unknown;
  role_claim: string | null;
  role_map: unknown;
  default_role: string;
  display_name: string;
  updated_at: number;
}

/** Which account a provider's subject is (migration 0030). */
export interface SsoIdentityTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: number;
}

export interface SsoTables {
  sso_settings: SsoSettingsTable;
  sso_identities: SsoIdentityTable;
}

import type { SsoSettings } from '../auth/sso-settings.js';

/** A workspace's single sign-on button as the sign-in page shows it. */
export interface SsoButton {
  workspaceSlug: string;
  displayName: string;
}

/** Each workspace's single sign-on settings, at most one set per workspace. */
export interface SsoSettingsRepository {
  get(workspaceId: string): Promise<SsoSettings | undefined>;
  /** Saves the settings, replacing the workspace's earlier ones. */
  put(settings: SsoSettings): Promise<void>;
  /** Turns single sign-on off; false when it was not on. */
  delete(workspaceId: string): Promise<boolean>;
  /** Every workspace that signs in through a provider, by slug. */
  listButtons(): Promise<SsoButton[]>;
  /** The account a provider's subject was bound to at its first sign-in. */
  userOfSubject(issuer: string, subject: string): Promise<string | undefined>;
  /** The subjects of the provider already bound to the account. */
  subjectsOf(userId: string, issuer: string): Promise<string[]>;
  bindSubject(identity: { issuer: string; subject: string; userId: string; at: number }): Promise<void>;
}

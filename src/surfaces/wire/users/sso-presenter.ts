import type { SsoSettings } from '../../../domain/auth/sso-settings.js';
import type { SsoButton } from '../../../domain/store/sso-store.js';
import { iso } from '../time.js';

/** The settings as the API shows them: everything but the client secret. */
export function presentSsoSettings(settings: SsoSettings, callbackUrl: string) {
  return {
    issuer_url: settings.issuerUrl, client_id: settings.clientId, allowed_domains: settings.allowedDomains,
    role_claim: settings.roleClaim, role_map: settings.roleMap, default_role: settings.defaultRole, display_name: settings.displayName,
    client_secret_set: true, callback_url: callbackUrl, updated_at: iso(settings.updatedAt),
  };
}

/** A "Sign in with …" button of the sign-in page. */
export function presentSsoButton(button: SsoButton) {
  return {
    workspace: button.workspaceSlug, display_name: button.displayName,
    start_url: `/v1/auth/sso/${encodeURIComponent(button.workspaceSlug)}/start`,
  };
}

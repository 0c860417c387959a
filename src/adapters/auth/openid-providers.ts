import * as oidc from 'openid-client';
import type { SsoClaims, SsoSettings } from '../../domain/auth/sso-settings.js';
import { fail } from '../../domain/errors.js';

/** How long a provider's discovered metadata is trusted before it is read again. */
const DISCOVERY_TTL_MS = 60 * 60_000;
/** Seconds one request to the provider may take. */
const PROVIDER_TIMEOUT_S = 10;
const SCOPE = 'openid email profile';

/** What a browser's sign-in carries from the start to the provider's answer (kept in a short-lived cookie). */
export interface PendingSignIn {
  workspace: string;
  state: string;
  nonce: string;
  verifier: string;
}

/**
 * The workspaces' OpenID providers, through `openid-client`: discovery (cached per workspace for
 * an hour, and read again when its settings change), the authorization URL with PKCE, state and
 * nonce, and the code exchange with every check the library makes.
 */
export class OpenIdProviders {
  private readonly discovered = new Map<string, { key: string; until: number; config: Promise<oidc.Configuration> }>();

  constructor(private readonly now: () => number) {}

  /** A fresh sign-in for the workspace and the provider URL to send the browser to. */
  async start(settings: SsoSettings, workspace: string, redirectUri: string): Promise<{ pending: PendingSignIn; url: URL }> {
    const config = await this.configuration(settings);
    const pending = { workspace, state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri, scope: SCOPE, state: pending.state, nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier), code_challenge_method: 'S256',
    });
    return { pending, url };
  }

  /**
   * Exchanges the provider's answer (the callback URL as the browser called it) for the person's
   * claims: the ID token's, with the userinfo answer's added. A state or nonce that is not this
   * browser's, or any other failure, is a coded error.
   */
  async finish(settings: SsoSettings, callbackUrl: URL, pending: PendingSignIn): Promise<SsoClaims> {
    if (callbackUrl.searchParams.get('state') !== pending.state) throw fail('sso_state_mismatch');
    const refused = callbackUrl.searchParams.get('error');
    if (refused !== null) throw fail('sso_failed', `The provider answered ${refused.slice(0, 100)}.`);
    const config = await this.configuration(settings);
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      return { ...userInfo, ...idClaims };
    } catch (error) {
      throw isNonceMismatch(error) ? fail('sso_nonce_mismatch') : fail('sso_failed', 'The provider did not confirm the sign-in.');
    }
  }

  private configuration(settings: SsoSettings): Promise<oidc.Configuration> {
    const key = `${settings.issuerUrl} ${settings.clientId} ${settings.updatedAt}`;
    const cached = this.discovered.get(settings.workspaceId);
    const now = this.now();
    if (cached && cached.key === key && cached.until > now) return cached.config;
    const config = discover(settings);
    this.discovered.set(settings.workspaceId, { key, until: now + DISCOVERY_TTL_MS, config });
    // A failed discovery is not kept: the next sign-in asks again.
    config.catch(() => this.discovered.delete(settings.workspaceId));
    return config;
  }
}

async function discover(settings: SsoSettings): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuerUrl);
  // Plain http is accepted only for loopback issuers (see issuerProblem); everything else is https.
  const execute = issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
  try {
    return await oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, { execute, timeout: PROVIDER_TIMEOUT_S });
  } catch {
    throw fail('sso_failed', 'The identity provider could not be reached or did not describe itself.');
  }
}

function isNonceMismatch(error: unknown): boolean {
  const processing = error instanceof oidc.ClientError ? (error.cause as { cause?: { claim?: unknown } } | undefined) : undefined;
  return processing?.cause?.claim === 'nonce';
}

import { ROLES, type Role } from './roles.js';

/** A workspace's single sign-on through an OpenID provider (authorization code with PKCE). */
export interface SsoSettings {
  workspaceId: string;
  issuerUrl: string;
  clientId: string;
  /** Kept like a webhook's secret: stored, used, never shown again. */
  clientSecret: string;
  /** Lower-cased e-mail domains let in; at least one. */
  allowedDomains: string[];
  /** The claim whose value picks the role (dots reach into objects); null gives everyone the default role. */
  roleClaim: string | null;
  /** A claim value and the role it gives. */
  roleMap: Record<string, Role>;
  defaultRole: Role;
  /** The provider's name on the sign-in button. */
  displayName: string;
  updatedAt: number;
}

/** Why a person the provider vouched for is not let in, as the error code the sign-in page shows. */
export type SsoRefusal = 'sso_email_unverified' | 'sso_domain_not_allowed';

/** The claims of a signed-in person, from the ID token and the userinfo answer together. */
export type SsoClaims = Readonly<Record<string, unknown>>;

/** The verified e-mail address the claims carry, lower-cased, or null when there is none. */
export function verifiedEmail(claims: SsoClaims): string | null {
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  return verified && typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
}

/** Null when the person may come in; otherwise why not: no verified address, or a domain not allowed. */
export function ssoRefusal(claims: SsoClaims, settings: Pick<SsoSettings, 'allowedDomains'>): SsoRefusal | null {
  const email = verifiedEmail(claims);
  if (email === null) return 'sso_email_unverified';
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return settings.allowedDomains.includes(domain) ? null : 'sso_domain_not_allowed';
}

/**
 * The role the claims map to: of the values the role claim holds (one string or a list), the most
 * trusted role any of them maps to; the default role when none maps.
 */
export function roleFromClaims(claims: SsoClaims, settings: Pick<SsoSettings, 'roleClaim' | 'roleMap' | 'defaultRole'>): Role {
  if (settings.roleClaim === null) return settings.defaultRole;
  const value = claimAt(claims, settings.roleClaim);
  const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  const mapped = new Set(values.flatMap((v) => (Object.hasOwn(settings.roleMap, v) ? [settings.roleMap[v]!] : [])));
  return ROLES.find((role) => mapped.has(role)) ?? settings.defaultRole;
}

function claimAt(claims: SsoClaims, path: string): unknown {
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Why an issuer URL is refused, or null: it must be https, except on this machine's loopback
 * address, where a provider under test or development speaks plain http.
 */
export function issuerProblem(issuerUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(issuerUrl);
  } catch {
    return 'The issuer is not a URL.';
  }
  if (url.username || url.password || url.search || url.hash) return 'The issuer URL has no credentials, query or fragment.';
  if (url.protocol === 'https:') return null;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return url.protocol === 'http:' && loopback ? null : 'The issuer must be an https URL (plain http only on localhost).';
}

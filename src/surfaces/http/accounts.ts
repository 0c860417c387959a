import { commonPasswords } from '../../adapters/auth/common-passwords.js';
import { OpenIdProviders } from '../../adapters/auth/openid-providers.js';
import { scryptHasher } from '../../adapters/auth/scrypt-hasher.js';
import { CONFIG_KEYS } from '../../config/config.js';
import type { PasswordServices } from '../../commands/users/passwords.js';
import { DEFAULT_SESSION_LIFETIMES, type SessionLifetimes } from '../../domain/auth/session-policy.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { Store } from '../../domain/store/store.js';
import { SessionAuthenticator } from './session-auth.js';
import { SignInThrottle } from './sign-in-throttle.js';

/** Sign-in attempts a minute allowed per account and per address (the next is refused before hashing). */
export const DEFAULT_SIGN_IN_PER_MINUTE = 10;

export interface AccountOptions {
  /** Mark cookies Secure (SWITCHBOARD_PUBLIC_URL is https). */
  secureCookies?: boolean;
  lifetimes?: SessionLifetimes;
  signInPerMinute?: number;
  /** Where browsers reach the server (SWITCHBOARD_PUBLIC_URL): single sign-on's callback is below it. */
  publicUrl?: string;
}

/** What sign-in, sessions and passwords need in one process. */
export interface Accounts {
  sessions: SessionAuthenticator;
  throttle: SignInThrottle;
  passwords: PasswordServices;
  /** The workspaces' OpenID providers, with their discovery cached. */
  openId: OpenIdProviders;
  /** The address single sign-on sends browsers back to. */
  ssoCallbackUrl: string;
}

export function accountsFor(store: Store, clock: Clock, options: AccountOptions = {}): Accounts {
  const now = () => clock.now();
  const settings = { lifetimes: options.lifetimes ?? DEFAULT_SESSION_LIFETIMES, secureCookies: options.secureCookies ?? false };
  return {
    sessions: new SessionAuthenticator(store, now, settings),
    throttle: new SignInThrottle(options.signInPerMinute ?? DEFAULT_SIGN_IN_PER_MINUTE, now),
    passwords: { hasher: scryptHasher, common: commonPasswords() },
    openId: new OpenIdProviders(now),
    ssoCallbackUrl: `${(options.publicUrl ?? CONFIG_KEYS.publicUrl.default).replace(/\/+$/, '')}/v1/auth/sso/callback`,
  };
}

import { commonPasswords } from '../../adapters/auth/common-passwords.js';
import { scryptHasher } from '../../adapters/auth/scrypt-hasher.js';
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
}

/** What sign-in, sessions and passwords need in one process. */
export interface Accounts {
  sessions: SessionAuthenticator;
  throttle: SignInThrottle;
  passwords: PasswordServices;
}

export function accountsFor(store: Store, clock: Clock, options: AccountOptions = {}): Accounts {
  const now = () => clock.now();
  const settings = { lifetimes: options.lifetimes ?? DEFAULT_SESSION_LIFETIMES, secureCookies: options.secureCookies ?? false };
  return {
    sessions: new SessionAuthenticator(store, now, settings),
    throttle: new SignInThrottle(options.signInPerMinute ?? DEFAULT_SIGN_IN_PER_MINUTE, now),
    passwords: { hasher: scryptHasher, common: commonPasswords() },
  };
}

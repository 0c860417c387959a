import type { Preferences } from './preferences.js';
import type { Role } from './roles.js';

/**
 * A person who signs in, with the language and time zone they read the dashboard in. The password is kept only as
 * its hash; a user without one signs in another way or not yet.
 */
export interface User extends Preferences {
  id: string;
  /** Lower-cased, so one address is one account. */
  email: string;
  name: string;
  passwordHash: string | null;
  disabledAt: number | null;
  /** Wrong passwords in a row since the last sign-in; drives the lockout back-off. */
  failedAttempts: number;
  lockedUntil: number | null;
  createdAt: number;
  /** Bound to a subject of an identity provider: signs in through it, with or without a password. Read, never written. */
  singleSignOn: boolean;
}

/** A user's place in one workspace: the role, and the agent record when the user takes work. */
export interface Membership {
  userId: string;
  workspaceId: string;
  role: Role;
  agentId: string | null;
  createdAt: number;
}

/** A signed-in browser: only the hash of its cookie secret is kept. */
export interface Session {
  id: string;
  hash: string;
  userId: string;
  workspaceId: string;
  createdAt: number;
  lastSeenAt: number;
  /** The absolute end, whatever the activity. */
  expiresAt: number;
  revokedAt: number | null;
  address: string;
  userAgent: string;
}

import type { Preferences } from '../auth/preferences.js';
import type { Role } from '../auth/roles.js';
import type { TwoFactor } from '../auth/two-factor.js';
import type { Membership, Session, User } from '../auth/user.js';

/** A user as one workspace sees them: the account and its membership there. */
export interface Member {
  user: User;
  membership: Membership;
}

/** People and their workspaces. */
export interface UserRepository {
  get(id: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  insert(user: User): Promise<void>;
  setPassword(id: string, passwordHash: string): Promise<void>;
  setDisabled(id: string, at: number | null): Promise<void>;
  setPreferences(id: string, preferences: Preferences): Promise<void>;
  /** Counts one wrong password and pauses the account until `lockedUntil` (null: no pause). */
  recordFailure(id: string, lockedUntil: number | null): Promise<void>;
  /** Forgets the wrong passwords in a row after a sign-in. */
  clearFailures(id: string): Promise<void>;
  addMembership(membership: Membership): Promise<void>;
  membership(workspaceId: string, userId: string): Promise<Membership | undefined>;
  /** The user's workspaces, oldest membership first. */
  memberships(userId: string): Promise<Membership[]>;
  /** Changes the role (and, when given, the agent) in one workspace; false when the user is not a member. */
  updateMembership(workspaceId: string, userId: string, change: { role: Role; agentId?: string | null }): Promise<boolean>;
  /** The workspace's members, by e-mail address. */
  listMembers(workspaceId: string): Promise<Member[]>;
  /** How many live (not disabled) admins the workspace has. */
  countAdmins(workspaceId: string): Promise<number>;
}

/** Signed-in browsers. */
export interface SessionRepository {
  insert(session: Session): Promise<void>;
  findByHash(hash: string): Promise<Session | undefined>;
  touch(id: string, at: number): Promise<void>;
  /** Ends one session of the user; false when there is no such live session. */
  revoke(userId: string, id: string, at: number): Promise<boolean>;
  /** Ends every live session of the user (sign out everywhere); how many were ended. */
  revokeAll(userId: string, at: number): Promise<number>;
  /** The user's sessions that are not revoked and not past their absolute end, newest first. */
  listLive(userId: string, now: number): Promise<Session[]>;
}

/** People's authenticators and recovery codes. */
export interface TwoFactorRepository {
  get(userId: string): Promise<TwoFactor | undefined>;
  /** Saves a new pending secret in place of any pending one (and of its recovery codes). */
  start(record: TwoFactor): Promise<void>;
  /** Marks the secret confirmed, accepting the code of `step`, and keeps these recovery code hashes. */
  confirm(userId: string, step: number, at: number, recoveryHashes: readonly string[]): Promise<void>;
  /** Accepts a code of `step` once: false when a code of it or a later step was accepted already. */
  useStep(userId: string, step: number): Promise<boolean>;
  /** Uses up one recovery code; false when it is unknown or used. */
  useRecoveryCode(userId: string, hash: string, at: number): Promise<boolean>;
  /** How many recovery codes are left. */
  unusedRecoveryCodes(userId: string): Promise<number>;
  /** Forgets the secret and the recovery codes; false when there was none. */
  remove(userId: string): Promise<boolean>;
}

import { isLockedOut, lockoutPauseMs } from '../../domain/auth/lockout.js';
import type { SessionLifetimes } from '../../domain/auth/session-policy.js';
import type { Membership, Session, User } from '../../domain/auth/user.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { IdGenerator } from '../../domain/shared/ids.js';
import type { Store } from '../../domain/store/store.js';
import type { Workspace } from '../../domain/workspace/workspace.js';
import type { SecretCodec } from '../workspace-commands.js';
import { recordEvent } from '../record-event.js';
import type { PasswordHasher } from './passwords.js';

export interface SignInAttempt {
  email: string;
  password: string;
  /** The workspace's slug; the person's first workspace when absent. */
  workspace?: string;
  address: string;
  userAgent: string;
}

export interface SignInServices {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  hasher: PasswordHasher;
  codec: SecretCodec;
  lifetimes: SessionLifetimes;
}

/** A new session and its cookie secret (shown to the browser once, stored as a hash). */
export interface SignedIn {
  secret: string;
  session: Session;
  user: User;
  membership: Membership;
}

type Refusal = 'unknown_user' | 'no_membership' | 'disabled' | 'locked' | 'wrong_password';

/**
 * Checks an e-mail address and password and opens a session in the chosen workspace. Every
 * refusal is the same `null` to the caller (and one answer to the client); the reason goes to the
 * workspace's audit log. The hash is computed even when there is nothing to compare it with, so the
 * time taken does not tell an unknown address from a wrong password. Callers rate-limit before this.
 */
export async function signIn(services: SignInServices, attempt: SignInAttempt): Promise<SignedIn | null> {
  const { store, clock } = services;
  const found = await store.read(async (tx) => {
    const user = await tx.users.findByEmail(attempt.email.trim().toLowerCase());
    const workspace = attempt.workspace ? await tx.workspaces.getBySlug(attempt.workspace) : undefined;
    const memberships = user ? await tx.users.memberships(user.id) : [];
    return { user, workspace, memberships };
  });
  const membership = chooseMembership(found.memberships, found.workspace, attempt.workspace);
  const now = clock.now();
  const refusal = refusalBeforeHash(found.user, membership, now);
  const matches = await services.hasher.verify(attempt.password, refusal ? null : found.user!.passwordHash);
  const workspaceId = membership?.workspaceId ?? found.workspace?.id;
  if (!matches || refusal) {
    await recordRefusal(services, attempt, found.user, workspaceId, refusal ?? 'wrong_password');
    return null;
  }
  return openSession(services, attempt, found.user!, membership!);
}

function chooseMembership(memberships: Membership[], workspace: Workspace | undefined, slug: string | undefined): Membership | undefined {
  if (slug === undefined) return memberships[0];
  return workspace && memberships.find((m) => m.workspaceId === workspace.id);
}

function refusalBeforeHash(user: User | undefined, membership: Membership | undefined, now: number): Refusal | null {
  if (!user) return 'unknown_user';
  if (!membership) return 'no_membership';
  if (user.disabledAt !== null) return 'disabled';
  if (isLockedOut(user.lockedUntil, now)) return 'locked';
  return null;
}

async function recordRefusal(services: SignInServices, attempt: SignInAttempt, user: User | undefined, workspaceId: string | undefined, reason: Refusal): Promise<void> {
  const { store, clock, ids } = services;
  await store.transaction(async (tx) => {
    if (user && reason === 'wrong_password') {
      const pause = lockoutPauseMs(user.failedAttempts + 1);
      await tx.users.recordFailure(user.id, pause > 0 ? clock.now() + pause : null);
    }
    if (!workspaceId) return;
    const ctx = { actor: { kind: 'user' as const, id: user?.id ?? null, name: attempt.email }, workspaceId, clock, ids, tx };
    await recordEvent(ctx, {
      entityKind: 'user', entityId: user?.id ?? 'unknown', type: 'user.sign_in_failed',
      data: { email: attempt.email.slice(0, 200), reason, address: attempt.address },
    });
  });
}

/** Opens a session for a person whose password (or link) was just checked, clearing their failures. */
export async function openSession(services: SignInServices, attempt: Pick<SignInAttempt, 'address' | 'userAgent'>, user: User, membership: Membership): Promise<SignedIn> {
  const { store, clock, ids, codec, lifetimes } = services;
  const now = clock.now();
  const secret = codec.newSecret();
  const session: Session = {
    id: ids.next('ses'), hash: codec.hash(secret), userId: user.id, workspaceId: membership.workspaceId, createdAt: now, lastSeenAt: now,
    expiresAt: now + lifetimes.absoluteMs, revokedAt: null, address: attempt.address, userAgent: attempt.userAgent.slice(0, 300),
  };
  await store.transaction(async (tx) => {
    await tx.users.clearFailures(user.id);
    await tx.sessions.insert(session);
    const ctx = { actor: { kind: 'user' as const, id: user.id, name: user.name }, workspaceId: membership.workspaceId, clock, ids, tx };
    await recordEvent(ctx, { entityKind: 'user', entityId: user.id, type: 'user.signed_in', data: { session_id: session.id, address: attempt.address } });
  });
  return { secret, session, user, membership };
}

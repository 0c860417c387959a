import { lockoutPauseMs } from '../../domain/auth/lockout.js';
import type { SessionLifetimes } from '../../domain/auth/session-policy.js';
import type { Membership, Session, User } from '../../domain/auth/user.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { IdGenerator } from '../../domain/shared/ids.js';
import type { JsonObject } from '../../domain/shared/json.js';
import type { Store } from '../../domain/store/store.js';
import type { SecretCodec } from '../workspace-commands.js';
import { recordEvent } from '../record-event.js';
import type { PasswordHasher } from './passwords.js';
import { armSessionIdleTimer } from './session-timers.js';

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

/** Why a sign-in was refused, as the audit log records it. */
export type Refusal = 'unknown_user' | 'no_membership' | 'disabled' | 'locked' | 'wrong_password' | 'wrong_code';

/** Records a refused sign-in in the workspace's audit log; a wrong password or code counts towards the lockout. */
export async function recordRefusal(services: SignInServices, attempt: Pick<SignInAttempt, 'email' | 'address'>, user: User | undefined, workspaceId: string | undefined, reason: Refusal): Promise<void> {
  const { store, clock, ids } = services;
  await store.transaction(async (tx) => {
    if (user && (reason === 'wrong_password' || reason === 'wrong_code')) {
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

/**
 * Opens a session for a person whose password (or link) and second factor were just checked,
 * clearing their failures; `audit` adds to the sign-in's audit entry (how the second factor came).
 */
export async function openSession(
  services: SignInServices, attempt: Pick<SignInAttempt, 'address' | 'userAgent'>, user: User, membership: Membership, audit: JsonObject = {},
): Promise<SignedIn> {
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
    if (membership.agentId) await armSessionIdleTimer({ tx, ids, workspaceId: membership.workspaceId }, session, membership.agentId, lifetimes.idleMs);
    const ctx = { actor: { kind: 'user' as const, id: user.id, name: user.name }, workspaceId: membership.workspaceId, clock, ids, tx };
    await recordEvent(ctx, { entityKind: 'user', entityId: user.id, type: 'user.signed_in', data: { session_id: session.id, address: attempt.address, ...audit } });
  });
  return { secret, session, user, membership };
}

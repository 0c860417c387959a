import { isLockedOut } from '../../domain/auth/lockout.js';
import type { Membership, User } from '../../domain/auth/user.js';
import type { Workspace } from '../../domain/workspace/workspace.js';
import { recordRefusal, type Refusal, type SignInAttempt, type SignInServices } from './open-session.js';
import { afterPassword, type PasswordOutcome } from './second-step.js';

/**
 * Checks an e-mail address and password and opens a session in the chosen workspace, or, for a
 * person who has (or must have) two-factor, only the challenge of the second step. Every
 * refusal is the same `null` to the caller (and one answer to the client); the reason goes to the
 * workspace's audit log. The hash is computed even when there is nothing to compare it with, so the
 * time taken does not tell an unknown address from a wrong password. Callers rate-limit before this.
 */
export async function signIn(services: SignInServices, attempt: SignInAttempt): Promise<PasswordOutcome | null> {
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
  return afterPassword(services, attempt, found.user!, membership!);
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

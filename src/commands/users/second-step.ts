import { createHash } from 'node:crypto';
import { isLockedOut } from '../../domain/auth/lockout.js';
import { twoFactorRequiredRoles } from '../../domain/auth/two-factor.js';
import type { Membership, User } from '../../domain/auth/user.js';
import { fail } from '../../domain/errors.js';
import { signLink, verifyLink } from '../../domain/portal/signed-link.js';
import type { StoreTx } from '../../domain/store/store.js';
import { workspaceKey } from '../portal/workspace-keys.js';
import { openSession, recordRefusal, type SignedIn, type SignInAttempt, type SignInServices } from './open-session.js';
import { checkSecondFactor, confirmTwoFactorCommand, startTwoFactorCommand, type Enrolment } from './two-factor.js';

/** What follows a right password: the code of the person's app, or enrolling one when their role must have it. */
export type SecondStep = 'two_factor' | 'enrol_two_factor';

/** A password accepted, waiting for the second factor; no session exists yet. */
export interface Challenged {
  next: SecondStep;
  /** Sent back with the code; signed, bound to the person's state, so it is good for one sign-in. */
  challenge: string;
  expiresAt: number;
}

export type PasswordOutcome = { signedIn: SignedIn } | { challenged: Challenged };

/** A signed-in person, with their recovery codes when this step switched two-factor on. */
export type SecondStepOutcome = SignedIn & { recoveryCodes?: string[] };

/** How long after the password the code may come. */
const CHALLENGE_TTL_MS = 5 * 60_000;
const KEY_NAME = 'sign_in_steps';

type Attempt = Pick<SignInAttempt, 'address' | 'userAgent'>;

/**
 * What a challenge is bound to besides the person: their password and two-factor state, which a
 * successful second step changes (the accepted step moves on, a recovery code is used, enrolment
 * is confirmed), so one password check opens one session at most.
 */
async function stateFingerprint(tx: StoreTx, user: User): Promise<string> {
  const record = await tx.twoFactor.get(user.id);
  const state = [user.passwordHash, record?.confirmedAt, record?.lastStep, await tx.twoFactor.unusedRecoveryCodes(user.id)].join('|');
  return createHash('sha256').update(state).digest('base64url').slice(0, 16);
}

/**
 * Opens the session after a right password, unless the person has two-factor on or their role in
 * the workspace must have it: then only a challenge for the second step, which cannot be skipped.
 */
export async function afterPassword(services: SignInServices, attempt: Attempt, user: User, membership: Membership): Promise<PasswordOutcome> {
  const { store, clock } = services;
  const challenged = await store.transaction(async (tx) => {
    const next = await secondStepOf(tx, user.id, membership);
    if (!next) return null;
    const ctx = { tx, clock, workspaceId: membership.workspaceId };
    const expiresAt = clock.now() + CHALLENGE_TTL_MS;
    const token = signLink(await workspaceKey(ctx, KEY_NAME), { purpose: 'sign_in_step', subject: `${user.id}.${await stateFingerprint(tx, user)}`, expiresAt });
    return { next, challenge: `${membership.workspaceId}:${token}`, expiresAt };
  });
  return challenged ? { challenged } : { signedIn: await openSession(services, attempt, user, membership) };
}

async function secondStepOf(tx: StoreTx, userId: string, membership: Membership): Promise<SecondStep | null> {
  if ((await tx.twoFactor.get(userId))?.confirmedAt) return 'two_factor';
  const workspace = await tx.workspaces.get(membership.workspaceId);
  return workspace && twoFactorRequiredRoles(workspace.settings).includes(membership.role) ? 'enrol_two_factor' : null;
}

/** The person and membership a challenge was made for, while it is unexpired and unused; `two_factor_failed` otherwise. */
async function challengeHolder(tx: StoreTx, now: number, challenge: string): Promise<{ user: User; membership: Membership }> {
  const [workspaceId = '', token = ''] = challenge.split(/:(.*)/s);
  const workspace = await tx.workspaces.get(workspaceId);
  if (!workspace) throw fail('two_factor_failed');
  const check = verifyLink(await workspaceKey({ tx, workspaceId, clock: { now: () => now } }, KEY_NAME), token, 'sign_in_step', now);
  const [userId = '', fingerprint] = check.ok ? check.claims.subject.split('.') : [];
  const user = await tx.users.get(userId);
  const membership = user && (await tx.users.membership(workspaceId, user.id));
  if (!user || !membership || user.disabledAt !== null || (await stateFingerprint(tx, user)) !== fingerprint) throw fail('two_factor_failed');
  return { user, membership };
}

/** Enrolment during sign-in, for a person whose role must have two-factor and who has none yet. */
export async function enrolDuringSignIn(services: SignInServices, challenge: string): Promise<Enrolment> {
  const { store, clock } = services;
  return store.transaction(async (tx) => {
    const { user } = await challengeHolder(tx, clock.now(), challenge);
    return startTwoFactorCommand({ tx, clock }, user.id, user.email);
  });
}

/**
 * The second step: the code of the app (or a recovery code) for someone with two-factor on, or
 * the first code of the app being enrolled. A wrong code counts as a wrong password does (audit,
 * lockout back-off); during a pause even a right code is refused. `throttle` sees the person
 * before their code is looked at (and refuses by throwing).
 */
export async function completeSecondStep(
  services: SignInServices, attempt: Attempt, input: { challenge: string; code: string }, throttle: (user: User) => void,
): Promise<SecondStepOutcome> {
  const { store, clock, ids } = services;
  const { challenge, code } = input;
  const { user, membership } = await store.read((tx) => challengeHolder(tx, clock.now(), challenge));
  throttle(user);
  const refusal = async (reason: 'locked' | 'wrong_code') => {
    await recordRefusal(services, { ...attempt, email: user.email }, user, membership.workspaceId, reason);
    return fail('two_factor_failed');
  };
  if (isLockedOut(user.lockedUntil, clock.now())) throw await refusal('locked');
  const outcome = await store.transaction(async (tx) => {
    const record = await tx.twoFactor.get(user.id);
    if (record?.confirmedAt) return { factor: await checkSecondFactor({ tx, clock }, user.id, code) };
    if (!record) throw fail('two_factor_not_started');
    const ctx = { actor: { kind: 'user' as const, id: user.id, name: user.name }, workspaceId: membership.workspaceId, clock, ids, tx };
    return { factor: 'totp' as const, recoveryCodes: await confirmTwoFactorCommand(ctx, user.id, code) };
  });
  if (!outcome.factor || outcome.recoveryCodes === null) throw await refusal('wrong_code');
  const signedIn = await openSession(services, attempt, user, membership, { second_factor: outcome.factor });
  return outcome.recoveryCodes ? { ...signedIn, recoveryCodes: outcome.recoveryCodes } : signedIn;
}

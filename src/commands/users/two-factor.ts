import { createHash, randomBytes } from 'node:crypto';
import { ROLES, type Role } from '../../domain/auth/roles.js';
import { acceptedStep, base32Decode, base32Encode, otpauthUri } from '../../domain/auth/totp.js';
import { TWO_FACTOR_SETTING, twoFactorRequiredRoles } from '../../domain/auth/two-factor.js';
import { fail } from '../../domain/errors.js';
import type { CommandContext, EventContext } from '../context.js';
import { recordEvent } from '../record-event.js';
import { memberOf } from './user-commands.js';

/** Recovery codes handed out when two-factor is switched on; each signs in once without the device. */
const RECOVERY_CODES = 10;
const ISSUER = 'Switchboard';

type TxContext = Pick<CommandContext, 'tx' | 'clock'>;

/** A new secret, for the person to add to their authenticator app. */
export interface Enrolment {
  secret: string;
  uri: string;
}

/** How a second factor was given: a code of the app, or one of the recovery codes. */
export type SecondFactor = 'totp' | 'recovery_code';

/** Recovery codes are random, so a plain SHA-256 keeps them as safe as their own entropy. */
function recoveryHash(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('base64url');
}

function newRecoveryCode(): string {
  const text = base32Encode(randomBytes(7)).slice(0, 10);
  return `${text.slice(0, 5)}-${text.slice(5)}`;
}

/** Starts (or starts again) enrolment: a fresh pending secret; refused while two-factor is on. */
export async function startTwoFactorCommand(ctx: TxContext, userId: string, email: string): Promise<Enrolment> {
  if ((await ctx.tx.twoFactor.get(userId))?.confirmedAt) throw fail('two_factor_enabled');
  const secret = randomBytes(20);
  await ctx.tx.twoFactor.start({ userId, secret: base32Encode(secret), confirmedAt: null, lastStep: null, createdAt: ctx.clock.now() });
  return { secret: base32Encode(secret), uri: otpauthUri(ISSUER, email, secret) };
}

/**
 * Switches two-factor on with a first code of the pending secret; the recovery codes are returned
 * this once and kept only as hashes. Null for a wrong code, which changes nothing.
 */
export async function confirmTwoFactorCommand(ctx: EventContext, userId: string, code: string): Promise<string[] | null> {
  const pending = await ctx.tx.twoFactor.get(userId);
  if (!pending || pending.confirmedAt !== null) throw fail('two_factor_not_started');
  const step = acceptedStep(base32Decode(pending.secret), code.trim(), ctx.clock.now(), null);
  if (step === null) return null;
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await ctx.tx.twoFactor.confirm(userId, step, ctx.clock.now(), codes.map(recoveryHash));
  await recordEvent(ctx, { entityKind: 'user', entityId: userId, type: 'user.two_factor_enabled' });
  return codes;
}

/**
 * Checks a second factor of someone with two-factor on: a code of the app (within a step of now,
 * never one already accepted) or an unused recovery code, which is used up. Null when neither.
 */
export async function checkSecondFactor(ctx: TxContext, userId: string, code: string): Promise<SecondFactor | null> {
  const record = await ctx.tx.twoFactor.get(userId);
  if (!record || record.confirmedAt === null) return null;
  const given = code.trim();
  if (/^\d{6}$/.test(given)) {
    const step = acceptedStep(base32Decode(record.secret), given, ctx.clock.now(), record.lastStep);
    return step !== null && (await ctx.tx.twoFactor.useStep(userId, step)) ? 'totp' : null;
  }
  return (await ctx.tx.twoFactor.useRecoveryCode(userId, recoveryHash(given), ctx.clock.now())) ? 'recovery_code' : null;
}

/**
 * Switches the caller's two-factor off (the route has checked their password) with a code of the
 * app or a recovery code; an enrolment not yet confirmed is dropped without one.
 */
export async function disableTwoFactorCommand(ctx: CommandContext, userId: string, code: string): Promise<void> {
  const record = await ctx.tx.twoFactor.get(userId);
  if (!record) throw fail('two_factor_not_started');
  if (record.confirmedAt !== null && !(await checkSecondFactor(ctx, userId, code))) throw fail('two_factor_failed');
  await ctx.tx.twoFactor.remove(userId);
  await recordEvent(ctx, { entityKind: 'user', entityId: userId, type: 'user.two_factor_disabled' });
}

/** An admin clears a member's lost authenticator; they enrol again at their next sign-in if it is required. */
export async function resetTwoFactorCommand(ctx: CommandContext, userId: string): Promise<void> {
  await memberOf(ctx, userId);
  if (!(await ctx.tx.twoFactor.remove(userId))) throw fail('two_factor_not_started');
  await recordEvent(ctx, { entityKind: 'user', entityId: userId, type: 'user.two_factor_reset' });
}

/** Which roles of the workspace must sign in with a second factor; saved in the workspace's settings. */
export async function setTwoFactorPolicyCommand(ctx: CommandContext, roles: readonly Role[]): Promise<Role[]> {
  const workspace = await ctx.tx.workspaces.get(ctx.workspaceId);
  if (!workspace) throw fail('workspace_not_found');
  const before = twoFactorRequiredRoles(workspace.settings);
  const after = ROLES.filter((role) => roles.includes(role));
  await ctx.tx.workspaces.updateSettings(ctx.workspaceId, { ...workspace.settings, [TWO_FACTOR_SETTING]: after });
  await recordEvent(ctx, { entityKind: 'workspace', entityId: ctx.workspaceId, type: 'workspace.two_factor_policy_saved', before: { required_roles: before }, after: { required_roles: after } });
  return after;
}

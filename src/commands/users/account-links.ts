import { createHash } from 'node:crypto';
import type { User } from '../../domain/auth/user.js';
import { fail } from '../../domain/errors.js';
import { signLink, verifyLink } from '../../domain/portal/signed-link.js';
import type { CommandContext } from '../context.js';
import { workspaceKey } from '../portal/workspace-keys.js';
import { recordEvent } from '../record-event.js';
import { memberOf } from './user-commands.js';

export type AccountLinkPurpose = 'invitation' | 'password_reset';

/** Invitations stay good for a week, password resets for an hour. */
export const ACCOUNT_LINK_TTL_MS: Record<AccountLinkPurpose, number> = { invitation: 7 * 24 * 3600_000, password_reset: 3600_000 };

const SECRET_NAME = 'account_links';

type LinkContext = Pick<CommandContext, 'workspaceId' | 'clock' | 'tx'>;

/**
 * What the link is bound to besides the person: their password as it is now. Setting a password
 * changes it, so a link works once, and a reset link dies when the password changes another way.
 */
function passwordFingerprint(user: User): string {
  return createHash('sha256').update(user.passwordHash ?? 'none').digest('base64url').slice(0, 16);
}

/** A signed, expiring, single-use link token for a member of the workspace. */
export async function mintAccountLink(ctx: LinkContext, userId: string, purpose: AccountLinkPurpose): Promise<string> {
  const { user } = await memberOf(ctx, userId);
  if (purpose === 'invitation' && user.passwordHash !== null) throw fail('invalid_value', 'This person has a password already; an invitation is for a first one.');
  const key = await workspaceKey(ctx, SECRET_NAME);
  return signLink(key, { purpose, subject: `${user.id}.${passwordFingerprint(user)}`, expiresAt: ctx.clock.now() + ACCOUNT_LINK_TTL_MS[purpose] });
}

/** The member a link names, while it is unexpired and unused; `link_invalid` or `link_expired` otherwise. */
export async function accountLinkHolder(ctx: LinkContext, token: string, purpose: AccountLinkPurpose): Promise<User> {
  const check = verifyLink(await workspaceKey(ctx, SECRET_NAME), token, purpose, ctx.clock.now());
  if (!check.ok) throw check.reason === 'expired' ? fail('link_expired') : fail('link_invalid');
  const [userId, fingerprint] = check.claims.subject.split('.');
  const membership = await ctx.tx.users.membership(ctx.workspaceId, userId ?? '');
  const user = membership && (await ctx.tx.users.get(userId!));
  if (!user || user.disabledAt !== null || passwordFingerprint(user) !== fingerprint) throw fail('link_invalid');
  return user;
}

/** Sets the password a link was sent for (hash made by `hashNewPassword`), using the link up. */
export async function redeemAccountLinkCommand(ctx: CommandContext, token: string, purpose: AccountLinkPurpose, passwordHash: string): Promise<User> {
  const user = await accountLinkHolder(ctx, token, purpose);
  await ctx.tx.users.setPassword(user.id, passwordHash);
  await ctx.tx.sessions.revokeAll(user.id, ctx.clock.now());
  await recordEvent(ctx, { entityKind: 'user', entityId: user.id, type: purpose === 'invitation' ? 'user.invitation_accepted' : 'user.password_reset' });
  return { ...user, passwordHash };
}

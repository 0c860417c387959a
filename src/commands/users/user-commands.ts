import { passwordProblem } from '../../domain/auth/password-policy.js';
import type { Role } from '../../domain/auth/roles.js';
import type { Membership } from '../../domain/auth/user.js';
import { fail } from '../../domain/errors.js';
import type { Member } from '../../domain/store/user-store.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';
import type { PasswordServices } from './passwords.js';

export interface NewMember {
  email: string;
  name: string;
  role: Role;
  /** The agent record this person works as, when they take work. */
  agentId?: string | null;
  /** A password hash made by `hashNewPassword`; without one the person cannot sign in with a password yet. */
  passwordHash?: string | null;
}

/**
 * Checks a new password against the policy (length, the common list, the e-mail address) and
 * hashes it. Run before the transaction: hashing takes tens of milliseconds.
 */
export async function hashNewPassword(passwords: PasswordServices, password: string, email: string): Promise<string> {
  const problem = passwordProblem(password, email, passwords.common);
  if (problem) throw fail('weak_password', problem, { path: '/password' });
  return passwords.hasher.hash(password);
}

/**
 * Adds a person to the workspace: a new account for a new address, or a membership for someone
 * who belongs to another workspace already (their password stays theirs).
 */
export async function addMemberCommand(ctx: CommandContext, input: NewMember): Promise<Member> {
  const email = input.email.trim().toLowerCase();
  if (input.agentId && !(await ctx.tx.agents.get(ctx.workspaceId, input.agentId))) {
    throw fail('invalid_reference', `No agent ${input.agentId}.`, { path: '/agent_id' });
  }
  const now = ctx.clock.now();
  let user = await ctx.tx.users.findByEmail(email);
  if (user && (await ctx.tx.users.membership(ctx.workspaceId, user.id))) throw fail('user_exists');
  if (!user) {
    user = {
      id: ctx.ids.next('usr'), email, name: input.name, passwordHash: input.passwordHash ?? null, disabledAt: null,
      failedAttempts: 0, lockedUntil: null, createdAt: now, language: null, timeZone: null, singleSignOn: false,
    };
    await ctx.tx.users.insert(user);
  }
  const membership: Membership = { userId: user.id, workspaceId: ctx.workspaceId, role: input.role, agentId: input.agentId ?? null, createdAt: now };
  await ctx.tx.users.addMembership(membership);
  await recordEvent(ctx, { entityKind: 'user', entityId: user.id, type: 'user.added', after: { email, name: user.name, role: input.role, agent_id: membership.agentId } });
  return { user, membership };
}

/** The workspace's member with this id, or `user_not_found` (also for members of other workspaces). */
export async function memberOf(ctx: Pick<CommandContext, 'tx' | 'workspaceId'>, userId: string): Promise<Member> {
  const membership = await ctx.tx.users.membership(ctx.workspaceId, userId);
  const user = membership && (await ctx.tx.users.get(userId));
  if (!membership || !user) throw fail('user_not_found');
  return { user, membership };
}

/** Changes a member's role (and agent); the workspace keeps at least one admin who can sign in. */
export async function setMemberRoleCommand(ctx: CommandContext, userId: string, change: { role: Role; agentId?: string | null }): Promise<Member> {
  const before = await memberOf(ctx, userId);
  if (change.agentId && !(await ctx.tx.agents.get(ctx.workspaceId, change.agentId))) {
    throw fail('invalid_reference', `No agent ${change.agentId}.`, { path: '/agent_id' });
  }
  if (before.membership.role === 'admin' && change.role !== 'admin' && before.user.disabledAt === null) await keepAnAdmin(ctx);
  await ctx.tx.users.updateMembership(ctx.workspaceId, userId, change);
  const after = await memberOf(ctx, userId);
  await recordEvent(ctx, {
    entityKind: 'user', entityId: userId, type: 'user.role_changed',
    before: { role: before.membership.role, agent_id: before.membership.agentId }, after: { role: after.membership.role, agent_id: after.membership.agentId },
  });
  return after;
}

/** Turns an account off or on again; turning it off ends its sessions at once. */
export async function setUserDisabledCommand(ctx: CommandContext, userId: string, disabled: boolean): Promise<Member> {
  const before = await memberOf(ctx, userId);
  if (disabled === (before.user.disabledAt !== null)) return before;
  if (disabled && before.membership.role === 'admin') await keepAnAdmin(ctx);
  const now = ctx.clock.now();
  await ctx.tx.users.setDisabled(userId, disabled ? now : null);
  if (disabled) await ctx.tx.sessions.revokeAll(userId, now);
  await recordEvent(ctx, { entityKind: 'user', entityId: userId, type: disabled ? 'user.disabled' : 'user.enabled' });
  return memberOf(ctx, userId);
}

/** Stores a new password hash (made by `hashNewPassword`) and ends the user's other sessions. */
export async function setPasswordCommand(ctx: CommandContext, userId: string, passwordHash: string, keepSessionId: string | null): Promise<void> {
  await memberOf(ctx, userId);
  await ctx.tx.users.setPassword(userId, passwordHash);
  const now = ctx.clock.now();
  for (const session of await ctx.tx.sessions.listLive(userId, now)) {
    if (session.id !== keepSessionId) await ctx.tx.sessions.revoke(userId, session.id, now);
  }
  await recordEvent(ctx, { entityKind: 'user', entityId: userId, type: 'user.password_changed' });
}

async function keepAnAdmin(ctx: CommandContext): Promise<void> {
  if ((await ctx.tx.users.countAdmins(ctx.workspaceId)) <= 1) throw fail('last_admin');
}

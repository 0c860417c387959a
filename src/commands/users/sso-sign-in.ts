import { roleFromClaims, ssoRefusal, verifiedEmail, type SsoClaims, type SsoSettings } from '../../domain/auth/sso-settings.js';
import type { User } from '../../domain/auth/user.js';
import { fail } from '../../domain/errors.js';
import type { Actor } from '../../domain/shared/actor.js';
import type { Member } from '../../domain/store/user-store.js';
import type { StoreTx } from '../../domain/store/store.js';
import type { CommandContext } from '../context.js';
import { recordEvent } from '../record-event.js';
import { openSession, type SignInAttempt, type SignInServices, type SignedIn } from './open-session.js';
import { addMemberCommand } from './user-commands.js';

/** Sign-in's services, and how the surface builds a command context in the workspace for an actor. */
export interface SsoSignInServices extends SignInServices {
  context(tx: StoreTx, actor: Actor): CommandContext;
}

type Refusal = NonNullable<ReturnType<typeof ssoRefusal>> | 'disabled' | 'subject_changed';

/**
 * Lets in a person the workspace's OpenID provider vouched for: their verified e-mail address
 * must be in an allowed domain. The provider's subject is bound to an account at its first
 * sign-in (the account with that address, or a new one) and is that account from then on, even
 * when the address changes at the provider; an address whose account is bound to another subject
 * of the provider is refused. The first time in the workspace the account becomes a member with
 * the role the claims map to. `user.sso_verified` records the subject; the session then opens
 * through `openSession`, as a password sign-in's does. Refusals are coded errors and
 * `user.sign_in_failed` events.
 */
export async function ssoSignIn(
  services: SsoSignInServices, settings: SsoSettings, claims: SsoClaims, attempt: Pick<SignInAttempt, 'address' | 'userAgent'>,
): Promise<SignedIn> {
  const refusal = ssoRefusal(claims, settings);
  const email = verifiedEmail(claims) ?? String(claims.email ?? '');
  if (refusal) return refuse(services, email, attempt, refusal);
  const subject = String(claims.sub).slice(0, 255);
  const entry = await services.store.transaction(async (tx) => {
    const boundTo = await tx.sso.userOfSubject(settings.issuerUrl, subject);
    const user = boundTo ? await tx.users.get(boundTo) : await tx.users.findByEmail(email);
    if (user?.disabledAt != null) return { user, refused: 'disabled' as const };
    if (!boundTo && user && (await tx.sso.subjectsOf(user.id, settings.issuerUrl)).length > 0) return { user, refused: 'subject_changed' as const };
    const membership = user && (await tx.users.membership(settings.workspaceId, user.id));
    const provider: Actor = { kind: 'user', id: user?.id ?? null, name: `${settings.displayName} (single sign-on)` };
    const member = user && membership
      ? { user, membership } : await joinMember(services.context(tx, provider), settings, claims, user?.email ?? email);
    if (!boundTo) await tx.sso.bindSubject({ issuer: settings.issuerUrl, subject, userId: member.user.id, at: services.clock.now() });
    await recordEvent(services.context(tx, { kind: 'user', id: member.user.id, name: member.user.name }), {
      entityKind: 'user', entityId: member.user.id, type: 'user.sso_verified',
      data: { issuer: settings.issuerUrl, subject, joined: !membership, address: attempt.address },
    });
    return { ...member, refused: null };
  });
  if (entry.refused) return refuse(services, email, attempt, entry.refused, entry.user);
  return openSession(services, attempt, entry.user, entry.membership);
}

function joinMember(ctx: CommandContext, settings: SsoSettings, claims: SsoClaims, email: string): Promise<Member> {
  const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim().slice(0, 200) : email;
  return addMemberCommand(ctx, { email, name, role: roleFromClaims(claims, settings) });
}

async function refuse(
  services: SsoSignInServices, email: string, attempt: Pick<SignInAttempt, 'address'>, reason: Refusal, user?: User,
): Promise<never> {
  await services.store.transaction(async (tx) => {
    const ctx = services.context(tx, { kind: 'user', id: user?.id ?? null, name: email.slice(0, 200) });
    await recordEvent(ctx, {
      entityKind: 'user', entityId: user?.id ?? 'unknown', type: 'user.sign_in_failed',
      data: { email: email.slice(0, 200), reason, method: 'sso', address: attempt.address },
    });
  });
  throw fail(reason === 'disabled' || reason === 'subject_changed' ? 'sso_failed' : reason);
}

import type { Membership, Session, User } from '../../../domain/auth/user.js';
import type { Member } from '../../../domain/store/user-store.js';
import { iso } from '../time.js';

/** A member without the password hash or lockout counters. */
export function presentMember({ user, membership }: Member) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: membership.role,
    agent_id: membership.agentId,
    disabled: user.disabledAt !== null,
    has_password: user.passwordHash !== null,
    single_sign_on: user.singleSignOn,
    language: user.language,
    time_zone: user.timeZone,
    created_at: iso(user.createdAt),
  };
}

/** A session without the hash of its secret; `currentId` marks the caller's own. */
export function presentSession(session: Session, currentId: string | null) {
  return {
    id: session.id,
    current: session.id === currentId,
    created_at: iso(session.createdAt),
    last_seen_at: iso(session.lastSeenAt),
    expires_at: iso(session.expiresAt),
    address: session.address,
    user_agent: session.userAgent,
  };
}

/** A browser just signed in: who, where, and the CSRF token to send back with changes. */
export function presentSignedIn(signedIn: { user: User; membership: Membership; session: Session }, csrfToken: string) {
  const { user, membership, session } = signedIn;
  return {
    user: { id: user.id, email: user.email, name: user.name }, workspace_id: membership.workspaceId, role: membership.role, agent_id: membership.agentId,
    csrf_token: csrfToken, expires_at: iso(session.expiresAt),
  };
}

/** The dashboard page (relative to the server's address) where an account link is used. */
export function accountLinkPath(purpose: 'invitation' | 'password_reset', workspaceSlug: string, token: string): string {
  const page = purpose === 'invitation' ? 'accept-invitation' : 'reset-password';
  return `/#/${page}?${new URLSearchParams({ workspace: workspaceSlug, token }).toString()}`;
}

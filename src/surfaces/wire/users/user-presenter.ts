import type { Session } from '../../../domain/auth/user.js';
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

import type { ApiToken } from '../../../domain/auth/token.js';
import { iso } from '../time.js';

/** A token without its hash. */
export function presentToken(token: ApiToken) {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    agent_id: token.agentId,
    user_id: token.userId,
    created_at: iso(token.createdAt),
    revoked_at: iso(token.revokedAt),
  };
}

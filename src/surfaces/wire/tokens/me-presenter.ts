import { permissionsOf } from '../../../domain/auth/roles.js';
import type { Principal } from '../../../domain/auth/token.js';
import type { User } from '../../../domain/auth/user.js';

/** The caller as `GET /v1/me` shows them: the token, its role and permissions, and the person's own settings. */
export function presentMe(principal: Principal, user: User | undefined) {
  return {
    workspace_id: principal.workspaceId,
    token_id: principal.tokenId,
    token_name: principal.name,
    user_id: principal.userId,
    email: user?.email ?? null,
    signed_in_with: principal.via,
    role: principal.role,
    agent_id: principal.agentId,
    permissions: [...permissionsOf(principal.role)],
    language: user?.language ?? null,
    time_zone: user?.timeZone ?? null,
  };
}

import { Type } from 'typebox';
import { ROLES } from '../../../domain/auth/roles.js';
import { literals, Nullable } from '../common-schemas.js';

/** An API token, without its secret. */
export const TokenOutput = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: literals(ROLES),
  agent_id: Nullable(Type.String()),
  user_id: Nullable(Type.String({ description: 'The person who owns the token (who issued it).' })),
  created_at: Type.String(),
  revoked_at: Nullable(Type.String()),
});

/** The caller: its token, role, agent and what it may do. */
export const MeOutput = Type.Object({
  workspace_id: Type.String(),
  token_id: Type.String(),
  token_name: Type.String(),
  user_id: Nullable(Type.String({ description: 'The signed-in person, or the owner of the token.' })),
  email: Nullable(Type.String({ description: "The person's e-mail address." })),
  signed_in_with: literals(['token', 'session'] as const),
  role: literals(ROLES),
  agent_id: Nullable(Type.String()),
  permissions: Type.Array(Type.String()),
});

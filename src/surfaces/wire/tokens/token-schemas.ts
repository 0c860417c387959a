import { Type } from 'typebox';
import { ROLES } from '../../../domain/auth/roles.js';
import { LOCALES } from '../../../domain/i18n/locales.js';
import { literals, Nullable, Strict, Text } from '../common-schemas.js';

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
  /** The person's dashboard language; null follows the browser. */
  language: Nullable(literals(LOCALES)),
  time_zone: Nullable(Type.String({ description: "The IANA time zone the dashboard shows the person's dates in; null: the browser's." })),
});

/** The signed-in person's own preferences: only the fields given change, null returns one to the browser's. */
export const MePatchBody = Strict({
  language: Type.Optional(Nullable(Text(35, 1))),
  time_zone: Type.Optional(Nullable(Text(64, 1))),
}, { description: `language: one of ${LOCALES.join(', ')}; time_zone: an IANA name such as Europe/Helsinki. Others are refused with invalid_value.` });

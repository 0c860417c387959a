import { Type } from 'typebox';
import { MAX_PASSWORD_LENGTH } from '../../../domain/auth/password-policy.js';
import { ROLES } from '../../../domain/auth/roles.js';
import { LOCALES } from '../../../domain/i18n/locales.js';
import { Id, Nullable, Strict, Text, literals } from '../common-schemas.js';

const Email = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^\\s@]+@[^\\s@]+$' });
/** Checked against the policy by the command (length, common list); the schema only bounds the size. */
const Password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH * 4 });

/** A member of the workspace: the person and their role there, never a password hash. */
export const UserOutput = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: literals(ROLES),
  agent_id: Nullable(Type.String()),
  disabled: Type.Boolean(),
  has_password: Type.Boolean(),
  single_sign_on: Type.Boolean({ description: "Signs in through the workspace's identity provider (bound at a first single sign-on)." }),
  /** The person's own dashboard language and time zone (PATCH /v1/me); null follows their browser. */
  language: Nullable(literals(LOCALES)),
  time_zone: Nullable(Type.String()),
  created_at: Type.String(),
});

export const UserCreateBody = Strict({
  email: Email,
  name: Text(200, 1),
  role: literals(ROLES),
  agent_id: Type.Optional(Nullable(Id)),
  password: Type.Optional(Password),
});

export const UserPatchBody = Strict({
  role: Type.Optional(literals(ROLES)),
  agent_id: Type.Optional(Nullable(Id)),
  disabled: Type.Optional(Type.Boolean()),
}, { description: 'Only the fields given change.' });

export const SignInBody = Strict({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  password: Password,
  workspace: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
});

/** Who signed in, where, and the CSRF token to send (header `X-CSRF-Token`) with every change. */
export const SignInOutput = Type.Object({
  user: Type.Object({ id: Type.String(), email: Type.String(), name: Type.String() }),
  workspace_id: Type.String(),
  role: literals(ROLES),
  agent_id: Nullable(Type.String()),
  csrf_token: Type.String(),
  expires_at: Type.String(),
  recovery_codes: Type.Optional(Type.Array(Type.String(), { description: 'Only when this sign-in switched two-factor on: each signs in once without the app, shown this once.' })),
});

export const CsrfOutput = Type.Object({ csrf_token: Type.String() });

export const PasswordChangeBody = Strict({ current_password: Password, new_password: Password });

/** One signed-in browser of the person. */
export const SessionOutput = Type.Object({
  id: Type.String(),
  current: Type.Boolean({ description: 'The session this request came with.' }),
  created_at: Type.String(),
  last_seen_at: Type.String(),
  expires_at: Type.String(),
  address: Type.String(),
  user_agent: Type.String(),
});

/** A password set through a mailed or printed link: the workspace it came from, its token and the new password. */
export const LinkPasswordBody = Strict({
  workspace: Type.String({ minLength: 1, maxLength: 40 }),
  token: Type.String({ minLength: 1, maxLength: 1000 }),
  password: Password,
});

/** A person's own request for a reset link by mail. */
export const PasswordResetRequestBody = Strict({
  workspace: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: "The workspace's slug; without it, the first the address is a member of" })),
  email: Email,
});

/** A link that lets its holder set a password once, until `expires_at`: a path on the dashboard's address. */
export const AccountLinkOutput = Type.Object({
  path: Type.String({ description: 'Append to the server address, e.g. https://desk.example.com/#/accept-invitation?…' }),
  expires_at: Type.String(),
  mailed: Type.Boolean({ description: 'True when the link was also put in the outbox to be mailed to the member (mail is configured)' }),
});

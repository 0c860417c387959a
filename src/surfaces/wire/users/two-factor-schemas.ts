import { Type } from 'typebox';
import { ROLES } from '../../../domain/auth/roles.js';
import { Strict, literals } from '../common-schemas.js';

const Challenge = Type.String({ minLength: 1, maxLength: 1000 });
/** Six digits of the app, or a recovery code (`ABCDE-FGHIJ`). */
const Code = Type.String({ minLength: 1, maxLength: 40 });

/** The password was right; the second step comes next (no session yet). */
export const SignInChallengeOutput = Type.Object({
  /** Send a code of the app, or enrol one first (the role must have it). */
  next: literals(['two_factor', 'enrol_two_factor'] as const),
  challenge: Type.String({ description: 'Send back with the code; good for one sign-in, until `expires_at`.' }),
  expires_at: Type.String(),
});

export const ChallengeBody = Strict({ challenge: Challenge });
export const SecondStepBody = Strict({ challenge: Challenge, code: Code });
export const TwoFactorCodeBody = Strict({ code: Code });
export const TwoFactorDisableBody = Strict({ password: Type.String({ minLength: 1, maxLength: 800 }), code: Code });

/** A new secret for the authenticator app: shown this once, never again. */
export const EnrolmentOutput = Type.Object({
  secret: Type.String({ description: 'Base32, for typing into the app by hand.' }),
  otpauth_uri: Type.String(),
  qr_code: Type.String({ description: 'The URI as a QR code: an SVG `data:` URL.' }),
});

export const RecoveryCodesOutput = Type.Object({
  recovery_codes: Type.Array(Type.String(), { description: 'Each signs in once without the app; shown this once.' }),
});

/** The caller's two-factor state (never the secret). */
export const TwoFactorStatusOutput = Type.Object({
  enabled: Type.Boolean(),
  pending: Type.Boolean({ description: 'Enrolment started and not yet confirmed with a code.' }),
  recovery_codes_left: Type.Integer(),
  required: Type.Boolean({ description: 'The workspace requires it of the caller\'s role.' }),
});

/** The roles whose members must sign in with a second factor (all four: the whole workspace). */
export const TwoFactorPolicyBody = Strict({ required_roles: Type.Array(literals(ROLES), { uniqueItems: true, maxItems: ROLES.length }) });
export const TwoFactorPolicyOutput = Type.Object({ required_roles: Type.Array(literals(ROLES)) });

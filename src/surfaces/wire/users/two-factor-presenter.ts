import type { Challenged } from '../../../commands/users/second-step.js';
import type { Enrolment } from '../../../commands/users/two-factor.js';
import { iso } from '../time.js';

/** The second step a browser is asked for after a right password. */
export function presentChallenge(challenged: Challenged) {
  return { next: challenged.next, challenge: challenged.challenge, expires_at: iso(challenged.expiresAt) };
}

/** A new secret, with its QR code (drawn by the caller's adapter). */
export function presentEnrolment(enrolment: Enrolment, qrCode: string) {
  return { secret: enrolment.secret, otpauth_uri: enrolment.uri, qr_code: qrCode };
}

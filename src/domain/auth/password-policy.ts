/** The shortest password accepted; length beats composition rules (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longer ones are refused so that hashing cannot be made expensive on purpose. */
export const MAX_PASSWORD_LENGTH = 200;

/**
 * Why a new password is refused, or null when it is acceptable: too short or long, a well-known
 * password (from the shipped list, compared lower-cased), or the account's own e-mail address.
 */
export function passwordProblem(password: string, email: string, common: ReadonlySet<string>): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `A password has at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (length > MAX_PASSWORD_LENGTH) return `A password has at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lowered = password.toLowerCase();
  if (common.has(lowered)) return 'This password is among the most common or breached ones; choose another.';
  if (lowered === email.toLowerCase() || lowered === email.toLowerCase().split('@')[0]) return 'A password may not be the e-mail address.';
  return null;
}

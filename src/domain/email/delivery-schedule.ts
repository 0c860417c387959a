const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Pauses before each retry of a mail the SMTP server turned away for now: 1 min, 5 min, 30 min, 2 h, 6 h, then failed. */
export const EMAIL_RETRY_SCHEDULE_MS: readonly number[] = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR];

/** Attempts made before a mail is given up. */
export const EMAIL_MAX_ATTEMPTS = EMAIL_RETRY_SCHEDULE_MS.length + 1;

/**
 * True when an SMTP reply code says the server will never take the mail (5xx: no such mailbox,
 * refused); 4xx and no answer at all are worth another try.
 */
export function isPermanentSmtpFailure(responseCode: number | null): boolean {
  return responseCode !== null && responseCode >= 500 && responseCode < 600;
}

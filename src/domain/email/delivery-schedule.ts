import type { EmailOutcome } from '../store/email-store.js';
import { nextAttemptAt } from '../webhook/retry-schedule.js';
import type { SendResult } from './mailer.js';

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

/**
 * What an attempt comes to: sent; or, when the server turned the mail away, failed at once for a
 * permanent (5xx) refusal and otherwise retried on the schedule, failed after its last attempt.
 * `random` gives a number in [0, 1) that spreads the retries.
 */
export function emailAttemptOutcome(now: number, attempts: number, result: SendResult, random: () => number): EmailOutcome {
  if (result.ok) return { status: 'sent', nextAttemptAt: null, lastError: null, sentAt: now };
  const retryAt = isPermanentSmtpFailure(result.responseCode) ? null : nextAttemptAt(now, attempts, random(), EMAIL_RETRY_SCHEDULE_MS);
  return { status: retryAt === null ? 'failed' : 'pending', nextAttemptAt: retryAt, lastError: result.error.slice(0, 1000), sentAt: null };
}

/** The worker's log line for an attempt; `written` false when a newer claim had taken the mail. */
export function describeAttempt(id: string, attempts: number, outcome: EmailOutcome, written: boolean): string {
  if (!written) return `${id}: attempt ${attempts} written after the mail moved on`;
  return `${id}: attempt ${attempts} ${outcome.status}${outcome.lastError ? ` (${outcome.lastError})` : ''}`;
}

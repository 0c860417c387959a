const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Pauses before each retry after a failed attempt (the Standard Webhooks / Svix schedule): the
 * first attempt is immediate, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — eight attempts over
 * about 27.5 hours, after which the delivery is given up.
 */
export const RETRY_SCHEDULE_MS: readonly number[] = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];

/** Attempts made before a delivery is given up. */
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;

/** How far each pause may stray either way, so endpoints that failed together are not retried together. */
const JITTER = 0.2;

/**
 * When to try again after `attempts` failed attempts, or null when the schedule is spent.
 * `random` is in [0, 1) and spreads the pause by ±20 %. Outbound mail passes its own schedule.
 */
export function nextAttemptAt(failedAt: number, attempts: number, random: number, schedule: readonly number[] = RETRY_SCHEDULE_MS): number | null {
  const pause = schedule[attempts - 1];
  if (pause === undefined) return null;
  return failedAt + Math.round(pause * (1 - JITTER + 2 * JITTER * random));
}

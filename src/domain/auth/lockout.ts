/** Wrong passwords in a row that are forgiven before the account pauses. */
export const FREE_ATTEMPTS = 5;
const FIRST_PAUSE_MS = 30_000;
const LONGEST_PAUSE_MS = 60 * 60_000;

/**
 * How long an account pauses after its `failedAttempts`-th wrong password in a row: nothing for
 * the first few, then 30 s doubling with each further failure, at most an hour. Slows a guesser
 * down without letting a stranger lock a person out for good.
 */
export function lockoutPauseMs(failedAttempts: number): number {
  if (failedAttempts < FREE_ATTEMPTS) return 0;
  return Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (failedAttempts - FREE_ATTEMPTS));
}

/** True while the account is paused at `now`. */
export function isLockedOut(lockedUntil: number | null, now: number): boolean {
  return lockedUntil !== null && lockedUntil > now;
}

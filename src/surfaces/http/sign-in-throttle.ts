const WINDOW_MS = 60_000;
const KEY_LIMIT = 50_000;

/**
 * Counts sign-in attempts per key (an account, an address) in one-minute windows. Checked before
 * the password is hashed, so a guesser cannot make the server spend its memory-hard hash at will.
 * The count is per process, as the API's other limits are; the account lockout is in the database.
 */
export class SignInThrottle {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {}

  /** Counts one attempt under every key; the seconds to wait when any key is past its limit, else 0. */
  take(keys: readonly string[]): number {
    const now = this.now();
    if (this.windows.size > KEY_LIMIT) this.forgetEnded(now);
    let wait = 0;
    for (const key of keys) {
      const window = this.current(key, now);
      window.count += 1;
      if (window.count > this.perMinute) wait = Math.max(wait, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    }
    return wait;
  }

  private current(key: string, now: number): { start: number; count: number } {
    const existing = this.windows.get(key);
    if (existing && now - existing.start < WINDOW_MS) return existing;
    const fresh = { start: now, count: 0 };
    this.windows.set(key, fresh);
    return fresh;
  }

  private forgetEnded(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}

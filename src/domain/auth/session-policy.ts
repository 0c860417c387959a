import type { Session } from './user.js';

/** How long a session lives: idle (since the last request) and absolute (since sign-in). */
export interface SessionLifetimes {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };

/** Seen-at times are written at most this often, so reading a page is not a write per request. */
export const TOUCH_INTERVAL_MS = 60_000;

/** True when the session still opens the API at `now`: not revoked, not idle too long, not past its end. */
export function isSessionLive(session: Session, lifetimes: SessionLifetimes, now: number): boolean {
  return session.revokedAt === null && now < session.expiresAt && now - session.lastSeenAt < lifetimes.idleMs;
}

import type { Role } from '../../domain/auth/roles.js';
import { DEFAULT_SESSION_LIFETIMES, TOUCH_INTERVAL_MS, isSessionLive, type SessionLifetimes } from '../../domain/auth/session-policy.js';
import type { Principal } from '../../domain/auth/token.js';
import { fail } from '../../domain/errors.js';
import type { Store } from '../../domain/store/store.js';
import { secretCodec } from './auth.js';

/** The cookie that carries a browser's session secret. */
export const SESSION_COOKIE = 'sb_session';

const CACHE_TTL_MS = 5_000;
const CACHE_LIMIT = 10_000;

/** How sessions are kept: their lifetimes and whether cookies need HTTPS. */
export interface SessionSettings {
  lifetimes: SessionLifetimes;
  /** Cookies marked Secure (the public URL is https). */
  secureCookies: boolean;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { lifetimes: DEFAULT_SESSION_LIFETIMES, secureCookies: false };

/**
 * Turns a session cookie into the caller: the person, their role and agent in the session's
 * workspace. A session past its idle or absolute time-out, revoked, of a disabled person or of
 * someone no longer a member opens nothing. Like tokens, lookups are cached for a few seconds;
 * sign-out through this process drops the cache at once.
 */
export class SessionAuthenticator {
  private readonly cache = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    readonly settings: SessionSettings,
  ) {}

  async authenticate(secret: string): Promise<Principal> {
    if (secret.length > 200) throw fail('unauthorized');
    const hash = secretCodec.hash(secret);
    const cached = this.cache.get(hash);
    const now = this.now();
    if (cached && cached.until > now) return cached.principal;
    const principal = await this.lookUp(hash, now);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(hash, { principal, until: now + CACHE_TTL_MS });
    return principal;
  }

  forgetAll(): void {
    this.cache.clear();
  }

  private async lookUp(hash: string, now: number): Promise<Principal> {
    const found = await this.store.read(async (tx) => {
      const session = await tx.sessions.findByHash(hash);
      if (!session) return undefined;
      const user = await tx.users.get(session.userId);
      const membership = await tx.users.membership(session.workspaceId, session.userId);
      return user && membership && { session, user, membership };
    });
    if (!found || !isSessionLive(found.session, this.settings.lifetimes, now) || found.user.disabledAt !== null) throw fail('unauthorized', 'The session has ended; sign in again.');
    if (now - found.session.lastSeenAt >= TOUCH_INTERVAL_MS) await this.store.transaction((tx) => tx.sessions.touch(found.session.id, now));
    return {
      via: 'session', tokenId: found.session.id, userId: found.user.id, workspaceId: found.session.workspaceId,
      role: found.membership.role as Role, agentId: found.membership.agentId, name: found.user.name,
    };
  }
}

import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type SessionSettings } from './session-auth.js';

/** The cookie holding the secret the CSRF tokens are made from (set by @fastify/csrf-protection). */
const CSRF_COOKIE = '_csrf';
/** Methods that change nothing, which need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** How every cookie of a browser's sign-in is set: script cannot read it, other sites' requests do not carry it. */
export function cookieOptions(settings: SessionSettings) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: settings.secureCookies };
}

/**
 * Reads cookies before access control runs, and checks the CSRF token (header `X-CSRF-Token`) of
 * every request signed in by a session cookie that could change something. Bearer tokens are not
 * sent by browsers on their own, so token requests need none. Install the check after access control,
 * which decides how the caller signed in.
 */
export async function installSessionCookies(app: FastifyInstance, settings: SessionSettings): Promise<() => void> {
  await app.register(cookie);
  await app.register(csrf, { sessionPlugin: '@fastify/cookie', cookieKey: CSRF_COOKIE, cookieOpts: cookieOptions(settings) });
  return () => {
    app.addHook('onRequest', (request, reply, done) => {
      if (request.principal?.via !== 'session' || SAFE_METHODS.has(request.method)) {
        done();
        return;
      }
      // On failure the plugin answers 403 itself (mapped to `csrf_invalid`) and does not go on.
      app.csrfProtection(request, reply, done);
    });
  };
}

/**
 * Sets the new session's cookie and a fresh CSRF secret (rotation at sign-in: nothing a browser
 * held before signing in stays valid after), and returns the CSRF token the dashboard sends back.
 */
export function startSessionCookies(request: FastifyRequest, reply: FastifyReply, secret: string, settings: SessionSettings): string {
  void reply.setCookie(SESSION_COOKIE, secret, { ...cookieOptions(settings), maxAge: Math.floor(settings.lifetimes.absoluteMs / 1000) });
  delete request.cookies[CSRF_COOKIE];
  return reply.generateCsrf();
}

/** Removes the session and CSRF cookies from the browser. */
export function clearSessionCookies(reply: FastifyReply, settings: SessionSettings): void {
  void reply.clearCookie(SESSION_COOKIE, cookieOptions(settings));
  void reply.clearCookie(CSRF_COOKIE, cookieOptions(settings));
}

/** The session secret the browser sent, if any. */
export function sessionSecretOf(request: FastifyRequest): string | undefined {
  return request.cookies?.[SESSION_COOKIE];
}

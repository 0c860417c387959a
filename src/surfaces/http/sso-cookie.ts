import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PendingSignIn } from '../../adapters/auth/openid-providers.js';
import { cookieOptions } from './session-cookies.js';
import type { SessionSettings } from './session-auth.js';

/** The cookie that carries a single sign-on from its start to the provider's answer, and only there. */
const SSO_COOKIE = 'sb_sso';
const SSO_COOKIE_PATH = '/v1/auth/sso';
/** Time a person has at their provider before the sign-in must start again. */
const PENDING_SECONDS = 600;

/** Keeps the sign-in's state, nonce and PKCE verifier in the browser that started it. */
export function keepPendingSignIn(reply: FastifyReply, pending: PendingSignIn, settings: SessionSettings): void {
  const value = Buffer.from(JSON.stringify(pending)).toString('base64url');
  void reply.setCookie(SSO_COOKIE, value, { ...cookieOptions(settings), path: SSO_COOKIE_PATH, maxAge: PENDING_SECONDS });
}

/** The browser's pending sign-in, if it holds a well-formed one; the cookie is removed either way. */
export function takePendingSignIn(request: FastifyRequest, reply: FastifyReply, settings: SessionSettings): PendingSignIn | null {
  const raw = request.cookies?.[SSO_COOKIE];
  void reply.clearCookie(SSO_COOKIE, { ...cookieOptions(settings), path: SSO_COOKIE_PATH });
  if (raw === undefined || raw.length > 2000) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    return isPendingSignIn(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function isPendingSignIn(value: unknown): value is PendingSignIn {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return ['workspace', 'state', 'nonce', 'verifier'].every((key) => typeof fields[key] === 'string' && fields[key] !== '');
}

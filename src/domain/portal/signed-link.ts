import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a link lets its holder do: follow one ticket, or stop one address's mail (a requester's);
 * set the first password of an invited person, or a new one after a reset (a member's); finish
 * signing in with a second factor after the password was right.
 */
export const LINK_PURPOSES = ['status', 'unsubscribe', 'invitation', 'password_reset', 'sign_in_step'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

export interface LinkClaims {
  purpose: LinkPurpose;
  /** The ticket id of a status link, the e-mail address of an unsubscribe link. */
  subject: string;
  /** Milliseconds since the epoch after which the link is refused. */
  expiresAt: number;
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'invalid' | 'expired' };

const VERSION = 'v1';

function signature(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`${VERSION}.${payload}`).digest();
}

/** A token `v1.<claims>.<HMAC-SHA256>` (base64url) that grants exactly its claims until it expires. */
export function signLink(key: Buffer, claims: LinkClaims): string {
  const payload = Buffer.from(JSON.stringify([claims.purpose, claims.subject, claims.expiresAt])).toString('base64url');
  return `${VERSION}.${payload}.${signature(key, payload).toString('base64url')}`;
}

/** Checks a token's signature (in constant time) and expiry, and that it was made for this purpose. */
export function verifyLink(key: Buffer, token: string, purpose: LinkPurpose, now: number): LinkCheck {
  const [version, payload, mac, ...rest] = token.split('.');
  if (version !== VERSION || !payload || !mac || rest.length > 0) return { ok: false, reason: 'invalid' };
  const expected = signature(key, payload);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const claims = decodeClaims(payload);
  if (!claims || claims.purpose !== purpose) return { ok: false, reason: 'invalid' };
  return claims.expiresAt <= now ? { ok: false, reason: 'expired' } : { ok: true, claims };
}

function decodeClaims(payload: string): LinkClaims | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded.length !== 3) return null;
    const [purpose, subject, expiresAt] = decoded as unknown[];
    if (!LINK_PURPOSES.includes(purpose as LinkPurpose) || typeof subject !== 'string' || typeof expiresAt !== 'number') return null;
    return { purpose: purpose as LinkPurpose, subject, expiresAt };
  } catch {
    return null;
  }
}

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { leadingZeroBits } from './zero-bits.js';

/**
 * A challenge the public form must answer before a request is taken: find a nonce such that
 * SHA-256(`<challenge>:<nonce>`) starts with `bits` zero bits. It costs a browser a second or two
 * and a bulk sender that much per request. The challenge is signed, so the server keeps nothing
 * until it is used; its id is then stored so it cannot be used twice.
 */
export interface Challenge {
  id: string;
  issuedAt: number;
  bits: number;
}

/** How a workspace's form checks answers: the work asked, the quickest believable fill, the longest wait. */
export interface ChallengeRules {
  bits: number;
  /** A form sent sooner after its challenge was issued was not filled in by a person. */
  minFillMs: number;
  /** A challenge older than this is refused; the form fetches a new one. */
  maxAgeMs: number;
}

export type ChallengeCheck =
  | { ok: true; challenge: Challenge; expiresAt: number }
  | { ok: false; reason: 'invalid' | 'expired' }
  | { ok: false; reason: 'too_fast'; retryAfterMs: number };

const VERSION = 'p1';

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(`${VERSION}.${payload}`).digest();
}

/** The challenge as the form receives it: `p1.<id>.<issued at>.<bits>.<HMAC>`. */
export function signChallenge(key: Buffer, challenge: Challenge): string {
  const payload = `${challenge.id}.${challenge.issuedAt}.${challenge.bits}`;
  return `${VERSION}.${payload}.${mac(key, payload).toString('base64url')}`;
}

/** True when the nonce answers the challenge text with at least `bits` leading zero bits. */
export function solves(challenge: string, nonce: string, bits: number): boolean {
  return leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= bits;
}

function readChallenge(key: Buffer, text: string): Challenge | null {
  const parts = text.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) return null;
  const [, id = '', issued = '', bits = '', signature = ''] = parts;
  const expected = mac(key, `${id}.${issued}.${bits}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { id, issuedAt: Number(issued), bits: Number(bits) };
}

/**
 * Checks an answer: made by this key, not too old, not sent before a person could have filled
 * the form, and the nonce does the work the challenge asked (at least what the rules ask now).
 * Whether it was used before is the store's to say.
 */
export function checkChallenge(key: Buffer, text: string, nonce: string, rules: ChallengeRules, now: number): ChallengeCheck {
  const challenge = readChallenge(key, text);
  if (!challenge || !Number.isSafeInteger(challenge.issuedAt) || challenge.issuedAt > now) return { ok: false, reason: 'invalid' };
  const expiresAt = challenge.issuedAt + rules.maxAgeMs;
  if (now >= expiresAt) return { ok: false, reason: 'expired' };
  if (now - challenge.issuedAt < rules.minFillMs) return { ok: false, reason: 'too_fast', retryAfterMs: challenge.issuedAt + rules.minFillMs - now };
  if (challenge.bits < rules.bits || !solves(text, nonce, challenge.bits)) return { ok: false, reason: 'invalid' };
  return { ok: true, challenge, expiresAt };
}

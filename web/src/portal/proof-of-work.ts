import { leadingZeroBits } from '../../../src/domain/portal/zero-bits';

/** Hashes between pauses: the page stays responsive while the browser works. */
const BATCH = 256;

/**
 * Finds a nonce such that SHA-256(`challenge:nonce`) starts with `bits` zero bits, as the server
 * checks it. Yields to the page between batches; `signal` stops it (the page was left).
 */
export async function solveChallenge(challenge: string, bits: number, signal: AbortSignal): Promise<string> {
  const encoder = new TextEncoder();
  for (let nonce = 0; ; nonce++) {
    const digest = await crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${nonce}`));
    if (leadingZeroBits(new Uint8Array(digest)) >= bits) return String(nonce);
    if (nonce % BATCH === BATCH - 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      signal.throwIfAborted();
    }
  }
}

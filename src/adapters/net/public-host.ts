import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { blockedReason } from '../webhooks/blocked-addresses.js';

/** Why an address is refused, or null when it may be reached; `blockedReason` unless a test narrows it. */
export type AddressClassifier = (address: string) => string | null;

/** A host as it was checked: the address to connect to, never a second lookup's answer. */
export interface CheckedHost {
  address: string;
  family: 4 | 6;
  /** Why the address is not public (loopback, private, …), or null for a public one. */
  blocked: string | null;
}

/** How a refusal reads and which coded error carries it. */
export interface HostRefusal {
  /** The end of the sentence that says why, e.g. "webhooks go to public hosts". */
  rule: string;
  refuse(message: string): Error;
}

/**
 * Resolves `host` (every address it has) and refuses it when any of them is loopback, private,
 * link-local or otherwise not public, unless private hosts are allowed. The checked address is the
 * one to connect to, so a second answer from DNS (rebinding) cannot move the connection elsewhere.
 */
export async function checkHost(
  host: string, allowPrivate: boolean, refusal: HostRefusal, classify: AddressClassifier = blockedReason,
): Promise<CheckedHost> {
  const bare = host.replace(/^\[|\]$/g, '');
  const addresses = isIP(bare) ? [{ address: bare, family: isIP(bare) }] : await resolve(bare, refusal);
  const reasons = addresses.map(({ address }) => classify(address));
  if (!allowPrivate) {
    addresses.forEach(({ address }, index) => {
      const reason = reasons[index];
      if (reason) throw refusal.refuse(`${bare === address ? address : `${bare} resolves to ${address}, which`} is a ${reason} address; ${refusal.rule}.`);
    });
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4, blocked: reasons[0] ?? null };
}

async function resolve(host: string, refusal: HostRefusal): Promise<{ address: string; family: number }[]> {
  try {
    const found = await lookup(host, { all: true, verbatim: true });
    if (found.length > 0) return found;
  } catch {
    // reported below, the same as an empty answer
  }
  throw refusal.refuse(`The host "${host}" does not resolve.`);
}

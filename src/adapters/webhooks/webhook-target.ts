import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { fail } from '../../domain/errors.js';
import { blockedReason } from './blocked-addresses.js';

/** Whether webhooks may reach loopback, private and link-local addresses (SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE). */
export interface WebhookTargetPolicy {
  allowPrivate: boolean;
}

/** Why an address is refused, or null when it may be reached; `blockedReason` unless a test narrows it. */
export type AddressClassifier = (address: string) => string | null;

/** A URL with the one address it was checked at: requests connect there, never to a second lookup. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** Parses an http(s) URL, or refuses it with `webhook_target_refused`. */
export function parseTargetUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refused(`"${text}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refused(`Webhooks are posted over http or https, not ${url.protocol.slice(0, -1)}.`);
  if (url.username || url.password) throw refused('Put credentials in the signing secret, not in the URL.');
  return url;
}

/**
 * Resolves the URL's host (every address it has) and refuses it when any of them is loopback,
 * private, link-local or otherwise not public, unless the policy allows private targets. The
 * address that was checked is the one to connect to, so a second answer from DNS (rebinding)
 * cannot move the request elsewhere.
 */
export async function checkTarget(url: URL, policy: WebhookTargetPolicy, classify: AddressClassifier = blockedReason): Promise<CheckedTarget> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  if (!policy.allowPrivate) {
    for (const { address } of addresses) {
      const reason = classify(address);
      if (reason) throw refused(`${host === address ? address : `${host} resolves to ${address}, which`} is a ${reason} address; webhooks go to public hosts.`);
    }
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

async function resolve(host: string): Promise<{ address: string; family: number }[]> {
  try {
    const found = await lookup(host, { all: true, verbatim: true });
    if (found.length > 0) return found;
  } catch {
    // reported below, the same as an empty answer
  }
  throw refused(`The host "${host}" does not resolve.`);
}

function refused(message: string) {
  return fail('webhook_target_refused', message, { path: '/url' });
}

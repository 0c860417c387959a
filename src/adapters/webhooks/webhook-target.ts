import { fail } from '../../domain/errors.js';
import { checkHost, type AddressClassifier } from '../net/public-host.js';

/** Whether webhooks may reach loopback, private and link-local addresses (SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE). */
export interface WebhookTargetPolicy {
  allowPrivate: boolean;
}

export type { AddressClassifier } from '../net/public-host.js';

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
 * Resolves the URL's host and refuses it when any of its addresses is not public, unless the
 * policy allows private targets (see `checkHost`); requests connect to the checked address.
 */
export async function checkTarget(url: URL, policy: WebhookTargetPolicy, classify?: AddressClassifier): Promise<CheckedTarget> {
  const { address, family } = await checkHost(url.hostname, policy.allowPrivate, { rule: 'webhooks go to public hosts', refuse: refused }, classify);
  return { url, address, family };
}

function refused(message: string) {
  return fail('webhook_target_refused', message, { path: '/url' });
}

import { BlockList, isIP } from 'node:net';

/** IPv4 ranges a webhook may not reach unless private targets are allowed, and what each one is. */
const V4_RANGES: readonly [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared (CGNAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6_RANGES: readonly [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fc00::', 7, 'unique-local (private)'],
  ['fe80::', 10, 'link-local'],
  ['ff00::', 8, 'multicast'],
];

/** One block list per reason, so a refusal can say what the address is. */
const LISTS: { reason: string; list: BlockList }[] = (() => {
  const byReason = new Map<string, BlockList>();
  const listFor = (reason: string) => byReason.get(reason) ?? byReason.set(reason, new BlockList()).get(reason)!;
  for (const [base, prefix, reason] of V4_RANGES) {
    listFor(reason).addSubnet(base, prefix, 'ipv4');
    // The same range written as an IPv4-mapped IPv6 address (::ffff:127.0.0.1) reaches the same host.
    listFor(reason).addSubnet(`::ffff:${base}`, 96 + prefix, 'ipv6');
  }
  for (const [base, prefix, reason] of V6_RANGES) listFor(reason).addSubnet(base, prefix, 'ipv6');
  return [...byReason].map(([reason, list]) => ({ reason, list }));
})();

/**
 * Why Switchboard will not post to this IP address (loopback, private, link-local, unspecified,
 * multicast, CGNAT, reserved, or one of those IPv4-mapped), or null when it is a public address.
 */
export function blockedReason(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return LISTS.find(({ list }) => list.check(address, type))?.reason ?? null;
}

import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { ClaimfeedError } from '../errors.js';

/**
 * Addresses a fetch must not reach unless configured: loopback, private, link-local, CGNAT,
 * multicast, reserved, and their IPv6 counterparts (IPv4-mapped ones are checked as IPv4).
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64]] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower) ?? /^64:ff9b::(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
  return blocked.check(lower, 'ipv6');
}

export function blockedAddressError(host: string, address: string): ClaimfeedError {
  return new ClaimfeedError('FETCH_BLOCKED_ADDRESS', `Refused to connect to ${host} (${address}): private, loopback or link-local address (set fetch.allowPrivateNetworks to allow)`, {
    details: { host, address },
  });
}

/** Throws for a URL whose host is an IP literal in a blocked range (no DNS lookup happens then). */
export function assertHostAllowed(url: URL, allowPrivateNetworks: boolean): void {
  if (allowPrivateNetworks) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && isBlockedAddress(host)) throw blockedAddressError(url.hostname, host);
  if (host === 'localhost' || host.endsWith('.localhost')) throw blockedAddressError(url.hostname, host);
}

export type LookupFunction = (hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => void;

/**
 * A DNS lookup for the connection layer that checks every resolved address, so a host name
 * resolving to a private address (or re-resolving to one: DNS rebinding) is refused at connect
 * time, on the first request and on every redirect. `onResolved` records what was connected to.
 */
export function guardedLookup(allowPrivateNetworks: boolean, base: LookupFunction = dnsLookup as LookupFunction, onResolved?: (hostname: string, address: string) => void): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list: LookupAddress[] = Array.isArray(addresses) ? addresses : [{ address: addresses, family: isIP(addresses) }];
      if (!allowPrivateNetworks) {
        const bad = list.find((entry) => isBlockedAddress(entry.address));
        if (bad) return callback(blockedAddressError(hostname, bad.address) as NodeJS.ErrnoException, []);
      }
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      onResolved?.(hostname, first.address);
      if (options.all) return callback(null, list);
      return callback(null, first.address, first.family);
    });
  };
}

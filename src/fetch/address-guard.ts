import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { envName } from '../config/schema.js';
import { ClaimfeedError } from '../errors.js';

/**
 * Which addresses a fetch may reach unless `fetch.allowPrivateNetworks` is set: only the ones
 * the IANA special-purpose registries call globally reachable. ipaddr.js names the range of an
 * address; IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are
 * judged by the IPv4 address inside, so `[::127.0.0.1]` or `[64:ff9b::a9fe:a9fe]` cannot
 * smuggle a loopback or metadata address past the guard.
 */
const GLOBAL_IPV4_RANGES = new Set(['unicast', 'as112', 'amt']);
const GLOBAL_IPV6_RANGES = new Set(['unicast', 'as112v6', 'amt']);

export interface AddressDecision {
  address: string;
  blocked: boolean;
  /** ipaddr.js's name for the range (`loopback`, `uniqueLocal`, …), `6to4 > private` for an embedded IPv4 address. */
  range: string;
  /** The IPv4 addresses carried inside an IPv6 address, when it has any. */
  embedded: string[];
}

export function classifyAddress(address: string): AddressDecision {
  const bare = address.replace(/^\[|\]$/g, '');
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // Only canonical literals: "1.2.3" or "0x7f.1" are host names to a URL parser, not addresses.
    if (isIP(bare.replace(/%.*$/, '')) === 0) throw new Error('not an IP literal');
    parsed = ipaddr.parse(bare);
  } catch {
    return { address, blocked: true, range: 'invalid', embedded: [] };
  }
  if (parsed.kind() === 'ipv4') {
    const range = parsed.range();
    return { address, blocked: !GLOBAL_IPV4_RANGES.has(range), range, embedded: [] };
  }
  const ipv6 = parsed as ipaddr.IPv6;
  const carried = embeddedIPv4(ipv6.parts);
  if (carried !== null) {
    const inner = carried.addresses.map((embedded) => ({ embedded, range: embedded.range() }));
    const worst = inner.find((entry) => !GLOBAL_IPV4_RANGES.has(entry.range)) ?? inner[0];
    return {
      address,
      blocked: carried.localOnly || inner.some((entry) => !GLOBAL_IPV4_RANGES.has(entry.range)),
      range: `${carried.form} > ${worst?.range ?? 'unicast'}`,
      embedded: inner.map((entry) => entry.embedded.toString()),
    };
  }
  const range = ipv6.range();
  return { address, blocked: !GLOBAL_IPV6_RANGES.has(range), range, embedded: [] };
}

export function isBlockedAddress(address: string): boolean {
  return classifyAddress(address).blocked;
}

function ipv4From(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** The IPv4 address(es) inside an IPv6 address of a form that carries one, by its prefix. */
function embeddedIPv4(parts: readonly number[]): { form: string; addresses: ipaddr.IPv4[]; localOnly: boolean } | null {
  const [p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0] = parts;
  const zeroTo = (end: number) => parts.slice(0, end).every((part) => part === 0);
  const last = () => [ipv4From(p6, p7)];
  if (zeroTo(5) && p5 === 0xffff) return { form: 'ipv4Mapped', addresses: last(), localOnly: false };
  if (zeroTo(4) && p4 === 0xffff && p5 === 0) return { form: 'rfc6145', addresses: last(), localOnly: false };
  // IPv4-compatible (::/96, deprecated): :: and ::1 land here too and come out unspecified/loopback.
  if (zeroTo(6)) return { form: 'ipv4Compatible', addresses: last(), localOnly: false };
  if (p0 === 0x64 && p1 === 0xff9b && p2 === 0 && p3 === 0 && p4 === 0 && p5 === 0) return { form: 'nat64', addresses: last(), localOnly: false };
  // 64:ff9b:1::/48 is for NAT64 inside one network (RFC 8215): never globally reachable.
  if (p0 === 0x64 && p1 === 0xff9b && p2 === 1) return { form: 'nat64Local', addresses: last(), localOnly: true };
  if (p0 === 0x2002) return { form: '6to4', addresses: [ipv4From(p1, p2)], localOnly: false };
  // Teredo (2001:0::/32): the server address, then the client's, stored inverted.
  if (p0 === 0x2001 && p1 === 0) return { form: 'teredo', addresses: [ipv4From(p2, p3), ipv4From(~p6 & 0xffff, ~p7 & 0xffff)], localOnly: false };
  return null;
}

function blockedAddressError(host: string, address: string): ClaimfeedError {
  const decision = classifyAddress(address);
  const setting = `set fetch.allowPrivateNetworks (environment: ${envName('fetch.allowPrivateNetworks')}=1) to allow`;
  return new ClaimfeedError('FETCH_BLOCKED_ADDRESS', `Refused to connect to ${host} (${address}, ${decision.range}): not a public address (${setting})`, {
    details: { host, address, range: decision.range },
  });
}

/** Throws for a URL whose host is an IP literal in a blocked range (no DNS lookup happens then). */
export function assertHostAllowed(url: URL, allowPrivateNetworks: boolean): void {
  if (allowPrivateNetworks) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && isBlockedAddress(host)) throw blockedAddressError(url.hostname, host);
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) throw blockedAddressError(url.hostname, host);
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

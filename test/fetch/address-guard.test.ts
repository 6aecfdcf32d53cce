import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertHostAllowed, classifyAddress, isBlockedAddress } from '../../src/fetch/address-guard.js';
import { Fetcher, fetchOptionsFromConfig } from '../../src/fetch/http.js';
import { type Origin, articlePage, startOrigin } from '../helpers/origin.js';
import { testConfig } from '../helpers/pipeline.js';

describe('address guard decisions', () => {
  it('refuses IPv4 special-purpose ranges and keeps public unicast', () => {
    for (const address of ['0.0.0.0', '10.1.2.3', '100.64.0.1', '127.0.0.1', '169.254.169.254', '172.16.0.1', '192.0.0.8', '192.0.2.1', '192.168.1.1', '198.18.0.1', '198.51.100.7', '203.0.113.9', '224.0.0.1', '240.0.0.1', '255.255.255.255']) {
      expect(isBlockedAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '1.1.1.1']) expect(isBlockedAddress(address), address).toBe(false);
  });

  it('refuses IPv6 special-purpose ranges: loopback, unique-local, link-local, site-local, documentation, discard', () => {
    for (const address of ['::', '::1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'fec0::1', 'feff::1', 'ff02::1', '2001:db8::1', '100::1', '2001:2::1', '2001:10::1', '3fff::1']) {
      expect(classifyAddress(address), address).toMatchObject({ blocked: true });
    }
    for (const address of ['2606:4700::1111', '2a00:1450:4001:81c::200e']) expect(isBlockedAddress(address), address).toBe(false);
  });

  it('judges IPv6 forms that carry an IPv4 address by the address inside', () => {
    const carried: [string, string][] = [
      ['::ffff:127.0.0.1', 'ipv4Mapped'],
      ['::ffff:7f00:1', 'ipv4Mapped'],
      ['::127.0.0.1', 'ipv4Mapped'],
      ['::7f00:1', 'ipv4Compatible'],
      ['::a9fe:a9fe', 'ipv4Compatible'],
      ['::ffff:0:7f00:1', 'rfc6145'],
      ['64:ff9b::a9fe:a9fe', 'nat64'],
      ['64:ff9b::169.254.169.254', 'nat64'],
      ['64:ff9b::a00:1', 'nat64'],
      ['2002:7f00:1::', '6to4'],
      ['2002:c0a8:101::1', '6to4'],
      ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'teredo'],
    ];
    for (const [address, form] of carried) {
      const decision = classifyAddress(address);
      expect(decision.blocked, address).toBe(true);
      expect(decision.range.startsWith(form), `${address}: ${decision.range}`).toBe(true);
      expect(decision.embedded.length, address).toBeGreaterThan(0);
    }
    // Local-use NAT64 is refused whatever it carries; the well-known prefix with a public address is not.
    expect(classifyAddress('64:ff9b:1::808:808')).toMatchObject({ blocked: true, range: 'nat64Local > unicast' });
    expect(classifyAddress('64:ff9b::808:808')).toMatchObject({ blocked: false, embedded: ['8.8.8.8'] });
    expect(classifyAddress('2002:808:808::1')).toMatchObject({ blocked: false, embedded: ['8.8.8.8'] });
    expect(classifyAddress('::ffff:8.8.8.8').blocked).toBe(false);
  });

  it('refuses anything that is not an address literal', () => {
    for (const address of ['', 'localhost', '1.2.3', '0x7f.1', '::g', '1.2.3.4.5']) expect(isBlockedAddress(address), address).toBe(true);
  });

  it('refuses URL hosts in blocked forms before any lookup, naming the setting and its environment variable', () => {
    for (const href of ['http://[::127.0.0.1]/', 'http://[64:ff9b::a9fe:a9fe]/', 'http://[fec0::1]/', 'http://0x7f.1/', 'http://localhost./', 'http://2130706433/']) {
      let error: unknown = null;
      try {
        assertHostAllowed(new URL(href), false);
      } catch (caught) {
        error = caught;
      }
      expect(error, href).toMatchObject({ code: 'FETCH_BLOCKED_ADDRESS' });
      if (href.includes('fec0')) expect((error as Error).message).toContain('CLAIMFEED_FETCH_ALLOW_PRIVATE_NETWORKS');
    }
  });
});

describe('address guard on a real fetch', () => {
  let origin: Origin;
  beforeAll(async () => {
    origin = await startOrigin(['127.0.0.1'], (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(articlePage('guard'));
    });
  });
  afterAll(async () => origin.close());

  it('refuses an IPv4-compatible IPv6 literal for loopback without connecting', async () => {
    const fetcher = new Fetcher(fetchOptionsFromConfig(testConfig({ 'fetch.allowPrivateNetworks': false })));
    await expect(fetcher.fetch(`http://[::127.0.0.1]:${origin.port}/`)).rejects.toMatchObject({ code: 'FETCH_BLOCKED_ADDRESS', details: { range: 'ipv4Compatible > loopback' } });
    await fetcher.close();
    expect(origin.hits).toEqual([]);
  });
});

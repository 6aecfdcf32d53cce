import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBlockedAddress, type LookupFunction } from '../../src/fetch/address-guard.js';
import { Fetcher, fetchOptionsFromConfig, parseRetryAfter } from '../../src/fetch/http.js';
import { canonicalizeUrl } from '../../src/model/ids.js';
import { type Origin, articlePage, startOrigin } from '../helpers/origin.js';
import { testConfig } from '../helpers/pipeline.js';

/** Resolves every name to 127.0.0.1, as a hostile DNS answer would. */
const toLoopback: LookupFunction = (_hostname, options, callback) => {
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

describe('guarded fetcher', () => {
  let origin: Origin;
  beforeAll(async () => {
    origin = await startOrigin(['127.0.0.1'], (request, response) => {
      if (request.url === '/to-name') {
        response.writeHead(302, { location: `http://inside.test:${origin.port}/page` });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html', etag: '"v1"' });
      response.end(articlePage('fetch'));
    });
  });
  afterAll(async () => origin.close());

  it('checks the address a host name resolves to, on the first request and on redirects', async () => {
    const strict = new Fetcher(fetchOptionsFromConfig(testConfig({ 'fetch.allowPrivateNetworks': false })), toLoopback);
    await expect(strict.fetch(`http://news.test:${origin.port}/page`)).rejects.toMatchObject({ code: 'FETCH_BLOCKED_ADDRESS' });
    await strict.close();
    expect(origin.hits).toEqual([]);
    const open = new Fetcher(fetchOptionsFromConfig(testConfig()), toLoopback);
    const page = await open.fetch(origin.url('127.0.0.1', '/to-name'));
    expect(page.finalUrl).toBe(`http://inside.test:${origin.port}/page`);
    expect(page.redirectChain).toHaveLength(1);
    expect(page.address).toBe('127.0.0.1');
    await open.close();
  });

  it('sends a conditional GET and reports 304 as not modified', async () => {
    const conditional = await startOrigin(['127.0.0.1'], (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304);
        response.end();
      } else {
        response.writeHead(200, { 'content-type': 'text/html', etag: '"v1"' });
        response.end(articlePage('etag'));
      }
    });
    const fetcher = new Fetcher(fetchOptionsFromConfig(testConfig()));
    const first = await fetcher.fetch(conditional.url('127.0.0.1', '/a'));
    expect(first.headers.etag).toBe('"v1"');
    const second = await fetcher.fetch(conditional.url('127.0.0.1', '/a'), { etag: first.headers.etag ?? null });
    expect(second.notModified).toBe(true);
    await fetcher.close();
    await conditional.close();
  });

  it('blocks private, loopback and link-local ranges, IPv4-mapped included', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0']) {
      expect(isBlockedAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '2606:4700::1111', '8.8.8.8']) expect(isBlockedAddress(address), address).toBe(false);
  });

  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('canonical URLs', () => {
  const tracking = testConfig().dedup.trackingParams;
  it('drops tracking parameters and fragments, keeps path case, sorts the query', () => {
    expect(canonicalizeUrl('HTTPS://News.Example:443/Path/Story?utm_source=x&b=2&a=1&fbclid=z#top', tracking)).toBe('https://news.example/Path/Story?a=1&b=2');
    expect(canonicalizeUrl('https://news.example/path/story', tracking)).not.toBe(canonicalizeUrl('https://news.example/Path/Story', tracking));
  });

  it('refuses URLs over 8 KiB and URLs carrying credentials, without echoing the secret', () => {
    expect(() => canonicalizeUrl(`https://news.example/${'a'.repeat(500_000)}`, tracking)).toThrow(expect.objectContaining({ code: 'INVALID_URL', message: expect.stringMatching(/at most 8192/) }));
    expect(canonicalizeUrl(`https://news.example/${'a'.repeat(8000)}`, tracking)).toHaveLength(8021);
    for (const url of ['https://user:hunter2@news.example/story', 'https://hunter2@news.example/story']) {
      let error: unknown = null;
      try {
        canonicalizeUrl(url, tracking);
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({ code: 'INVALID_URL' });
      expect((error as Error).message).not.toContain('hunter2');
      expect((error as Error).message).toContain('https://news.example/story');
    }
  });
});

import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostGate } from '../../src/fetch/host-gate.js';
import { Fetcher, fetchOptionsFromConfig } from '../../src/fetch/http.js';
import { RobotsCache } from '../../src/fetch/robots.js';
import { type StoreKeys, storeKeys } from '../../src/store/keys.js';
import { type Origin, startOrigin } from '../helpers/origin.js';
import { testConfig } from '../helpers/pipeline.js';
import { dropPrefix, testPrefix, testRedis } from '../helpers/redis.js';

/** robots.txt per test address: 127.0.0.2 ordinary, .3 broken (503), .4 oversize, .5 slow. */
function robotsFor(address: string): { status: number; body: string } {
  if (address === '127.0.0.3') return { status: 503, body: 'down' };
  if (address === '127.0.0.4') return { status: 200, body: `User-agent: *\nDisallow: /early\n${`# ${'x'.repeat(1000)}\n`.repeat(600)}Disallow: /late\n` };
  return { status: 200, body: 'User-agent: *\nDisallow: /private/\n' };
}

describe('robots.txt cache', () => {
  let origin: Origin;
  let redis: Redis;
  let prefix: string;
  let keys: StoreKeys;
  let fetcher: Fetcher;
  let gate: HostGate;
  const cache = () => new RobotsCache(redis, keys, fetcher, gate, { agentToken: 'claimfeed', ttlSeconds: 60, failureTtlSeconds: 30, maxGateWaitMs: 2000 });

  beforeAll(async () => {
    origin = await startOrigin(['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'], (request, response, address) => {
      const { status, body } = robotsFor(address);
      const send = () => {
        response.writeHead(status, { 'content-type': 'text/plain' });
        response.end(body);
      };
      if (address === '127.0.0.5') setTimeout(send, 200);
      else send();
    });
    redis = testRedis();
    prefix = testPrefix();
    keys = storeKeys(prefix);
    fetcher = new Fetcher(fetchOptionsFromConfig(testConfig()));
    gate = new HostGate(redis, keys, 0, 2, 10_000);
  });

  afterAll(async () => {
    await fetcher.close();
    await dropPrefix(redis, prefix);
    redis.disconnect();
    await origin.close();
  });

  const robotsHits = (address: string) => origin.hits.filter((hit) => hit === `${address} /robots.txt`).length;

  it('fetches robots.txt once for simultaneous requests, in one process and across processes, through the host gate', async () => {
    const first = cache();
    const second = cache();
    const urls = Array.from({ length: 10 }, (_, index) => new URL(origin.url('127.0.0.5', index % 2 === 0 ? `/private/${index}` : `/news/${index}`)));
    const verdicts = await Promise.all(urls.map((url, index) => (index < 5 ? first : second).check(url)));
    expect(verdicts.map((verdict) => verdict.allowed)).toEqual(urls.map((_, index) => index % 2 !== 0));
    expect(robotsHits('127.0.0.5')).toBe(1);
    const [state] = await gate.states();
    expect(state).toMatchObject({ host: `127.0.0.5:${origin.port}` });
    expect(state?.lastAt).not.toBeNull();
  });

  it('caches a failed robots.txt as a transient error instead of asking again on every attempt', async () => {
    const robots = cache();
    const url = new URL(origin.url('127.0.0.3', '/story'));
    await expect(robots.check(url)).rejects.toMatchObject({ code: 'FETCH_FAILED', permanent: false });
    await expect(cache().check(url)).rejects.toMatchObject({ code: 'FETCH_FAILED', permanent: false, details: { robots: 'unavailable' } });
    expect(robotsHits('127.0.0.3')).toBe(1);
    expect(await redis.ttl(keys.robots(url.origin))).toBeLessThanOrEqual(30);
  });

  it('reads the first 500 KiB of a larger robots.txt instead of refusing the host', async () => {
    const robots = cache();
    expect((await robots.check(new URL(origin.url('127.0.0.4', '/early/story')))).allowed).toBe(false);
    expect((await robots.check(new URL(origin.url('127.0.0.4', '/late/story')))).allowed).toBe(true);
    expect(robotsHits('127.0.0.4')).toBe(1);
  });
});

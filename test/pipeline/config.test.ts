import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadConfigDetailed } from '../../src/config/load.js';
import { envName } from '../../src/config/schema.js';
import { ClaimfeedError } from '../../src/errors.js';

describe('config', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({ env: {} });
    expect(config.fetch).toMatchObject({ allowPrivateNetworks: false, hostMinDelayMs: 1000, hostMaxConcurrency: 2, robots: true });
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(Object.isFrozen(config.fetch)).toBe(true);
  });

  it('names environment variables after the key', () => {
    expect(envName('fetch.hostMinDelayMs')).toBe('CLAIMFEED_FETCH_HOST_MIN_DELAY_MS');
    expect(envName('fetch.allowPrivateNetworks')).toBe('CLAIMFEED_FETCH_ALLOW_PRIVATE_NETWORKS');
  });

  it('applies defaults < file < environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimfeed-config-'));
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ fetch: { hostMinDelayMs: 5, hostMaxConcurrency: 7 } }));
    const loaded = loadConfigDetailed({ file, env: { CLAIMFEED_FETCH_HOST_MIN_DELAY_MS: '0', CLAIMFEED_FETCH_ROBOTS: '0', REDIS_URL: 'redis://127.0.0.1:6390' } });
    expect(loaded.config.fetch).toMatchObject({ hostMinDelayMs: 0, hostMaxConcurrency: 7, robots: false });
    expect(loaded.config.redis.url).toBe('redis://127.0.0.1:6390');
    expect(loaded.redisUrlExplicit).toBe(true);
    expect(loadConfigDetailed({ env: {} }).redisUrlExplicit).toBe(false);
  });

  it('reports every problem in one error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimfeed-config-'));
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ fetch: { hostMaxConcurrency: 0, bogus: 1 } }));
    let caught: unknown;
    try {
      loadConfig({ file, env: { CLAIMFEED_FETCH_ALLOW_PRIVATE_NETWORKS: 'maybe', CLAIMFEED_FETCH_MAX_BYTES: 'lots' } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ClaimfeedError);
    const message = (caught as ClaimfeedError).message;
    expect((caught as ClaimfeedError).code).toBe('CONFIG_INVALID');
    for (const part of ['fetch.bogus', 'fetch.hostMaxConcurrency', 'CLAIMFEED_FETCH_ALLOW_PRIVATE_NETWORKS', 'CLAIMFEED_FETCH_MAX_BYTES']) expect(message).toContain(part);
  });

  it('refuses a server token that is only whitespace or padded with it', () => {
    for (const token of ['   ', '\t', ' s3cret ']) {
      expect(() => loadConfig({ env: { CLAIMFEED_SERVER_TOKEN: token } }), JSON.stringify(token)).toThrow(/server\.token/);
    }
    expect(loadConfig({ env: { CLAIMFEED_SERVER_TOKEN: 's3cret' } }).server.token).toBe('s3cret');
    expect(loadConfig({ env: {} }).server.token).toBe('');
  });
});

import type { Redis } from 'ioredis';
import type { Config } from '../config/schema.js';
import { ClaimfeedError, toClaimfeedError } from '../errors.js';
import type { SourceBody } from '../sources/parse.js';
import type { StoreKeys } from '../store/keys.js';
import type { LookupFunction } from './address-guard.js';
import { HostGate } from './host-gate.js';
import { type ConditionalHeaders, type FetchedPage, Fetcher, fetchOptionsFromConfig } from './http.js';
import { RobotsCache, robotsOptionsFromConfig } from './robots.js';

/** What a feed request accepts: feeds, sitemaps (XML or gzip), then anything. */
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/gzip;q=0.8, */*;q=0.5';

/** A poll waits at most this long for its host's politeness slot before giving up for this round. */
const MAX_GATE_WAIT_MS = 60_000;

/**
 * Feed and sitemap requests through the same path as article fetches: robots.txt, the
 * per-host gate shared with the fetch stage, the address guard and the size and time caps of
 * src/fetch. Only the accepted media types differ (feeds are not HTML).
 */
export class SourceFetcher {
  readonly fetcher: Fetcher;
  private readonly gate: HostGate;
  private readonly robots: RobotsCache | null;

  constructor(config: Config, redis: Redis, keys: StoreKeys, lookup?: LookupFunction) {
    this.fetcher = new Fetcher(fetchOptionsFromConfig(config), lookup);
    this.gate = new HostGate(redis, keys, config.fetch.hostMinDelayMs, config.fetch.hostMaxConcurrency, config.fetch.totalTimeoutMs + 5000);
    this.robots = config.fetch.robots ? new RobotsCache(redis, keys, this.fetcher, this.gate, robotsOptionsFromConfig(config)) : null;
  }

  async fetch(url: string, conditional: ConditionalHeaders = {}): Promise<FetchedPage> {
    const target = new URL(url);
    let crawlDelayMs: number | null = null;
    if (this.robots !== null && target.pathname !== '/robots.txt') {
      const verdict = await this.robots.check(target);
      if (!verdict.allowed) {
        throw new ClaimfeedError('FETCH_ROBOTS_DISALLOWED', `robots.txt disallows ${target.pathname} ("Disallow: ${verdict.rule}"): GET ${url}`, { details: { rule: verdict.rule } });
      }
      crawlDelayMs = verdict.crawlDelayMs;
    }
    const host = target.host.toLowerCase();
    const deadline = Date.now() + MAX_GATE_WAIT_MS;
    let reserved = false;
    for (;;) {
      const granted = await this.gate.acquire(host, { crawlDelayMs, reserved });
      if (granted.kind === 'granted') {
        try {
          return await this.fetcher.fetch(url, conditional, { contentTypes: null, accept: FEED_ACCEPT });
        } catch (error) {
          const failure = toClaimfeedError(error);
          const retryAfterMs = failure.details?.retryAfterMs;
          if (failure.code === 'FETCH_RATE_LIMITED') await this.gate.penalize(host, typeof retryAfterMs === 'number' ? retryAfterMs : 60_000);
          throw failure;
        } finally {
          await granted.lease.release();
        }
      }
      const resumeAt = granted.kind === 'reserved' ? granted.slotAt : Date.now() + granted.waitMs;
      if (resumeAt > deadline) {
        throw new ClaimfeedError('FETCH_RATE_LIMITED', `Host ${host} busy for ${Math.round((resumeAt - Date.now()) / 1000)} s more: GET ${url}`, { permanent: false, details: { retryAfterMs: resumeAt - Date.now() } });
      }
      reserved = reserved || granted.kind === 'reserved';
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, resumeAt - Date.now())));
    }
  }

  /** One document for the source parsers (no validators: discovery and nested sitemaps). */
  readonly body = async (url: string): Promise<SourceBody> => {
    const page = await this.fetch(url);
    return { bytes: page.body, contentType: page.contentType, url: page.finalUrl };
  };

  async close(): Promise<void> {
    await this.fetcher.close();
  }
}

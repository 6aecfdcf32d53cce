import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extractors/claims/index.js';
import { decodeHtmlBytes } from '../../src/extractors/decode.js';
import { stripArticle } from '../../src/extractors/strip/index.js';
import { createLogger } from '../../src/log.js';
import { articleIdForUrl } from '../../src/model/ids.js';
import { Pipeline } from '../../src/queue/pipeline.js';
import { SourceRegistry } from '../../src/queue/source-registry.js';
import { type WorkerSet, startWorkers } from '../../src/workers/run-workers.js';
import { type FeedEntry, newsSitemap, rss2 } from '../helpers/feeds.js';
import { type NewsOrigin, startNewsOrigin } from '../helpers/news-origin.js';
import { articlePage } from '../helpers/origin.js';
import { feedClaimIds, testConfig } from '../helpers/pipeline.js';
import { dropPrefix } from '../helpers/redis.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('following an outlet end to end: a new feed item becomes claims in the feed', () => {
  let origin: NewsOrigin;
  let pipeline: Pipeline;
  let workers: WorkerSet;
  let registry: SourceRegistry;
  const config = testConfig({ 'sources.minEveryMs': 100 });

  beforeAll(async () => {
    origin = await startNewsOrigin(['127.0.0.1', '127.0.0.2']);
    pipeline = Pipeline.create(config);
    workers = startWorkers(pipeline, { stages: ['fetch', 'process'], logger: createLogger('silent'), processConcurrency: 1, sources: true });
    registry = new SourceRegistry(pipeline);
  });

  afterAll(async () => {
    await workers.close();
    await registry.close();
    await dropPrefix(pipeline.redis, config.redis.prefix);
    await pipeline.close();
    await origin.close();
  });

  /** The claim ids the pure functions give for a page of the origin. */
  const expectedClaims = (url: string, n: string): string[] => {
    const article = stripArticle(decodeHtmlBytes(Buffer.from(articlePage(n))).html, { url });
    return extractClaims(article.text, { articleId: articleIdForUrl(url, config.dedup.trackingParams) }).claims.map((claim) => claim.id);
  };

  const waitForClaims = async (ids: readonly string[], timeoutMs: number): Promise<number> => {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const inFeed = new Set(await feedClaimIds(pipeline));
      if (ids.every((id) => inFeed.has(id))) return Date.now() - started;
      await sleep(100);
    }
    const sources = await registry.list();
    const polls = await Promise.all(sources.map((source) => registry.store.recentPolls(source.id)));
    const articles = await pipeline.store.listArticles();
    throw new Error(`claims not in the feed after ${timeoutMs} ms: ${JSON.stringify({ sources, polls, articles, want: ids, have: await feedClaimIds(pipeline) })}`);
  };

  it.each([
    ['an RSS feed', '127.0.0.1', '/rss.xml', 'application/rss+xml', (entries: FeedEntry[]) => rss2(entries)],
    ['a Google News sitemap', '127.0.0.2', '/news-sitemap.xml', 'application/xml', (entries: FeedEntry[]) => newsSitemap(entries)],
  ])('%s polled on its schedule', async (_name, address, path, type, render) => {
    const everyMs = 1000;
    const first: FeedEntry = { link: `/story/${address}-first`, title: 'First', date: Date.now() - 60_000 };
    origin.docs.set(path, { body: render([first]), type, etag: '"v1"' });
    const { source } = await registry.add(origin.url(address, path), { everyMs });
    const firstUrl = origin.url(address, `/story/${address}-first`);
    await waitForClaims(expectedClaims(firstUrl, `${address}-first`), 15_000);

    // The outlet publishes: the next scheduled poll queues it, the workers take it to claims.
    const fresh: FeedEntry = { link: `/story/${address}-fresh`, title: 'Fresh', date: Date.now() };
    origin.docs.set(path, { body: render([fresh, first]), type, etag: '"v2"' });
    const freshUrl = origin.url(address, `/story/${address}-fresh`);
    const latency = await waitForClaims(expectedClaims(freshUrl, `${address}-fresh`), 15_000);
    expect(latency).toBeLessThan(everyMs + 5000);
    expect(origin.count(`/story/${address}-fresh`)).toBe(1);
    expect(origin.count(`/story/${address}-first`)).toBe(1);
    const record = await registry.store.get(source.id);
    expect(record).toMatchObject({ newItemsTotal: 2, healthy: true });
  });
});

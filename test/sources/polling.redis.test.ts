import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { SourceRegistry } from '../../src/queue/source-registry.js';
import { SourcePollStage } from '../../src/workers/source-poll-stage.js';
import { type FeedEntry, rss2, sitemap, sitemapIndex } from '../helpers/feeds.js';
import { type NewsOrigin, startNewsOrigin } from '../helpers/news-origin.js';
import { type TestPipeline, openTestPipeline, testConfig, waitFinished } from '../helpers/pipeline.js';

const HOUR = 3_600_000;

describe('polling sources through the pipeline (real origin, Redis, workers)', () => {
  let origin: NewsOrigin;
  let test: TestPipeline;
  let registry: SourceRegistry;
  let stage: SourcePollStage;
  const url = (path: string): string => origin.url('127.0.0.1', path);
  const story = (n: string, date: number, title = `Feed title ${n}`): FeedEntry => ({ link: `/story/${n}`, title, date });
  const serveFeed = (path: string, entries: FeedEntry[], etag?: string): void => {
    origin.docs.set(path, { body: rss2(entries), type: 'application/rss+xml', ...(etag === undefined ? {} : { etag }) });
  };

  beforeAll(async () => {
    origin = await startNewsOrigin();
    test = openTestPipeline(testConfig({ 'sources.minEveryMs': 100, 'sources.maxBackoffMs': 8 * HOUR }));
    registry = new SourceRegistry(test.pipeline);
    stage = new SourcePollStage(test.pipeline, createLogger('silent'));
  });

  afterAll(async () => {
    await stage.close();
    await registry.close();
    await test.close();
    await origin.close();
  });

  it('first poll takes only items newer than --since; hints fill what the page lacks, the page wins elsewhere', async () => {
    const now = Date.now();
    serveFeed('/feeds/a.xml', [story('a-new', now - HOUR, 'Harbour wall vote (feed headline)'), story('a-old', now - 5 * 24 * HOUR)], '"a1"');
    const { source, added, listed } = await registry.add(url('/feeds/a.xml'), { everyMs: 600_000, name: 'Ledger' });
    expect({ added, listed, format: source.format, resolvedBy: source.resolvedBy, name: source.name }).toEqual({ added: true, listed: 2, format: 'rss', resolvedBy: 'feed', name: 'Ledger' });
    const poll = await stage.poll(source.id);
    expect(poll).toMatchObject({ outcome: 'new-items', items: 2, newItems: 1 });
    const items = await registry.store.recentItems(source.id);
    expect(items.map((item) => item.url)).toEqual([url('/story/a-new')]);
    const [view] = await waitFinished(test.pipeline, [items[0]?.articleId ?? '']);
    expect(view?.status).toBe('done');
    expect(view?.claims.length).toBeGreaterThan(0);
    // The page has its own <title>: it wins. It has no date: the feed's is used, and said so.
    expect(view?.article?.title).toBe('Harbour council report a-new');
    expect(view?.article?.publishedAt).toBe(new Date(Math.floor((now - HOUR) / 1000) * 1000).toISOString());
    expect(view?.article?.sources).toMatchObject({ publishedAt: 'feed' });
    expect(view?.article?.sources.title).not.toBe('feed');
    expect(await test.pipeline.redis.hget(test.pipeline.store.keys.article(view?.id ?? ''), 'sourceId')).toBe(source.id);
  });

  it('an unchanged feed costs one conditional request; a new item is queued once', async () => {
    const source = (await registry.add(url('/feeds/a.xml'))).source;
    expect(source.etag).toBe('"a1"');
    const before = origin.count('/feeds/a.xml');
    expect(await stage.poll(source.id)).toMatchObject({ outcome: 'not-modified', newItems: 0 });
    expect(origin.count('/feeds/a.xml') - before).toBe(1);
    const now = Date.now();
    serveFeed('/feeds/a.xml', [story('a-next', now), story('a-new', now - HOUR), story('a-old', now - 5 * 24 * HOUR)], '"a2"');
    expect(await stage.poll(source.id)).toMatchObject({ outcome: 'new-items', items: 3, newItems: 1 });
    // The same items under a new validator (and an item seen before but never queued): nothing new.
    serveFeed('/feeds/a.xml', [story('a-next', now), { link: '/story/a-next?utm_source=rss', date: now }, story('a-new', now - HOUR), story('a-old', now - 5 * 24 * HOUR)], '"a3"');
    expect(await stage.poll(source.id)).toMatchObject({ outcome: 'no-new-items', newItems: 0 });
    const shown = await registry.show(source.id);
    expect(shown.recentItems.map((item) => new URL(item.url).pathname)).toEqual(['/story/a-next', '/story/a-new']);
    expect(shown.source).toMatchObject({ newItemsTotal: 2, itemsSeen: 3, lastOutcome: 'no-new-items', healthy: true, initialized: true });
    expect(shown.recentPolls.map((poll) => poll.outcome).slice(0, 4)).toEqual(['no-new-items', 'new-items', 'not-modified', 'new-items']);
    expect(shown.nextPollAt).not.toBeNull();
  });

  it('a sitemap index costs only conditional requests while nothing changed, and still finds what changed beneath it', async () => {
    const now = Date.now();
    const docs = ['/idx/index.xml', '/idx/news.xml', '/idx/sub.xml', '/idx/older.xml'];
    const xml = (body: string, etag: string) => ({ body, type: 'application/xml', etag });
    origin.docs.set('/idx/index.xml', xml(sitemapIndex([{ loc: '/idx/news.xml' }, { loc: '/idx/sub.xml' }]), '"i1"'));
    origin.docs.set('/idx/news.xml', xml(sitemap([{ link: '/story/idx-news', date: now }]), '"n1"'));
    origin.docs.set('/idx/sub.xml', xml(sitemapIndex([{ loc: '/idx/older.xml' }]), '"s1"'));
    origin.docs.set('/idx/older.xml', xml(sitemap([{ link: '/story/idx-older', date: now - HOUR }]), '"o1"'));
    const { source } = await registry.add(url('/idx/index.xml'));
    expect(source.format).toBe('sitemap-index');
    expect(await stage.poll(source.id)).toMatchObject({ outcome: 'new-items', items: 2, newItems: 2 });
    const requests = (): number[] => docs.map((path) => origin.count(path));
    const answered304 = (): number[] => docs.map((path) => origin.notModified(path));
    const delta = (after: number[], before: number[]): number[] => after.map((n, index) => n - (before[index] ?? 0));

    // Nothing changed: one request per document, each answered 304.
    let before = { requests: requests(), answered304: answered304() };
    expect(await stage.poll(source.id)).toMatchObject({ outcome: 'not-modified', items: 0, newItems: 0 });
    expect(delta(requests(), before.requests)).toEqual([1, 1, 1, 1]);
    expect(delta(answered304(), before.answered304)).toEqual([1, 1, 1, 1]);

    // A sitemap two levels down gains a URL while both indexes stay the same: it is read, the rest answer 304.
    origin.docs.set('/idx/older.xml', xml(sitemap([{ link: '/story/idx-older-2', date: now }, { link: '/story/idx-older', date: now - HOUR }]), '"o2"'));
    before = { requests: requests(), answered304: answered304() };
    expect(await stage.poll(source.id)).toMatchObject({ outcome: 'new-items', items: 2, newItems: 1 });
    expect(delta(requests(), before.requests)).toEqual([1, 1, 1, 1]);
    expect(delta(answered304(), before.answered304)).toEqual([1, 1, 1, 0]);
    expect((await registry.store.recentItems(source.id))[0]?.url).toBe(url('/story/idx-older-2'));

    // The index lists a new sitemap: the index and the new sitemap are read, the others answer 304.
    origin.docs.set('/idx/index.xml', xml(sitemapIndex([{ loc: '/idx/today.xml' }, { loc: '/idx/news.xml' }, { loc: '/idx/sub.xml' }]), '"i2"'));
    origin.docs.set('/idx/today.xml', xml(sitemap([{ link: '/story/idx-today', date: now }]), '"t1"'));
    before = { requests: requests(), answered304: answered304() };
    expect(await stage.poll(source.id)).toMatchObject({ outcome: 'new-items', items: 1, newItems: 1 });
    expect(delta(requests(), before.requests)).toEqual([1, 1, 1, 1]);
    expect(delta(answered304(), before.answered304)).toEqual([0, 1, 1, 1]);
    expect(origin.count('/idx/today.xml')).toBe(1);
    expect(await stage.poll(source.id)).toMatchObject({ outcome: 'not-modified', newItems: 0 });
    expect(origin.notModified('/idx/today.xml')).toBe(1);
    expect(await registry.store.get(source.id)).toMatchObject({ newItemsTotal: 4, healthy: true });
  });

  it('--backfill N takes the newest N of an undated sitemap on first add', async () => {
    origin.docs.set('/sitemap-b.xml', { body: sitemap(['b1', 'b2', 'b3', 'b4'].map((n) => ({ link: `/story/${n}` }))), type: 'application/xml' });
    const { source } = await registry.add(url('/sitemap-b.xml'), { backfill: 2 });
    expect(source.format).toBe('sitemap');
    expect(await stage.poll(source.id)).toMatchObject({ outcome: 'new-items', items: 4, newItems: 2 });
    expect((await registry.store.recentItems(source.id)).map((item) => new URL(item.url).pathname).sort()).toEqual(['/story/b1', '/story/b2']);
  });

  it('a failing source backs off exponentially, turns unhealthy after a day, is kept, and recovers', async () => {
    serveFeed('/feeds/c.xml', [story('c1', Date.now())]);
    const { source } = await registry.add(url('/feeds/c.xml'), { everyMs: 1000 });
    expect((await stage.poll(source.id)).outcome).toBe('new-items');
    origin.docs.set('/feeds/c.xml', { body: 'down', type: 'text/plain', status: 500 });
    const failed = await stage.poll(source.id);
    expect(failed).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_HTTP_STATUS' } });
    let record = await registry.store.get(source.id);
    expect(record).toMatchObject({ consecutiveFailures: 1, healthy: true, lastError: { code: 'FETCH_HTTP_STATUS' } });
    // First failure: the next scheduled run goes ahead (half a period of slack).
    expect(Date.parse(record?.nextPollAfter ?? '')).toBeLessThanOrEqual(Date.now() + 500);
    await stage.poll(source.id, { force: true });
    record = await registry.store.get(source.id);
    expect(record?.consecutiveFailures).toBe(2);
    const wait2 = Date.parse(record?.nextPollAfter ?? '') - Date.parse(record?.lastPolledAt ?? '');
    expect(wait2).toBe(1500);
    expect((await stage.poll(source.id)).outcome).toBe('backoff');
    // Failing since more than a day: unhealthy, still listed and scheduled.
    await test.pipeline.redis.hset(test.pipeline.store.keys.source(source.id), 'failingSince', String(Date.now() - 25 * HOUR));
    await stage.poll(source.id, { force: true });
    record = await registry.store.get(source.id);
    expect(record).toMatchObject({ healthy: false, consecutiveFailures: 3 });
    expect((await registry.list()).find((listed) => listed.id === source.id)?.nextPollAt).not.toBeNull();
    serveFeed('/feeds/c.xml', [story('c2', Date.now()), story('c1', Date.now() - 1000)]);
    expect(await stage.poll(source.id, { force: true })).toMatchObject({ outcome: 'new-items', newItems: 1 });
    expect(await registry.store.get(source.id)).toMatchObject({ healthy: true, consecutiveFailures: 0, failingSince: null, nextPollAfter: null });
  });

  it('a host that rate-limits sets the floor of the backoff', async () => {
    serveFeed('/feeds/d.xml', []);
    const { source } = await registry.add(url('/feeds/d.xml'), { everyMs: 1000 });
    origin.docs.set('/feeds/d.xml', { body: 'slow down', type: 'text/plain', status: 429, headers: { 'retry-after': '120' } });
    const poll = await stage.poll(source.id);
    expect(poll).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_RATE_LIMITED' } });
    const record = await registry.store.get(source.id);
    expect(Date.parse(record?.nextPollAfter ?? '') - Date.parse(record?.lastPolledAt ?? '')).toBeGreaterThanOrEqual(119_000);
    await test.pipeline.redis.del(test.pipeline.store.keys.host(new URL(url('/')).host));
  });

  it('a host that refuses connections is a typed failure on the source', async () => {
    serveFeed('/feeds/gone.xml', [story('g1', Date.now())]);
    const { source } = await registry.add(url('/feeds/gone.xml'));
    // Point the source at a port nothing listens on any more.
    const closed = await startNewsOrigin();
    const deadUrl = closed.url('127.0.0.1', '/feeds/gone.xml');
    await closed.close();
    await test.pipeline.redis.hset(test.pipeline.store.keys.source(source.id), 'feedUrl', deadUrl);
    expect(await stage.poll(source.id)).toMatchObject({ outcome: 'failed', error: { code: 'FETCH_FAILED' } });
    expect(await registry.store.get(source.id)).toMatchObject({ consecutiveFailures: 1, healthy: true, lastError: { code: 'FETCH_FAILED' } });
  });

  it.each([
    ['malformed XML', () => '<rss version="2.0"><channel><item><title>cut off', 'SOURCE_MALFORMED'],
    ['HTML served as the feed', () => '<!doctype html><html><body>Maintenance</body></html>', 'SOURCE_HTML_NOT_FEED'],
    ['entity expansion', () => '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>', 'SOURCE_ENTITY_DECLARATION'],
    ['a sitemap index listing itself', (path: string) => sitemapIndex([{ loc: path }]), 'SOURCE_SITEMAP_LOOP'],
    ['a gzip bomb', () => gzipSync(Buffer.alloc(test.config.fetch.maxBytes * 4, 0x20)), 'SOURCE_GZIP_TOO_LARGE'],
  ])('%s ends as a typed error on the source, not a crash', async (_name, body, code) => {
    const path = `/feeds/bad-${code}.xml`;
    serveFeed(path, [story('x', Date.now())]);
    const { source } = await registry.add(url(path));
    origin.docs.set(path, { body: body(path), type: 'application/xml' });
    expect(await stage.poll(source.id)).toMatchObject({ outcome: 'failed', error: { code } });
    expect((await registry.store.get(source.id))?.lastError?.code).toBe(code);
    // The schedule is kept: the next poll comes.
    expect((await registry.list()).find((listed) => listed.id === source.id)?.nextPollAt).not.toBeNull();
  });

  it('remove drops the source, its schedule and its state', async () => {
    serveFeed('/feeds/e.xml', [story('e1', Date.now())]);
    const { source } = await registry.add(url('/feeds/e.xml'));
    await stage.poll(source.id);
    await registry.remove(source.id);
    expect(await registry.store.get(source.id)).toBeNull();
    expect(await registry.schedules.queue.getJobScheduler(source.id)).toBeUndefined();
    expect(await test.pipeline.redis.exists(test.pipeline.store.keys.sourceSeen(source.id))).toBe(0);
    expect((await stage.poll(source.id)).outcome).toBe('skipped');
    await expect(registry.show(source.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

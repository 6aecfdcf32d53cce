import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimfeedError } from '../../src/errors.js';
import { type ResolvedSource, resolveSource, walkSitemapIndex } from '../../src/sources/resolve.js';
import { SourceFetcher } from '../../src/fetch/source-fetch.js';
import { rss2, sitemap, sitemapIndex } from '../helpers/feeds.js';
import { type Origin, startOrigin } from '../helpers/origin.js';
import { type TestPipeline, openTestPipeline, testConfig } from '../helpers/pipeline.js';

const LIMITS = { maxBytes: 200_000, maxItems: 100, maxDepth: 2, maxSitemaps: 10 };
const t0 = Date.UTC(2026, 10, 20, 8, 0);

async function failure(run: () => Promise<unknown>): Promise<ClaimfeedError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ClaimfeedError) return error;
    throw error;
  }
  throw new Error('expected a ClaimfeedError');
}

describe('source discovery and sitemap walks over a real origin', () => {
  let origin: Origin;
  let test: TestPipeline;
  let fetcher: SourceFetcher;
  const base = (address: string, path: string): string => origin.url(address, path);

  beforeAll(async () => {
    origin = await startOrigin(['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'], (request, response, address) => {
      const path = request.url ?? '/';
      const send = (type: string, body: string | Buffer, status = 200): void => {
        response.writeHead(status, { 'content-type': type });
        response.end(body);
      };
      const xml = (body: string | Buffer): void => send('application/xml', body);
      if (path === '/robots.txt') {
        if (address === '127.0.0.2') send('text/plain', `User-agent: *\nDisallow: /blocked/\nSitemap: ${base(address, '/news-sitemap.xml')}\n`);
        else send('text/plain', 'User-agent: *\nDisallow: /blocked/\n');
      } else if (path === '/section/world') {
        send('text/html', `<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feeds/world.xml"></head><body>World</body></html>`);
      } else if (path === '/section/broken-link') {
        send('text/html', `<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feeds/missing.xml"></head><body>x</body></html>`);
      } else if (path === '/plain') send('text/html', '<!doctype html><html><body>No feeds here</body></html>');
      else if (path === '/feeds/world.xml') send('application/rss+xml', rss2([{ link: '/world/1', title: 'One', date: t0 }]));
      else if (path === '/blocked/feed.xml') xml(rss2([]));
      else if (path === '/news-sitemap.xml' && address === '127.0.0.2') xml(sitemap([{ link: '/n/1', date: t0 }]));
      else if (path === '/sitemap.xml' && address === '127.0.0.3') xml(sitemap([{ link: '/s/1' }]));
      else if (path === '/idx.xml') xml(sitemapIndex([{ loc: '/idx-a.xml', lastmod: t0 }, { loc: '/sm-2.xml', lastmod: t0 - 86400_000 }, { loc: '/missing.xml' }]));
      else if (path === '/idx-a.xml') xml(sitemapIndex([{ loc: '/sm-1.xml.gz' }, { loc: '/idx.xml' }]));
      else if (path === '/sm-1.xml.gz') send('application/gzip', gzipSync(sitemap([{ link: '/a/1', date: t0 }, { link: '/a/2', date: t0 - 1000 }])));
      else if (path === '/sm-2.xml') xml(sitemap([{ link: '/b/1', date: t0 - 86400_000 }, { link: '/a/1', date: t0 }]));
      else if (path === '/loop-a.xml') xml(sitemapIndex([{ loc: '/loop-b.xml' }]));
      else if (path === '/loop-b.xml') xml(sitemapIndex([{ loc: '/loop-a.xml' }]));
      else if (path.startsWith('/deep/')) {
        const level = Number(path.slice(6, -4));
        xml(level < 5 ? sitemapIndex([{ loc: `/deep/${level + 1}.xml` }]) : sitemap([{ link: '/deep-article' }]));
      } else if (path === '/bomb.xml.gz') send('application/gzip', gzipSync(Buffer.alloc(20_000_000, 0x20)));
      else send('text/plain', 'not found', 404);
    });
    test = openTestPipeline(testConfig(), { workers: false });
    fetcher = new SourceFetcher(test.config, test.pipeline.redis, test.pipeline.store.keys);
  });

  afterAll(async () => {
    await fetcher.close();
    await test.close();
    await origin.close();
  });

  const resolve = (url: string): Promise<ResolvedSource> => resolveSource(url, fetcher.body, LIMITS);

  it('a feed URL is the feed', async () => {
    const source = await resolve(base('127.0.0.1', '/feeds/world.xml'));
    expect(source).toMatchObject({ feedUrl: base('127.0.0.1', '/feeds/world.xml'), format: 'rss', resolvedBy: 'feed', title: 'Harbour Ledger' });
  });

  it('a section page resolves to the feed it announces', async () => {
    const source = await resolve(base('127.0.0.1', '/section/world'));
    expect(source).toMatchObject({ feedUrl: base('127.0.0.1', '/feeds/world.xml'), resolvedBy: 'page-link' });
    if (source.parsed.kind !== 'items') throw new Error('expected items');
    expect(source.parsed.items[0]?.url).toBe(base('127.0.0.1', '/world/1'));
  });

  it('then the robots.txt Sitemap lines, then /sitemap.xml, else a typed error', async () => {
    expect(await resolve(base('127.0.0.2', '/plain'))).toMatchObject({ feedUrl: base('127.0.0.2', '/news-sitemap.xml'), resolvedBy: 'robots-sitemap', format: 'sitemap' });
    expect(await resolve(base('127.0.0.3', '/plain'))).toMatchObject({ feedUrl: base('127.0.0.3', '/sitemap.xml'), resolvedBy: 'sitemap-xml' });
    const error = await failure(() => resolve(base('127.0.0.4', '/section/broken-link')));
    expect(error.code).toBe('SOURCE_NOT_DISCOVERED');
    expect(error.details?.tried).toEqual([base('127.0.0.4', '/feeds/missing.xml'), base('127.0.0.4', '/sitemap.xml')]);
  });

  it('feeds go through robots.txt and the fetch errors stay typed', async () => {
    expect((await failure(() => resolve(base('127.0.0.1', '/blocked/feed.xml')))).code).toBe('FETCH_ROBOTS_DISALLOWED');
    expect((await failure(() => resolve(base('127.0.0.1', '/nothing.xml')))).code).toBe('FETCH_HTTP_STATUS');
    expect((await failure(() => resolve(base('127.0.0.1', '/bomb.xml.gz')))).code).toBe('SOURCE_GZIP_TOO_LARGE');
  });

  it('walks a nested index: newest sitemaps first, gzip, loops and failures counted, URLs once', async () => {
    const index = await resolve(base('127.0.0.1', '/idx.xml'));
    expect(index.format).toBe('sitemap-index');
    if (index.parsed.kind !== 'sitemap-index') throw new Error('expected an index');
    const walk = await walkSitemapIndex(index.feedUrl, index.parsed, fetcher.body, LIMITS);
    expect(walk.items.map((item) => new URL(item.url).pathname)).toEqual(['/a/1', '/a/2', '/b/1']);
    expect(walk.issues).toMatchObject({ SOURCE_SITEMAP_LOOP: 1, SOURCE_SITEMAP_FAILED: 1, SOURCE_ITEM_DUPLICATE: 1 });
    const since = await walkSitemapIndex(index.feedUrl, index.parsed, fetcher.body, LIMITS, t0 - 3600_000);
    expect(since.items.map((item) => new URL(item.url).pathname)).toEqual(['/a/1', '/a/2']);
  });

  it('an index loop with no URLs is a typed error; depth and count limits hold', async () => {
    const loop = await resolve(base('127.0.0.1', '/loop-a.xml'));
    if (loop.parsed.kind !== 'sitemap-index') throw new Error('expected an index');
    const parsed = loop.parsed;
    expect((await failure(() => walkSitemapIndex(loop.feedUrl, parsed, fetcher.body, LIMITS))).code).toBe('SOURCE_SITEMAP_LOOP');
    const deep = await resolve(base('127.0.0.1', '/deep/1.xml'));
    if (deep.parsed.kind !== 'sitemap-index') throw new Error('expected an index');
    const walk = await walkSitemapIndex(deep.feedUrl, deep.parsed, fetcher.body, LIMITS);
    expect(walk).toMatchObject({ items: [], issues: { SOURCE_SITEMAP_LIMIT: 1 }, fetched: 3 });
    const deeper = await walkSitemapIndex(deep.feedUrl, deep.parsed, fetcher.body, { ...LIMITS, maxDepth: 10, maxSitemaps: 3 });
    expect(deeper).toMatchObject({ items: [], issues: { SOURCE_SITEMAP_LIMIT: 1 }, fetched: 3 });
    const enough = await walkSitemapIndex(deep.feedUrl, deep.parsed, fetcher.body, { ...LIMITS, maxDepth: 10 });
    expect(enough.items.map((item) => new URL(item.url).pathname)).toEqual(['/deep-article']);
  });
});

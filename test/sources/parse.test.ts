import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ClaimfeedError } from '../../src/errors.js';
import { feedLinksFromHtml, sitemapsFromRobots } from '../../src/sources/discovery.js';
import { parseSourceBody } from '../../src/sources/parse.js';
import type { ParsedSource } from '../../src/sources/types.js';
import { type FeedEntry, atom, jsonFeed, newsSitemap, rdf, rss2, sitemap, sitemapIndex } from '../helpers/feeds.js';

const BASE = 'https://news.example.org/feeds/main.xml';
const LIMITS = { maxBytes: 1_000_000, maxItems: 500 };
const t0 = Date.UTC(2026, 10, 20, 8, 30);

function parse(text: string | Buffer, limits = LIMITS, contentType: string | null = null): ParsedSource {
  return parseSourceBody({ bytes: Buffer.isBuffer(text) ? text : Buffer.from(text), contentType, url: BASE }, limits);
}

function items(text: string | Buffer, limits = LIMITS) {
  const parsed = parse(text, limits);
  if (parsed.kind !== 'items') throw new Error(`expected items, got ${parsed.kind}`);
  return parsed;
}

function errorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ClaimfeedError) return error.code;
    throw error;
  }
  throw new Error('expected a ClaimfeedError');
}

const entries: FeedEntry[] = [
  { link: 'https://news.example.org/2026/harbour-wall', title: 'Council raises the harbour wall', date: t0 },
  { link: '/2026/ferry-fares', title: 'Ferry fares & timetables', date: t0 - 3600_000 },
];

describe('feed formats', () => {
  it.each([
    ['rss', rss2(entries)],
    ['rdf', rdf(entries)],
    ['atom', atom(entries)],
    ['json-feed', jsonFeed(entries)],
  ])('%s: links resolved against the feed URL, titles and dates read', (format, text) => {
    const parsed = items(text);
    expect(parsed.format).toBe(format);
    expect(parsed.items).toEqual([
      { url: 'https://news.example.org/2026/harbour-wall', title: 'Council raises the harbour wall', publishedAt: new Date(t0).toISOString() },
      { url: 'https://news.example.org/2026/ferry-fares', title: 'Ferry fares & timetables', publishedAt: new Date(t0 - 3600_000).toISOString() },
    ]);
  });

  it('atom takes the alternate link over other rels and <published> over <updated>', () => {
    const parsed = items(atom([{ link: 'https://a.example/x', date: t0 }]));
    expect(parsed.items[0]).toMatchObject({ url: 'https://a.example/x', publishedAt: new Date(t0).toISOString() });
  });

  it('rss without <link> falls back to a permalink guid, not to one marked isPermaLink="false"', () => {
    const text = `<rss version="2.0"><channel><title>x</title>
      <item><title>a</title><guid>https://g.example/a</guid></item>
      <item><title>b</title><guid isPermaLink="false">https://g.example/b</guid></item></channel></rss>`;
    const parsed = items(text);
    expect(parsed.items.map((item) => item.url)).toEqual(['https://g.example/a']);
    expect(parsed.issues.SOURCE_ITEM_NO_LINK).toBe(1);
  });

  it('drops items without links, non-http links and repeats, counting each', () => {
    const parsed = items(
      rss2([
        { link: null, title: 'no link' },
        { link: 'javascript:alert(1)' },
        { link: 'mailto:desk@example.org' },
        { link: 'https://news.example.org/a#comments' },
        { link: 'https://news.example.org/a' },
        { link: 'https://news.example.org/b' },
      ]),
    );
    expect(parsed.items.map((item) => item.url)).toEqual(['https://news.example.org/a', 'https://news.example.org/b']);
    expect(parsed.issues).toEqual({ SOURCE_ITEM_NO_LINK: 1, SOURCE_ITEM_BAD_SCHEME: 2, SOURCE_ITEM_DUPLICATE: 1 });
  });

  it('keeps the newest maxItems of a huge feed and says how many were left out', () => {
    const many = Array.from({ length: 5000 }, (_, index) => ({ link: `https://news.example.org/n/${index}`, date: t0 + index * 1000 }));
    const parsed = items(rss2(many), { maxBytes: 10_000_000, maxItems: 100 });
    expect(parsed.items).toHaveLength(100);
    expect(parsed.items[0]?.url).toBe('https://news.example.org/n/4999');
    expect(parsed.items[99]?.url).toBe('https://news.example.org/n/4900');
    expect(parsed.issues.SOURCE_TOO_MANY_ITEMS).toBe(4900);
  });

  it('reads a feed in a declared legacy encoding', () => {
    const text = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>x</title><item><title>Caf\u00e9 prices</title><link>https://e.example/c</link></item></channel></rss>`;
    expect(items(Buffer.from(text, 'latin1')).items[0]?.title).toBe('Caf\u00e9 prices');
  });
});

describe('sitemaps', () => {
  it('reads <loc> and <lastmod>', () => {
    const parsed = items(sitemap([{ link: 'https://news.example.org/s/1', date: t0 }, { link: 'https://news.example.org/s/2' }]));
    expect(parsed.format).toBe('sitemap');
    expect(parsed.items).toEqual([
      { url: 'https://news.example.org/s/1', title: null, publishedAt: new Date(t0).toISOString() },
      { url: 'https://news.example.org/s/2', title: null, publishedAt: null },
    ]);
  });

  it('Google News: publication date and title win over <lastmod>', () => {
    const parsed = items(newsSitemap([{ link: 'https://news.example.org/g/1', title: 'Budget passes', date: t0 }]));
    expect(parsed.format).toBe('google-news-sitemap');
    expect(parsed.items).toEqual([{ url: 'https://news.example.org/g/1', title: 'Budget passes', publishedAt: new Date(t0).toISOString() }]);
  });

  it('a sitemap index lists its sitemaps', () => {
    const parsed = parse(sitemapIndex([{ loc: '/sm/a.xml', lastmod: t0 }, { loc: 'https://news.example.org/sm/b.xml.gz' }]));
    expect(parsed).toMatchObject({
      kind: 'sitemap-index',
      sitemaps: [
        { url: 'https://news.example.org/sm/a.xml', lastModified: new Date(t0).toISOString() },
        { url: 'https://news.example.org/sm/b.xml.gz', lastModified: null },
      ],
    });
  });

  it('gzip is read by its magic bytes; the byte cap applies after decompression', () => {
    const text = sitemap([{ link: 'https://news.example.org/z/1' }]);
    expect(items(gzipSync(text)).items[0]?.url).toBe('https://news.example.org/z/1');
    const bomb = gzipSync(Buffer.alloc(50_000_000, 0x20));
    expect(bomb.length).toBeLessThan(100_000);
    expect(errorCode(() => parse(bomb, { maxBytes: 1_000_000, maxItems: 10 }))).toBe('SOURCE_GZIP_TOO_LARGE');
    expect(errorCode(() => parse(Buffer.concat([gzipSync(text).subarray(0, 20)])))).toBe('SOURCE_MALFORMED');
  });
});

describe('bad documents get typed errors', () => {
  it.each([
    ['truncated XML', rss2(entries).slice(0, 200), 'SOURCE_MALFORMED'],
    ['crossed nesting', '<rss><channel><item><title>a</channel></title></item></rss>', 'SOURCE_MALFORMED'],
    ['HTML served as a feed', '<!DOCTYPE html><html><head><title>Home</title></head><body>hi</body></html>', 'SOURCE_HTML_NOT_FEED'],
    ['bare <html>', '\n<html lang="en"><body>x</body></html>', 'SOURCE_HTML_NOT_FEED'],
    ['other XML', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', 'SOURCE_UNRECOGNIZED'],
    ['empty body', '   ', 'SOURCE_MALFORMED'],
    ['malformed JSON', '{"version": "https://jsonfeed.org/version/1.1", "items": [', 'SOURCE_MALFORMED'],
    ['JSON that is no feed', '{"hello": "world"}', 'SOURCE_UNRECOGNIZED'],
  ])('%s', (_name, text, code) => {
    expect(errorCode(() => parse(text))).toBe(code);
  });

  it('refuses entity declarations instead of expanding them (billion laughs)', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title><link>https://e.example/a</link></item></channel></rss>`;
    expect(errorCode(() => parse(laughs))).toBe('SOURCE_ENTITY_DECLARATION');
  });

  it('unknown entities stay as text and an entity name in CDATA is not a declaration', () => {
    const text = `<rss version="2.0"><channel><title>x</title><item><title>&undefined; &amp; more</title><link>https://e.example/a</link><description><![CDATA[write <!ENTITY x "y"> in a DTD]]></description></item></channel></rss>`;
    expect(items(text).items[0]?.title).toBe('&undefined; & more');
  });
});

describe('autodiscovery helpers', () => {
  it('finds announced feeds in a page, RSS and Atom before JSON, relative to <base>', () => {
    const html = `<html><head><base href="https://news.example.org/world/">
      <link rel="alternate" type="application/feed+json" href="feed.json">
      <link rel="stylesheet" href="s.css">
      <link rel="alternate" type="application/atom+xml" href="/atom.xml">
      <link rel="alternate" type="application/rss+xml" href="rss.xml">
      <link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
      <link rel="alternate" hreflang="fr" href="/fr/">
    </head><body><a rel="alternate" type="application/rss+xml" href="/not-in-head.xml">x</a></body></html>`;
    expect(feedLinksFromHtml(html, 'https://news.example.org/world')).toEqual([
      'https://news.example.org/world/rss.xml',
      'https://news.example.org/atom.xml',
      'https://news.example.org/world/feed.json',
    ]);
  });

  it('reads robots.txt Sitemap lines, news sitemaps first', () => {
    const robots = 'User-agent: *\nDisallow: /admin\nSitemap: https://news.example.org/sitemap-index.xml\nsitemap: /news-sitemap.xml # ours\nSitemap: ftp://x/y\n';
    expect(sitemapsFromRobots(robots, 'https://news.example.org/robots.txt')).toEqual(['https://news.example.org/news-sitemap.xml', 'https://news.example.org/sitemap-index.xml']);
  });
});

import { gunzipSync } from 'node:zlib';
import { ClaimfeedError } from '../errors.js';
import { readXmlFeed } from './feed-formats.js';
import { normalizeItems } from './items.js';
import { readJsonFeed } from './json-feed.js';
import { readSitemap } from './sitemaps.js';
import type { ItemIssues, ParseLimits, ParsedSource, SitemapRef } from './types.js';
import { decodeXmlBytes, parseXml } from './xml.js';

export interface SourceBody {
  bytes: Buffer;
  contentType: string | null;
  /** The URL the bytes came from (after redirects): relative links resolve against it. */
  url: string;
}

/**
 * Any supported feed or sitemap, gzipped or not, to items (or the sitemaps an index lists).
 * Pure: bytes in, items out. Bad documents throw a ClaimfeedError with a SOURCE_* code.
 */
export function parseSourceBody(body: SourceBody, limits: ParseLimits): ParsedSource {
  const bytes = gunzipIfNeeded(body.bytes, body.url, limits.maxBytes);
  const text = decodeXmlBytes(bytes);
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') throw new ClaimfeedError('SOURCE_MALFORMED', `Empty document where a feed or sitemap was expected: ${body.url}`);
  if (trimmed.startsWith('{') || /json/i.test(body.contentType ?? '')) {
    const feed = readJsonFeed(trimmed, body.url);
    return { kind: 'items', format: feed.format, title: feed.title, ...normalizeItems(feed.items, body.url, limits.maxItems) };
  }
  const document = parseXml(trimmed, body.url);
  const feed = readXmlFeed(document);
  if (feed !== null) return { kind: 'items', format: feed.format, title: feed.title, ...normalizeItems(feed.items, body.url, limits.maxItems) };
  const sitemap = readSitemap(document);
  if (sitemap?.kind === 'urlset') {
    return { kind: 'items', format: sitemap.googleNews ? 'google-news-sitemap' : 'sitemap', title: null, ...normalizeItems(sitemap.items, body.url, limits.maxItems) };
  }
  if (sitemap?.kind === 'index') return { kind: 'sitemap-index', format: 'sitemap-index', ...sitemapRefs(sitemap.sitemaps, body.url, limits.maxItems) };
  const root = /<([A-Za-z_][\w:.-]*)/.exec(trimmed)?.[1] ?? 'none';
  throw new ClaimfeedError('SOURCE_UNRECOGNIZED', `Not a feed or sitemap (root element <${root}>): ${body.url}`, { details: { root } });
}

function sitemapRefs(entries: ReadonlyArray<{ link: string | null; date: string | null }>, url: string, max: number): { sitemaps: SitemapRef[]; issues: ItemIssues } {
  const normalized = normalizeItems(
    entries.map((entry) => ({ link: entry.link, title: null, date: entry.date })),
    url,
    max,
  );
  return { sitemaps: normalized.items.map((item) => ({ url: item.url, lastModified: item.publishedAt })), issues: normalized.issues };
}

/**
 * `.xml.gz` sitemaps: gzip is recognised by its magic bytes. The byte cap applies to the
 * decompressed size too, so a small bomb that inflates to gigabytes stops at the cap.
 */
function gunzipIfNeeded(bytes: Buffer, url: string, maxBytes: number): Buffer {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new ClaimfeedError('SOURCE_GZIP_TOO_LARGE', `Decompressed document over ${maxBytes} bytes: ${url}`, { details: { maxBytes } });
    }
    throw new ClaimfeedError('SOURCE_MALFORMED', `Corrupt gzip data (${(error as Error).message}): ${url}`, { cause: error });
  }
}

import type { ErrorCode } from '../errors.js';

/** What a feed or sitemap says about one article. */
export interface SourceItem {
  /** Absolute http(s) URL, resolved against the document's URL. */
  url: string;
  title: string | null;
  /** ISO 8601, when the document gives a date that parses. */
  publishedAt: string | null;
}

export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json-feed';
export type SitemapFormat = 'sitemap' | 'google-news-sitemap';
export type SourceFormat = FeedFormat | SitemapFormat | 'sitemap-index';

/**
 * Problems that leave part of a document out (an item, a nested sitemap) while the rest is
 * used: counted per poll by code instead of failing it.
 */
export type ItemIssueCode = Extract<
  ErrorCode,
  'SOURCE_ITEM_NO_LINK' | 'SOURCE_ITEM_BAD_SCHEME' | 'SOURCE_ITEM_DUPLICATE' | 'SOURCE_TOO_MANY_ITEMS' | 'SOURCE_SITEMAP_LOOP' | 'SOURCE_SITEMAP_LIMIT' | 'SOURCE_SITEMAP_FAILED'
>;

export type ItemIssues = Partial<Record<ItemIssueCode, number>>;

export type ParsedSource =
  | { kind: 'items'; format: FeedFormat | SitemapFormat; title: string | null; items: SourceItem[]; issues: ItemIssues }
  | { kind: 'sitemap-index'; format: 'sitemap-index'; sitemaps: SitemapRef[]; issues: ItemIssues };

export interface SitemapRef {
  url: string;
  /** ISO 8601 `<lastmod>`, when given. */
  lastModified: string | null;
}

export interface ParseLimits {
  /** Bytes after decompression (the fetch layer's cap applies to the compressed bytes). */
  maxBytes: number;
  /** Items kept from one document; the newest are kept. */
  maxItems: number;
}

import { ClaimfeedError, toClaimfeedError } from '../errors.js';
import { feedLinksFromHtml, sitemapsFromRobots } from './discovery.js';
import { normalizeItems } from './items.js';
import { type SourceBody, parseSourceBody } from './parse.js';
import type { ItemIssues, ParseLimits, ParsedSource, SitemapRef, SourceFormat, SourceItem } from './types.js';

/** Fetches one document for the source layer (the guarded fetch path in production). */
export type FetchSourceBody = (url: string) => Promise<SourceBody>;

/** How a followed URL was turned into the document that is polled. */
export type ResolvedBy = 'feed' | 'sitemap' | 'page-link' | 'robots-sitemap' | 'sitemap-xml';

export interface ResolvedSource {
  /** The URL that is polled. */
  feedUrl: string;
  format: SourceFormat;
  resolvedBy: ResolvedBy;
  title: string | null;
  parsed: ParsedSource;
}

export interface SitemapLimits extends ParseLimits {
  /** Levels of nested indexes followed below the first. */
  maxDepth: number;
  /** Sitemap documents fetched per walk, the index included. */
  maxSitemaps: number;
}

/** Candidates tried per discovery step. */
const CANDIDATES_PER_STEP = 3;

/**
 * A followed URL to the document to poll: the URL itself when it is a feed or sitemap; for an
 * HTML page, the first feed it announces with `<link rel="alternate">`, then the site's
 * robots.txt `Sitemap:` lines, then `/sitemap.xml`.
 */
export async function resolveSource(url: string, fetchBody: FetchSourceBody, limits: ParseLimits): Promise<ResolvedSource> {
  const page = await fetchBody(url);
  const direct = tryParse(page, limits);
  if (direct.ok) return resolved(page.url, direct.parsed, direct.parsed.kind === 'items' && !direct.parsed.format.includes('sitemap') ? 'feed' : 'sitemap');
  if (direct.error.code !== 'SOURCE_HTML_NOT_FEED') throw direct.error;
  const tried: string[] = [];
  const attempt = async (candidates: readonly string[], by: ResolvedBy): Promise<ResolvedSource | null> => {
    for (const candidate of candidates.slice(0, CANDIDATES_PER_STEP)) {
      tried.push(candidate);
      try {
        const body = await fetchBody(candidate);
        const parsed = tryParse(body, limits);
        if (parsed.ok) return resolved(body.url, parsed.parsed, by);
      } catch {
        // A candidate that does not answer is skipped: the next one may.
      }
    }
    return null;
  };
  const origin = new URL(page.url).origin;
  const fromPage = await attempt(feedLinksFromHtml(page.bytes.toString('utf8'), page.url), 'page-link');
  if (fromPage) return fromPage;
  let robotsSitemaps: string[] = [];
  try {
    const robots = await fetchBody(`${origin}/robots.txt`);
    robotsSitemaps = sitemapsFromRobots(robots.bytes.toString('utf8'), robots.url);
  } catch {
    // No robots.txt: go on to /sitemap.xml.
  }
  const fromRobots = await attempt(robotsSitemaps, 'robots-sitemap');
  if (fromRobots) return fromRobots;
  const fromDefault = await attempt([`${origin}/sitemap.xml`], 'sitemap-xml');
  if (fromDefault) return fromDefault;
  throw new ClaimfeedError('SOURCE_NOT_DISCOVERED', `No feed or sitemap found for ${url} (tried ${tried.length === 0 ? 'nothing: the page announces no feed' : tried.join(', ')})`, {
    details: { tried },
  });
}

function resolved(feedUrl: string, parsed: ParsedSource, resolvedBy: ResolvedBy): ResolvedSource {
  return { feedUrl, format: parsed.format, resolvedBy, title: parsed.kind === 'items' ? parsed.title : null, parsed };
}

function tryParse(body: SourceBody, limits: ParseLimits): { ok: true; parsed: ParsedSource } | { ok: false; error: ClaimfeedError } {
  try {
    return { ok: true, parsed: parseSourceBody(body, limits) };
  } catch (error) {
    return { ok: false, error: toClaimfeedError(error) };
  }
}

/** A nested sitemap answered 304 to a conditional request: unchanged since it was last read. */
export interface UnchangedSitemap {
  notModified: true;
}

/**
 * Fetches a nested sitemap for a walk: its body, or `notModified` when a conditional request
 * (with the validators of the last read) says it has not changed.
 */
export type FetchNestedSitemap = (url: string) => Promise<SourceBody | UnchangedSitemap>;

/** The sitemaps an index listed when it was last read, for an index now answered 304. */
export type RememberedIndex = (url: string) => readonly SitemapRef[] | null;

export interface SitemapWalk {
  items: SourceItem[];
  issues: ItemIssues;
  /** Sitemap documents requested, the index included. */
  fetched: number;
  /** Of those, answered 304 (nothing new in them: their items were listed before). */
  unchanged: number;
  /** The sitemaps each index of the walk lists (read now or remembered), the top index included. */
  indexes: Map<string, readonly SitemapRef[]>;
}

/**
 * The items of a sitemap index: nested sitemaps newest first (by `<lastmod>`), those unchanged
 * since `changedSince` skipped, at most `maxDepth` levels and `maxSitemaps` documents, each URL
 * fetched once (an index listing itself or an ancestor is a loop, counted and not followed).
 * A nested sitemap answered 304 adds no items; a nested index answered 304 is walked through
 * the sitemaps it listed before (`remembered`), since its children may have changed without it.
 * A nested sitemap that fails is counted; the walk fails only when nothing could be read.
 */
export async function walkSitemapIndex(
  indexUrl: string,
  index: ParsedSource & { kind: 'sitemap-index' },
  fetchBody: FetchNestedSitemap,
  limits: SitemapLimits,
  changedSince: number | null = null,
  remembered: RememberedIndex = () => null,
): Promise<SitemapWalk> {
  const issues: ItemIssues = { ...index.issues };
  const count = (code: keyof ItemIssues, n = 1): void => void (issues[code] = (issues[code] ?? 0) + n);
  const visited = new Set<string>([indexUrl]);
  const indexes = new Map<string, readonly SitemapRef[]>([[indexUrl, index.sitemaps]]);
  const items: SourceItem[] = [];
  let fetched = 1;
  let unchanged = 0;
  let firstError: ClaimfeedError | null = null;
  const visit = async (refs: readonly SitemapRef[], depth: number): Promise<void> => {
    const ordered = [...refs].sort((a, b) => Date.parse(b.lastModified ?? '') - Date.parse(a.lastModified ?? '') || 0);
    for (const ref of ordered) {
      if (visited.has(ref.url)) {
        count('SOURCE_SITEMAP_LOOP');
        continue;
      }
      if (changedSince !== null && ref.lastModified !== null && Date.parse(ref.lastModified) < changedSince) continue;
      if (fetched >= limits.maxSitemaps) {
        count('SOURCE_SITEMAP_LIMIT');
        continue;
      }
      visited.add(ref.url);
      fetched++;
      let nested: readonly SitemapRef[];
      try {
        const body = await fetchBody(ref.url);
        if ('notModified' in body) {
          unchanged++;
          const listed = remembered(ref.url);
          if (listed === null) continue;
          nested = listed;
        } else {
          const parsed = parseSourceBody(body, limits);
          for (const [code, n] of Object.entries(parsed.issues)) count(code as keyof ItemIssues, n);
          if (parsed.kind === 'items') {
            items.push(...parsed.items);
            continue;
          }
          nested = parsed.sitemaps;
        }
      } catch (error) {
        firstError ??= toClaimfeedError(error);
        count('SOURCE_SITEMAP_FAILED');
        continue;
      }
      indexes.set(ref.url, nested);
      if (depth < limits.maxDepth) await visit(nested, depth + 1);
      else count('SOURCE_SITEMAP_LIMIT', nested.length);
    }
  };
  await visit(index.sitemaps, 1);
  if (items.length === 0 && unchanged === 0 && firstError !== null) throw firstError;
  if (items.length === 0 && unchanged === 0 && (issues.SOURCE_SITEMAP_LOOP ?? 0) > 0) {
    throw new ClaimfeedError('SOURCE_SITEMAP_LOOP', `Sitemap index loops back to itself or an ancestor and lists no URLs: ${indexUrl}`);
  }
  const merged = normalizeItems(
    items.map((item) => ({ link: item.url, title: item.title, date: item.publishedAt })),
    indexUrl,
    limits.maxItems,
  );
  for (const [code, n] of Object.entries(merged.issues)) count(code as keyof ItemIssues, n);
  return { items: merged.items, issues, fetched, unchanged, indexes };
}

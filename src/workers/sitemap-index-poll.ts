import type { SourceFetcher } from '../fetch/source-fetch.js';
import { type FetchNestedSitemap, type SitemapLimits, type SitemapWalk, walkSitemapIndex } from '../sources/resolve.js';
import type { ParsedSource } from '../sources/types.js';
import type { SitemapState, SourceStore } from '../store/sources.js';

export interface IndexPoll {
  source: { id: string; feedUrl: string };
  /** Where the index was read from (after redirects), or the feed URL when it answered 304. */
  indexUrl: string;
  index: ParsedSource & { kind: 'sitemap-index' };
  states: ReadonlyMap<string, SitemapState>;
  limits: SitemapLimits;
  changedSince: number | null;
}

/**
 * One poll's walk of a sitemap index source with a conditional GET for every nested sitemap
 * (the validators of its last read are kept per URL), so an unchanged index with unchanged
 * sitemaps costs only requests answered 304. Afterwards the validators and index listings of
 * the sitemaps still listed are stored for the next poll.
 */
export async function walkIndexSource(fetcher: SourceFetcher, store: SourceStore, poll: IndexPoll): Promise<SitemapWalk> {
  const { states } = poll;
  const read = new Map<string, SitemapState>();
  const fetchNested: FetchNestedSitemap = async (url) => {
    const known = states.get(url);
    const page = await fetcher.fetch(url, known ?? {});
    if (page.notModified && known !== undefined) {
      read.set(url, known);
      return { notModified: true };
    }
    read.set(url, { etag: page.headers.etag ?? null, lastModified: page.headers['last-modified'] ?? null, sitemaps: null });
    return { bytes: page.body, contentType: page.contentType, url: page.finalUrl };
  };
  const walk = await walkSitemapIndex(poll.indexUrl, poll.index, fetchNested, poll.limits, poll.changedSince, (url) => states.get(url)?.sitemaps ?? null);
  await store.putSitemapStates(poll.source.id, nextStates(poll, walk, read));
  return walk;
}

/** Validators and listings of every sitemap still listed; those not requested this time keep theirs. */
function nextStates(poll: IndexPoll, walk: SitemapWalk, read: ReadonlyMap<string, SitemapState>): Map<string, SitemapState> {
  const next = new Map<string, SitemapState>();
  next.set(poll.source.feedUrl, { etag: null, lastModified: null, sitemaps: poll.index.sitemaps });
  for (const refs of walk.indexes.values()) {
    for (const { url } of refs) {
      if (next.has(url)) continue;
      const previous = read.get(url) ?? poll.states.get(url);
      const listed = walk.indexes.get(url) ?? (read.has(url) ? null : (previous?.sitemaps ?? null));
      const state: SitemapState = { etag: previous?.etag ?? null, lastModified: previous?.lastModified ?? null, sitemaps: listed === null ? null : [...listed] };
      if (state.etag !== null || state.lastModified !== null || state.sitemaps !== null) next.set(url, state);
    }
  }
  return next;
}

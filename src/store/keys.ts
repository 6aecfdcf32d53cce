import type { ArticleStatus } from './articles.js';

export const ARTICLE_STATUSES = ['queued', 'fetching', 'processing', 'done', 'failed'] as const satisfies readonly ArticleStatus[];

/**
 * Every Redis key claimfeed writes, in one place. All carry the configured prefix, whose braces
 * make it a Redis Cluster hash tag, so multi-key scripts stay in one slot.
 */
export function storeKeys(prefix: string) {
  return {
    article: (id: string) => `${prefix}:article:${id}`,
    articleJson: (id: string) => `${prefix}:article-json:${id}`,
    claims: (id: string) => `${prefix}:claims:${id}`,
    log: (id: string) => `${prefix}:log:${id}`,
    /** One extraction log per article version, kept until retention drops it. */
    logVersion: (id: string, version: number) => `${prefix}:log-version:${id}:${version}`,
    /** Sorted set of the versions whose logs are kept (score = version). */
    logVersions: (id: string) => `${prefix}:log-versions:${id}`,
    body: (id: string) => `${prefix}:body:${id}`,
    recent: `${prefix}:articles:recent`,
    status: (status: ArticleStatus) => `${prefix}:status:${status}`,
    failures: `${prefix}:failures`,
    feed: `${prefix}:feed`,
    claimSeen: (claimId: string) => `${prefix}:claim-seen:${claimId}`,
    contentHash: (hash: string) => `${prefix}:content:${hash}`,
    hosts: `${prefix}:hosts`,
    host: (host: string) => `${prefix}:host:${host}`,
    hostActive: (host: string) => `${prefix}:host-active:${host}`,
    robots: (origin: string) => `${prefix}:robots:${origin}`,
    /** Where the reconciler's scan of one in-flight status set left off. */
    reconcileCursor: (status: ArticleStatus) => `${prefix}:reconcile-cursor:${status}`,
    /** Held by the one worker process reconciling at a time. */
    reconcileLock: `${prefix}:reconcile-lock`,
    /** Followed feeds and sitemaps: ids by time added, one hash each, and what each has seen. */
    sources: `${prefix}:sources`,
    source: (id: string) => `${prefix}:source:${id}`,
    /** Sorted set: article id of each item listed → when last listed (bounded, expiring). */
    sourceSeen: (id: string) => `${prefix}:source-seen:${id}`,
    /** Lists of JSON, newest first: the latest new items and the latest polls. */
    sourceItems: (id: string) => `${prefix}:source-items:${id}`,
    sourcePolls: (id: string) => `${prefix}:source-polls:${id}`,
    sourcePollLock: (id: string) => `${prefix}:source-lock:${id}`,
    /** Hash: URL of each sitemap of a sitemap index source → its validators (and an index's sitemaps). */
    sourceSitemaps: (id: string) => `${prefix}:source-sitemaps:${id}`,
    /** Counters across all workers: polls by outcome, new items. */
    sourceMetrics: `${prefix}:source-metrics`,
    /** What a feed said about an article (title, date, source), read when the page is processed. */
    sourceHint: (articleId: string) => `${prefix}:source-hint:${articleId}`,
  };
}

export type StoreKeys = ReturnType<typeof storeKeys>;

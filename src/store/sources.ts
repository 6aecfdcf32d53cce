/**
 * Followed feeds and sitemaps in Redis: one hash per source with its schedule, validators and
 * health, a bounded expiring set of the item URLs it has listed, and short lists of its latest
 * new items and polls. Shared by every worker, the CLI and the API.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config/schema.js';
import type { ErrorCode } from '../errors.js';
import type { ResolvedBy } from '../sources/resolve.js';
import type { SourceHint } from '../sources/hints.js';
import type { ItemIssues, SitemapRef, SourceFormat } from '../sources/types.js';
import type { StoreKeys } from './keys.js';
import { readStoredJson } from './stored-json.js';

export type PollOutcome = 'new-items' | 'no-new-items' | 'not-modified' | 'failed' | 'backoff' | 'skipped';
const POLL_OUTCOMES: readonly PollOutcome[] = ['new-items', 'no-new-items', 'not-modified', 'failed', 'backoff', 'skipped'];

export interface SourceError {
  code: ErrorCode;
  message: string;
  at: string;
}

export interface SourceRecord {
  id: string;
  /** The URL given to `sources add`. */
  url: string;
  /** The document polled (the URL itself, or what autodiscovery found). */
  feedUrl: string;
  format: SourceFormat;
  resolvedBy: ResolvedBy;
  name: string | null;
  everyMs: number;
  createdAt: string;
  /** First poll window: items newer than this, or the newest `backfill`. */
  since: string | null;
  backfill: number | null;
  /** The first poll has run (later polls take every item not seen before). */
  initialized: boolean;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastOutcome: PollOutcome | null;
  lastSuccessAt: string | null;
  lastNewItemAt: string | null;
  /** Distinct items listed since the source was added. */
  itemsSeen: number;
  newItemsTotal: number;
  polls: number;
  errors: number;
  consecutiveFailures: number;
  failingSince: string | null;
  lastError: SourceError | null;
  /** A failing source is not polled before this (backoff). */
  nextPollAfter: string | null;
  /** False once the source has failed for `sources.unhealthyAfterMs`; it is still polled. */
  healthy: boolean;
}

export interface PollRecord {
  at: string;
  outcome: PollOutcome;
  /** Items in the document (after dropping bad ones). */
  items: number;
  newItems: number;
  ms: number;
  issues: ItemIssues;
  error: SourceError | null;
}

export interface RecentItem {
  articleId: string;
  url: string;
  title: string | null;
  publishedAt: string | null;
  queuedAt: string;
}

/** What the last read of one sitemap of an index source left for the next poll's conditional GET. */
export interface SitemapState {
  etag: string | null;
  lastModified: string | null;
  /** For an index: the sitemaps it listed, walked again when it answers 304. */
  sitemaps: SitemapRef[] | null;
}

export type NewSource = Pick<SourceRecord, 'id' | 'url' | 'feedUrl' | 'format' | 'resolvedBy' | 'name' | 'everyMs' | 'since' | 'backfill'>;

export interface SourceRetention {
  seenMax: number;
  seenTtlSeconds: number;
  recentItems: number;
  hintTtlSeconds: number;
}

const RECENT_POLLS = 20;

export class SourceStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
    private readonly retention: SourceRetention,
  ) {}

  /** Adds a source; an existing id keeps its state and takes the new name and period. Returns whether it was new. */
  async add(source: NewSource, now = Date.now()): Promise<boolean> {
    const added = await this.redis.zadd(this.keys.sources, 'NX', now, source.id);
    const fields: Record<string, string> = { id: source.id, url: source.url, feedUrl: source.feedUrl, format: source.format, resolvedBy: source.resolvedBy, everyMs: String(source.everyMs) };
    if (source.name !== null) fields.name = source.name;
    if (added === 1) {
      Object.assign(fields, { createdAt: String(now), since: source.since ?? '', backfill: source.backfill === null ? '' : String(source.backfill), initialized: '0', healthy: '1' });
    }
    await this.redis.hset(this.keys.source(source.id), fields);
    return added === 1;
  }

  async get(id: string): Promise<SourceRecord | null> {
    return toRecord(await this.redis.hgetall(this.keys.source(id)));
  }

  /** Oldest first. */
  async list(): Promise<SourceRecord[]> {
    const ids = await this.redis.zrange(this.keys.sources, 0, -1);
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.keys.source(id));
    const replies = (await pipeline.exec()) ?? [];
    return replies.flatMap(([, hash]) => {
      const record = toRecord((hash ?? {}) as Record<string, string>);
      return record ? [record] : [];
    });
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.redis.zrem(this.keys.sources, id);
    await this.redis.del(this.keys.source(id), this.keys.sourceSeen(id), this.keys.sourceItems(id), this.keys.sourcePolls(id), this.keys.sourcePollLock(id), this.keys.sourceSitemaps(id));
    return removed === 1;
  }

  /** One poll of a source at a time across all workers; false when another holds it. */
  async lock(id: string, token: string, ms: number): Promise<boolean> {
    return (await this.redis.set(this.keys.sourcePollLock(id), token, 'PX', ms, 'NX')) === 'OK';
  }

  async unlock(id: string, token: string): Promise<void> {
    if ((await this.redis.get(this.keys.sourcePollLock(id))) === token) await this.redis.del(this.keys.sourcePollLock(id));
  }

  /**
   * Which of the listed article ids this source has not listed before. Listed ids are stamped
   * with `now`, and only the `seenMax` most recently listed are kept, so the set stays bounded
   * while everything still in the document is remembered.
   */
  async unseen(id: string, articleIds: readonly string[]): Promise<Set<string>> {
    if (articleIds.length === 0) return new Set();
    const scores = await this.redis.zmscore(this.keys.sourceSeen(id), ...articleIds);
    return new Set(articleIds.filter((_, index) => scores[index] === null));
  }

  async markSeen(id: string, articleIds: readonly string[], now = Date.now()): Promise<void> {
    const key = this.keys.sourceSeen(id);
    const write = this.redis.multi();
    for (let start = 0; start < articleIds.length; start += 1000) {
      const members = articleIds.slice(start, start + 1000).flatMap((articleId) => [now, articleId]);
      if (members.length > 0) write.zadd(key, ...members);
    }
    write.zremrangebyrank(key, 0, -this.retention.seenMax - 1);
    write.expire(key, this.retention.seenTtlSeconds);
    await write.exec();
  }

  /** Hints for articles about to be queued; the first source to list an article keeps its hint. */
  async putHints(hints: ReadonlyArray<{ articleId: string; hint: SourceHint }>): Promise<void> {
    if (hints.length === 0) return;
    const write = this.redis.pipeline();
    for (const { articleId, hint } of hints) write.set(this.keys.sourceHint(articleId), JSON.stringify(hint), 'EX', this.retention.hintTtlSeconds, 'NX');
    await write.exec();
  }

  async recordPoll(id: string, poll: PollRecord, fields: Record<string, string>, recent: readonly RecentItem[] = []): Promise<void> {
    const write = this.redis.multi();
    // Only a source that still exists is updated (a poll may finish after `sources remove`).
    write.hset(this.keys.source(id), fields);
    write.hincrby(this.keys.source(id), 'polls', 1);
    if (poll.outcome === 'failed') write.hincrby(this.keys.source(id), 'errors', 1);
    if (poll.newItems > 0) write.hincrby(this.keys.source(id), 'newItemsTotal', poll.newItems);
    write.lpush(this.keys.sourcePolls(id), JSON.stringify(poll));
    write.ltrim(this.keys.sourcePolls(id), 0, RECENT_POLLS - 1);
    if (recent.length > 0) {
      // Newest at the head: one poll's items go in oldest first (undated ones as oldest, the
      // document's order kept among equals).
      const oldestFirst = recent.map((item, index) => ({ item, index, ms: publishedMs(item) })).sort((a, b) => (a.ms === b.ms ? b.index - a.index : a.ms - b.ms));
      write.lpush(this.keys.sourceItems(id), ...oldestFirst.map(({ item }) => JSON.stringify(item)));
      write.ltrim(this.keys.sourceItems(id), 0, this.retention.recentItems - 1);
    }
    write.hincrby(this.keys.sourceMetrics, `polls:${poll.outcome}`, 1);
    if (poll.newItems > 0) write.hincrby(this.keys.sourceMetrics, 'newItems', poll.newItems);
    await write.exec();
    if (!(await this.redis.zscore(this.keys.sources, id))) await this.remove(id);
  }

  /** The validators (and index listings) of the sitemaps of an index source, by URL. */
  async sitemapStates(id: string): Promise<Map<string, SitemapState>> {
    const hash = await this.redis.hgetall(this.keys.sourceSitemaps(id));
    const states = new Map<string, SitemapState>();
    for (const [url, json] of Object.entries(hash)) {
      const state = readStoredJson(json) as SitemapState | undefined;
      if (state !== undefined) states.set(url, state);
    }
    return states;
  }

  /**
   * Replaces them after a walk. Only sitemaps still listed are passed in, so the hash stays as
   * bounded as the index (`sources.maxItems` sitemaps per index); it expires with the seen set.
   */
  async putSitemapStates(id: string, states: ReadonlyMap<string, SitemapState>): Promise<void> {
    const key = this.keys.sourceSitemaps(id);
    const write = this.redis.multi().del(key);
    if (states.size > 0) {
      write.hset(key, Object.fromEntries([...states].map(([url, state]) => [url, JSON.stringify(state)])));
      write.expire(key, this.retention.seenTtlSeconds);
    }
    await write.exec();
  }

  async addSeenCount(id: string, count: number): Promise<void> {
    if (count > 0) await this.redis.hincrby(this.keys.source(id), 'itemsSeen', count);
  }

  async recentItems(id: string, limit = this.retention.recentItems): Promise<RecentItem[]> {
    return parseList<RecentItem>(await this.redis.lrange(this.keys.sourceItems(id), 0, limit - 1));
  }

  async recentPolls(id: string, limit = RECENT_POLLS): Promise<PollRecord[]> {
    return parseList<PollRecord>(await this.redis.lrange(this.keys.sourcePolls(id), 0, limit - 1));
  }

  /** Counters across every worker since the store was created: polls by outcome and new items. */
  async counters(): Promise<{ polls: Record<PollOutcome, number>; newItems: number }> {
    const hash = await this.redis.hgetall(this.keys.sourceMetrics);
    const polls = Object.fromEntries(POLL_OUTCOMES.map((outcome) => [outcome, Number(hash[`polls:${outcome}`] ?? 0)])) as Record<PollOutcome, number>;
    return { polls, newItems: Number(hash.newItems ?? 0) };
  }
}

export function sourceStoreFor(config: Config, redis: Redis, keys: StoreKeys): SourceStore {
  return new SourceStore(redis, keys, {
    seenMax: config.sources.seenMax,
    seenTtlSeconds: config.sources.seenTtlSeconds,
    recentItems: config.sources.recentItems,
    hintTtlSeconds: config.store.articleTtlSeconds,
  });
}

function publishedMs(item: RecentItem): number {
  const ms = item.publishedAt === null ? Number.NaN : Date.parse(item.publishedAt);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

function parseList<T>(lines: readonly string[]): T[] {
  return lines.flatMap((line) => {
    const value = readStoredJson(line);
    return value === undefined ? [] : [value as T];
  });
}

function toRecord(hash: Record<string, string>): SourceRecord | null {
  if (!hash.id || !hash.feedUrl) return null;
  const iso = (ms: string | undefined): string | null => (ms === undefined || ms === '' ? null : new Date(Number(ms)).toISOString());
  const text = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);
  const lastError = (readStoredJson(hash.lastError) as SourceError | undefined) ?? null;
  return {
    id: hash.id,
    url: hash.url ?? hash.feedUrl,
    feedUrl: hash.feedUrl,
    format: (hash.format ?? 'rss') as SourceFormat,
    resolvedBy: (hash.resolvedBy ?? 'feed') as ResolvedBy,
    name: text(hash.name),
    everyMs: Number(hash.everyMs ?? 600_000),
    createdAt: iso(hash.createdAt) ?? new Date(0).toISOString(),
    since: iso(hash.since),
    backfill: hash.backfill ? Number(hash.backfill) : null,
    initialized: hash.initialized === '1',
    etag: text(hash.etag),
    lastModified: text(hash.lastModified),
    lastPolledAt: iso(hash.lastPolledAt),
    lastOutcome: (text(hash.lastOutcome) as PollOutcome | null) ?? null,
    lastSuccessAt: iso(hash.lastSuccessAt),
    lastNewItemAt: iso(hash.lastNewItemAt),
    itemsSeen: Number(hash.itemsSeen ?? 0),
    newItemsTotal: Number(hash.newItemsTotal ?? 0),
    polls: Number(hash.polls ?? 0),
    errors: Number(hash.errors ?? 0),
    consecutiveFailures: Number(hash.consecutiveFailures ?? 0),
    failingSince: iso(hash.failingSince),
    lastError,
    nextPollAfter: iso(hash.nextPollAfter),
    healthy: hash.healthy !== '0',
  };
}

/**
 * The article store: one record per article id with its status, cleaned article, claims,
 * extraction log and failure. This module's exported types and `ArticleStore` methods are the
 * interface the HTTP API, the review page and the CLI read through.
 */
import type { Redis } from 'ioredis';
import type { Article } from '../model/article.js';
import type { ClaimRecord } from '../model/claim.js';
import type { ExtractionLog, FailureRecord } from '../model/extraction-log.js';
import { isRecord } from '../rules/table.js';
import { claimMatches, streamIdMs } from './claim-filters.js';
import { ARTICLE_STATUSES, type StoreKeys, storeKeys } from './keys.js';
import { COMPLETE_ARTICLE, FAIL_ARTICLE, FAIL_IF_IN_FLIGHT, MARK_STATUS, REGISTER_ARTICLE, evalScript } from './scripts.js';
import { retryRefusedWrite } from './write-retry.js';
import { readStoredJson } from './stored-json.js';

export type { ExtractionLog, FailureRecord } from '../model/extraction-log.js';

export type ArticleStatus = 'queued' | 'fetching' | 'processing' | 'done' | 'failed';

/** What lists show for each article. */
export interface ArticleSummary {
  id: string;
  url: string;
  status: ArticleStatus;
  /** 1 for the first processing; each refresh adds one. */
  version: number;
  source: 'url' | 'file';
  enqueuedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  title: string | null;
  claimCount: number;
  /** Set when the same story was already processed under another id (content hash, canonical URL). */
  duplicateOf: string | null;
  failure: FailureRecord | null;
  /** Validators of the last fetch, sent with a refresh as a conditional GET. */
  etag: string | null;
  lastModified: string | null;
}

/** Everything about one article: the answer to `GET /api/articles/:id`. */
export interface ArticleView extends ArticleSummary {
  article: Article | null;
  claims: ClaimRecord[];
  log: ExtractionLog | null;
}

export interface ClaimQuery {
  /** Only the claims of this article id. */
  article?: string;
  /** Actor name (canonical or mention text), case-insensitive; matches speaker or any actor. */
  actor?: string;
  kind?: ClaimRecord['kind'];
  /** Only claims added to the feed at or after this time (ISO string or epoch ms). */
  since?: string | number;
  /** Full-text search: every word in the content, sentence or speaker. A bounded scan: see SEARCH_SCAN_LIMIT. */
  q?: string;
  /** From a previous page's `next`. */
  cursor?: string;
  /** @defaultValue 50 (at most 500) */
  limit?: number;
}

/**
 * Feed entries one search request reads at most (newest first). Search scans the feed rather
 * than keeping an index: no write cost on emit, and the feed is bounded by retention. When a
 * request stops here, `next` continues the scan where it stopped, so a page may hold fewer
 * than `limit` claims and still have a `next`.
 */
const SEARCH_SCAN_LIMIT = 20_000;

export interface FeedClaim {
  /** The Redis Stream entry id ("1700000000000-0"): the SSE event id. */
  streamId: string;
  claim: ClaimRecord;
}

export interface ClaimPage {
  claims: FeedClaim[];
  /** Pass as `cursor` for the next page; null at the end. Newest first. */
  next: string | null;
}

export type StatusCounts = Record<ArticleStatus, number> & { total: number };

export interface StoreRetention {
  articleTtlSeconds: number;
  feedMaxLength: number;
  feedMaxAgeHours: number;
  /** Extraction logs kept per article, newest versions first. @defaultValue 5 */
  logVersions?: number;
}

/** One kept extraction log version of an article. */
export interface LogVersionSummary {
  version: number;
  outcome: ExtractionLog['outcome'];
  updatedAt: string;
}

const DEFAULT_LOG_VERSIONS = 5;

export class ArticleStore {
  readonly keys: StoreKeys;
  /** The claim feed stream key (XREAD it for Server-Sent Events). */
  readonly feedStreamKey: string;

  constructor(
    readonly redis: Redis,
    readonly prefix: string,
    readonly retention: StoreRetention = { articleTtlSeconds: 30 * 86400, feedMaxLength: 1_000_000, feedMaxAgeHours: 720 },
  ) {
    this.keys = storeKeys(prefix);
    this.feedStreamKey = this.keys.feed;
  }

  async getArticle(id: string): Promise<ArticleView | null> {
    const [hash, articleJson, claimsJson, logJson] = await Promise.all([
      this.redis.hgetall(this.keys.article(id)),
      this.redis.get(this.keys.articleJson(id)),
      this.redis.get(this.keys.claims(id)),
      this.redis.get(this.keys.log(id)),
    ]);
    const summary = toSummary(hash);
    if (summary === null) return null;
    return {
      ...summary,
      article: parseJson<Article>(articleJson),
      claims: parseJson<ClaimRecord[]>(claimsJson) ?? [],
      log: parseJson<ExtractionLog>(logJson),
    };
  }

  /** The versions of an article whose extraction logs are still kept, newest first. */
  async listLogVersions(id: string): Promise<LogVersionSummary[]> {
    const versions = (await this.redis.zrevrange(this.keys.logVersions(id), 0, -1)).map(Number).filter((version) => Number.isInteger(version));
    if (versions.length === 0) return [];
    const logs = await this.redis.mget(versions.map((version) => this.keys.logVersion(id, version)));
    return versions.flatMap((version, index) => {
      const log = parseJson<ExtractionLog>(logs[index] ?? null);
      return log ? [{ version, outcome: log.outcome, updatedAt: log.updatedAt }] : [];
    });
  }

  /** The extraction log of one version (`getArticle(id).log` is the latest), or null once retention dropped it. */
  async getLog(id: string, version?: number): Promise<ExtractionLog | null> {
    return parseJson<ExtractionLog>(await this.redis.get(version === undefined ? this.keys.log(id) : this.keys.logVersion(id, version)));
  }

  /** Most recently queued first. */
  async listArticles(options: { limit?: number; offset?: number } = {}): Promise<ArticleSummary[]> {
    const limit = clampLimit(options.limit);
    const offset = options.offset ?? 0;
    const ids = await this.redis.zrevrange(this.keys.recent, offset, offset + limit - 1);
    return this.summaries(ids);
  }

  /** Most recent failures first. */
  async listFailures(options: { limit?: number } = {}): Promise<FailureRecord[]> {
    const ids = await this.redis.zrevrange(this.keys.failures, 0, clampLimit(options.limit, 1000) - 1);
    const summaries = await this.summaries(ids);
    return summaries.flatMap((summary) => (summary.status === 'failed' && summary.failure ? [summary.failure] : []));
  }

  async statusCounts(): Promise<StatusCounts> {
    const pipeline = this.redis.pipeline();
    for (const status of ARTICLE_STATUSES) pipeline.scard(this.keys.status(status));
    const results = (await pipeline.exec()) ?? [];
    const counts = { total: 0 } as StatusCounts;
    ARTICLE_STATUSES.forEach((status, index) => {
      const value = Number(results[index]?.[1] ?? 0);
      counts[status] = value;
      counts.total += value;
    });
    return counts;
  }

  /** Claims newest first, from the feed (or from the article's record with `article`). */
  async listClaims(query: ClaimQuery = {}): Promise<ClaimPage> {
    const limit = clampLimit(query.limit, 500);
    const sinceMs = query.since === undefined ? undefined : typeof query.since === 'number' ? query.since : Date.parse(query.since);
    const matches = (claim: ClaimRecord): boolean => claimMatches(claim, query);
    if (query.article !== undefined) {
      const stored = parseJson<ClaimRecord[]>(await this.redis.get(this.keys.claims(query.article))) ?? [];
      const entries = await this.streamIdsFor(stored.map((claim) => claim.id));
      const filtered = stored
        .map((claim, index) => ({ streamId: entries[index] ?? '', claim }))
        .filter((item) => matches(item.claim) && (sinceMs === undefined || streamIdMs(item.streamId) >= sinceMs));
      const start = query.cursor === undefined ? 0 : Number(query.cursor) || 0;
      const page = filtered.slice(start, start + limit);
      return { claims: page, next: start + limit < filtered.length ? String(start + limit) : null };
    }
    const found: FeedClaim[] = [];
    let end = query.cursor === undefined ? '+' : `(${query.cursor}`;
    const start = sinceMs === undefined || Number.isNaN(sinceMs) ? '-' : `${sinceMs}-0`;
    const batchSize = query.q === undefined ? Math.max(limit * 2, 100) : 1000;
    let scanned = 0;
    for (;;) {
      const batch = await this.redis.xrevrange(this.feedStreamKey, end, start, 'COUNT', batchSize);
      for (const [streamId, fields] of batch) {
        const claim = claimFromFields(fields);
        if (claim && matches(claim)) found.push({ streamId, claim });
        if (found.length === limit) return { claims: found, next: streamId };
      }
      const last = batch[batch.length - 1];
      if (last === undefined || batch.length < batchSize) return { claims: found, next: null };
      scanned += batch.length;
      if (query.q !== undefined && scanned >= SEARCH_SCAN_LIMIT) return { claims: found, next: last[0] };
      end = `(${last[0]}`;
    }
  }

  /** Reads feed entries after `from` ("$" for only new ones, "0" for all), waiting up to blockMs. */
  async readFeed(from: string, options: { count?: number; blockMs?: number } = {}): Promise<FeedClaim[]> {
    const count = options.count ?? 100;
    const reply =
      options.blockMs === undefined
        ? await this.redis.xread('COUNT', count, 'STREAMS', this.feedStreamKey, from)
        : await this.redis.xread('COUNT', count, 'BLOCK', options.blockMs, 'STREAMS', this.feedStreamKey, from);
    return feedClaimsFromReply(reply);
  }

  // ---- write side, used by the pipeline ----

  /** Returns the new version, or 0 when the article is already known and `refresh` is false. */
  async register(id: string, url: string, options: { refresh: boolean; source: 'url' | 'file'; now?: number }): Promise<number> {
    const now = options.now ?? Date.now();
    const ttl = this.retention.articleTtlSeconds;
    const result = await evalScript(this.redis, REGISTER_ARTICLE, [this.keys.article(id), ...this.statusKeys(), this.keys.recent, this.keys.failures], [
      id,
      url,
      now,
      options.refresh ? '1' : '0',
      options.source,
      ttl,
      now - ttl * 1000,
    ]);
    return Number(result);
  }

  async markStatus(id: string, status: 'fetching' | 'processing'): Promise<void> {
    await retryRefusedWrite(() => evalScript(this.redis, MARK_STATUS, [this.keys.article(id), ...this.statusKeys()], [id, status, Date.now()]));
  }

  async summary(id: string): Promise<ArticleSummary | null> {
    return toSummary(await this.redis.hgetall(this.keys.article(id)));
  }

  async setFields(id: string, fields: Record<string, string>): Promise<void> {
    await this.redis.hset(this.keys.article(id), fields);
  }

  /** The status first: under memory pressure the small write is the one that must land. */
  async fail(failure: FailureRecord, log: ExtractionLog): Promise<void> {
    await retryRefusedWrite(() =>
      evalScript(this.redis, FAIL_ARTICLE, [this.keys.article(failure.articleId), ...this.statusKeys(), this.keys.failures], [
        failure.articleId,
        Date.parse(failure.at) || Date.now(),
        JSON.stringify(failure),
      ]),
    );
    await this.storeLog(failure.articleId, log);
  }

  /** Fails an article still in flight at `version` (see FAIL_IF_IN_FLIGHT); false when it moved on. */
  async failIfInFlight(failure: FailureRecord, version: number, log: ExtractionLog): Promise<boolean> {
    const recorded = await retryRefusedWrite(() =>
      evalScript(this.redis, FAIL_IF_IN_FLIGHT, [this.keys.article(failure.articleId), ...this.statusKeys(), this.keys.failures], [
        failure.articleId,
        Date.parse(failure.at) || Date.now(),
        JSON.stringify(failure),
        version,
      ]),
    );
    if (Number(recorded) !== 1) return false;
    await this.storeLog(failure.articleId, log);
    return true;
  }

  /**
   * Up to `limit` ids of queued, fetching and processing articles, continuing a scan kept in
   * Redis from call to call, so a reconciler pass costs the same however many are in flight.
   */
  async scanInFlight(limit: number): Promise<string[]> {
    const ids: string[] = [];
    for (const status of ['queued', 'fetching', 'processing'] as const) {
      const cursorKey = this.keys.reconcileCursor(status);
      let cursor = (await this.redis.get(cursorKey)) ?? '0';
      const share = Math.ceil(limit / 3);
      const found: string[] = [];
      do {
        const [next, batch] = await this.redis.sscan(this.keys.status(status), cursor, 'COUNT', Math.min(share, 1000));
        found.push(...batch);
        cursor = next;
      } while (cursor !== '0' && found.length < share);
      await this.redis.set(cursorKey, cursor, 'EX', 86400).catch(() => undefined);
      ids.push(...found);
    }
    return [...new Set(ids)];
  }

  private async storeLog(id: string, log: ExtractionLog): Promise<void> {
    await retryRefusedWrite(async () => {
      const write = this.redis.multi();
      this.writeLog(write, id, log);
      await this.dropOldLogs(id, await write.exec());
    });
  }

  /**
   * Stores the results and adds the claims to the feed, each claim id at most once however
   * often this runs for the article, then marks it done. Returns the feed entries added.
   */
  async complete(id: string, result: { article: Article | null; claims: ClaimRecord[]; log: ExtractionLog; fields: Record<string, string | number | null> }): Promise<number> {
    return retryRefusedWrite(() => this.writeResults(id, result));
  }

  private async writeResults(id: string, result: { article: Article | null; claims: ClaimRecord[]; log: ExtractionLog; fields: Record<string, string | number | null> }): Promise<number> {
    const ttl = this.retention.articleTtlSeconds;
    // Values go out as UTF-8 bytes encoded once: each claim's JSON is both a feed entry and a
    // piece of the article's claim list, which is byte for byte JSON.stringify(result.claims).
    const claimJson = result.claims.map((claim) => Buffer.from(JSON.stringify(claim)));
    const write = this.redis.multi();
    if (result.article) write.set(this.keys.articleJson(id), Buffer.from(JSON.stringify(result.article)), 'EX', ttl);
    write.set(this.keys.claims(id), jsonArrayOf(claimJson), 'EX', ttl);
    this.writeLog(write, id, result.log);
    await this.dropOldLogs(id, await write.exec());
    const now = Date.now();
    const maxAgeMs = this.retention.feedMaxAgeHours * 3600_000;
    const seenTtl = Math.ceil(maxAgeMs / 1000) + 86400;
    const claimArgs = result.claims.flatMap((claim, index) => [claim.id, claimJson[index] as Buffer]);
    const added = await evalScript(
      this.redis,
      COMPLETE_ARTICLE,
      [this.keys.article(id), ...this.statusKeys(), this.feedStreamKey, ...result.claims.map((claim) => this.keys.claimSeen(claim.id))],
      [id, now, this.retention.feedMaxLength, now - maxAgeMs, seenTtl, JSON.stringify({ ...result.fields, claimCount: result.claims.length }), ...claimArgs],
    );
    return Number(added);
  }

  /**
   * The latest log under its own key (what readers of `getArticle` get) and under its version.
   * Last in the transaction: the versions past retention, so `dropOldLogs` needs no extra read.
   */
  private writeLog(write: ReturnType<Redis['multi']>, id: string, log: ExtractionLog): void {
    const ttl = this.retention.articleTtlSeconds;
    // Encoded once for both keys.
    const text = Buffer.from(JSON.stringify(log));
    const keep = Math.max(1, this.retention.logVersions ?? DEFAULT_LOG_VERSIONS);
    write.set(this.keys.log(id), text, 'EX', ttl);
    write.set(this.keys.logVersion(id, log.version), text, 'EX', ttl);
    write.zadd(this.keys.logVersions(id), log.version, String(log.version));
    write.expire(this.keys.logVersions(id), ttl);
    write.zrange(this.keys.logVersions(id), 0, -keep - 1);
  }

  /** Retention: keeps the newest `logVersions` logs (each also expires with the article TTL; readers skip expired ones). */
  private async dropOldLogs(id: string, replies: Array<[Error | null, unknown]> | null): Promise<void> {
    const last = replies?.[replies.length - 1];
    if (last?.[0]) throw last[0];
    const dropped = Array.isArray(last?.[1]) ? (last[1] as unknown[]).map(String) : [];
    if (dropped.length === 0) return;
    const listKey = this.keys.logVersions(id);
    await this.redis
      .multi()
      .zrem(listKey, ...dropped)
      .del(...dropped.map((version) => this.keys.logVersion(id, Number(version))))
      .exec();
  }

  private statusKeys(): string[] {
    return ARTICLE_STATUSES.map((status) => this.keys.status(status));
  }

  private async summaries(ids: string[]): Promise<ArticleSummary[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hgetall(this.keys.article(id));
    const results = (await pipeline.exec()) ?? [];
    return results.flatMap(([, value]) => {
      const summary = isRecord(value) ? toSummary(value as Record<string, string>) : null;
      return summary ? [summary] : [];
    });
  }

  private async streamIdsFor(claimIds: string[]): Promise<Array<string | null>> {
    if (claimIds.length === 0) return [];
    return this.redis.mget(claimIds.map((claimId) => this.keys.claimSeen(claimId)));
  }
}

export function feedClaimsFromReply(reply: Array<[string, Array<[string, string[]]>]> | null): FeedClaim[] {
  const out: FeedClaim[] = [];
  for (const [, entries] of reply ?? []) {
    for (const [streamId, fields] of entries) {
      const claim = claimFromFields(fields);
      if (claim) out.push({ streamId, claim });
    }
  }
  return out;
}

function claimFromFields(fields: string[]): ClaimRecord | null {
  for (let index = 0; index < fields.length - 1; index += 2) {
    if (fields[index] === 'claim') return parseJson<ClaimRecord>(fields[index + 1] ?? null);
  }
  return null;
}

const JSON_ARRAY_OPEN = Buffer.from('[');
const JSON_ARRAY_COMMA = Buffer.from(',');
const JSON_ARRAY_CLOSE = Buffer.from(']');

/** The JSON array of already encoded JSON values. */
function jsonArrayOf(items: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [JSON_ARRAY_OPEN];
  items.forEach((item, index) => {
    if (index > 0) parts.push(JSON_ARRAY_COMMA);
    parts.push(item);
  });
  parts.push(JSON_ARRAY_CLOSE);
  return Buffer.concat(parts);
}

function clampLimit(limit: number | undefined, max = 500): number {
  if (limit === undefined || !Number.isFinite(limit) || limit < 1) return 50;
  return Math.min(Math.floor(limit), max);
}

function parseJson<T>(text: string | null): T | null {
  return (readStoredJson(text) as T | undefined) ?? null;
}

function isStatus(value: unknown): value is ArticleStatus {
  return typeof value === 'string' && (ARTICLE_STATUSES as readonly string[]).includes(value);
}

function toSummary(hash: Record<string, string>): ArticleSummary | null {
  if (!hash.id || !isStatus(hash.status)) return null;
  const iso = (ms: string | undefined): string | null => (ms === undefined || ms === '' ? null : new Date(Number(ms)).toISOString());
  return {
    id: hash.id,
    url: hash.url ?? '',
    status: hash.status,
    version: Number(hash.version ?? 1),
    source: hash.source === 'file' ? 'file' : 'url',
    enqueuedAt: iso(hash.enqueuedAt) ?? new Date(0).toISOString(),
    updatedAt: iso(hash.updatedAt) ?? new Date(0).toISOString(),
    finishedAt: iso(hash.finishedAt),
    title: hash.title ?? null,
    claimCount: Number(hash.claimCount ?? 0),
    duplicateOf: hash.duplicateOf ?? null,
    failure: parseJson<FailureRecord>(hash.failure ?? null),
    etag: hash.etag ?? null,
    lastModified: hash.lastModified ?? null,
  };
}

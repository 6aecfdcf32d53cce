import { randomUUID } from 'node:crypto';
import { type Job, Worker } from 'bullmq';
import { toClaimfeedError } from '../errors.js';
import type { LookupFunction } from '../fetch/address-guard.js';
import { SourceFetcher } from '../fetch/source-fetch.js';
import type { Logger } from '../log.js';
import { articleIdForUrl } from '../model/ids.js';
import type { Pipeline } from '../queue/pipeline.js';
import { SOURCE_POLL_QUEUE, type SourcePollJobData, parseSourcePollJob } from '../queue/source-schedules.js';
import { parseSourceBody } from '../sources/parse.js';
import { type FirstPollWindow, backoffUntil, selectFirstPollItems } from '../sources/policy.js';
import type { ItemIssues, ParsedSource, SourceItem } from '../sources/types.js';
import { walkIndexSource } from './sitemap-index-poll.js';
import { type PollOutcome, type PollRecord, type RecentItem, type SourceRecord, SourceStore, sourceStoreFor } from '../store/sources.js';

/** Sitemap indexes: nested sitemaps last modified this long before the previous poll are read again. */
const SITEMAP_CHANGE_SLACK_MS = 3_600_000;
/** A poll's hold on its source, longer than any poll (a sitemap index walk fetches many documents). */
const POLL_LOCK_MS = 15 * 60_000;

/**
 * One poll of one source: a conditional GET through the article fetch path, the document
 * parsed, items not listed before queued through the pipeline's enqueue path with their feed
 * hints, and the outcome recorded on the source. A failure is recorded (with backoff and, after
 * a day, the unhealthy mark) and never thrown, so a bad feed cannot stall its schedule.
 */
export class SourcePollStage {
  readonly fetcher: SourceFetcher;
  readonly store: SourceStore;

  constructor(
    private readonly pipeline: Pipeline,
    private readonly logger: Logger,
    options: { lookup?: LookupFunction } = {},
  ) {
    this.fetcher = new SourceFetcher(pipeline.config, pipeline.redis, pipeline.store.keys, options.lookup);
    this.store = sourceStoreFor(pipeline.config, pipeline.redis, pipeline.store.keys);
  }

  readonly process = async (job: Job<SourcePollJobData>): Promise<PollOutcome> => {
    const data = parseSourcePollJob(job.data);
    return (await this.poll(data.sourceId, { force: data.force })).outcome;
  };

  async poll(sourceId: string, options: { force?: boolean } = {}): Promise<PollRecord> {
    const startedAt = Date.now();
    const source = await this.store.get(sourceId);
    const log = this.logger.child({ stage: 'source-poll', sourceId, url: source?.feedUrl });
    if (source === null) return this.skip(sourceId, 'skipped', startedAt);
    if (!options.force && source.nextPollAfter !== null && Date.parse(source.nextPollAfter) > startedAt) return this.skip(sourceId, 'backoff', startedAt);
    const token = randomUUID();
    if (!(await this.store.lock(sourceId, token, POLL_LOCK_MS))) return this.skip(sourceId, 'skipped', startedAt);
    try {
      const record = await this.pollLocked(source, startedAt);
      log.info('polled', { outcome: record.outcome, items: record.items, newItems: record.newItems, ms: record.ms });
      return record;
    } catch (error) {
      const failure = toClaimfeedError(error);
      const now = Date.now();
      const failures = source.consecutiveFailures + 1;
      const failingSince = source.failingSince === null ? now : Date.parse(source.failingSince);
      const retryAfterMs = typeof failure.details?.retryAfterMs === 'number' ? failure.details.retryAfterMs : null;
      const config = this.pipeline.config.sources;
      const sourceError = { code: failure.code, message: failure.message, at: new Date(now).toISOString() };
      const poll: PollRecord = { at: new Date(startedAt).toISOString(), outcome: 'failed', items: 0, newItems: 0, ms: now - startedAt, issues: {}, error: sourceError };
      await this.store.recordPoll(sourceId, poll, {
        lastPolledAt: String(now),
        lastOutcome: 'failed',
        consecutiveFailures: String(failures),
        failingSince: String(failingSince),
        lastError: JSON.stringify(sourceError),
        nextPollAfter: String(backoffUntil(now, failures, source.everyMs, config.maxBackoffMs, retryAfterMs)),
        healthy: now - failingSince >= config.unhealthyAfterMs ? '0' : '1',
      });
      log.warn('poll failed', { code: failure.code, error: failure.message, consecutiveFailures: failures });
      return poll;
    } finally {
      await this.store.unlock(sourceId, token);
    }
  }

  async close(): Promise<void> {
    await this.fetcher.close();
  }

  private async skip(sourceId: string, outcome: 'skipped' | 'backoff', startedAt: number): Promise<PollRecord> {
    await this.pipeline.redis.hincrby(this.pipeline.store.keys.sourceMetrics, `polls:${outcome}`, 1);
    return { at: new Date(startedAt).toISOString(), outcome, items: 0, newItems: 0, ms: Date.now() - startedAt, issues: {}, error: null };
  }

  private async pollLocked(source: SourceRecord, startedAt: number): Promise<PollRecord> {
    const config = this.pipeline.config;
    // An index answering 304 is walked again through the sitemaps it listed (they may have
    // changed without it); when that listing is not remembered, the index is read whole.
    const states = source.format === 'sitemap-index' ? await this.store.sitemapStates(source.id) : null;
    const rememberedIndex = states?.get(source.feedUrl)?.sitemaps ?? null;
    const validators = states !== null && rememberedIndex === null ? {} : { etag: source.etag, lastModified: source.lastModified };
    const page = await this.fetcher.fetch(source.feedUrl, validators);
    const success: Record<string, string> = {
      lastPolledAt: String(Date.now()),
      lastSuccessAt: String(startedAt),
      consecutiveFailures: '0',
      failingSince: '',
      nextPollAfter: '',
      healthy: '1',
    };
    if (page.notModified && rememberedIndex === null) {
      const poll: PollRecord = { at: new Date(startedAt).toISOString(), outcome: 'not-modified', items: 0, newItems: 0, ms: Date.now() - startedAt, issues: {}, error: null };
      await this.store.recordPoll(source.id, poll, { ...success, lastOutcome: poll.outcome });
      return poll;
    }
    const limits = { maxBytes: config.fetch.maxBytes, maxItems: config.sources.maxItems, maxDepth: config.sources.maxSitemapDepth, maxSitemaps: config.sources.maxSitemaps };
    const parsed: ParsedSource =
      page.notModified && rememberedIndex !== null
        ? { kind: 'sitemap-index', format: 'sitemap-index', sitemaps: rememberedIndex, issues: {} }
        : parseSourceBody({ bytes: page.body, contentType: page.contentType, url: page.finalUrl }, limits);
    let items: SourceItem[];
    let issues: ItemIssues;
    let unchanged = page.notModified;
    if (parsed.kind === 'sitemap-index') {
      const changedSince = source.initialized && source.lastSuccessAt !== null ? Date.parse(source.lastSuccessAt) - SITEMAP_CHANGE_SLACK_MS : null;
      const walk = await walkIndexSource(this.fetcher, this.store, {
        source,
        indexUrl: page.notModified ? source.feedUrl : page.finalUrl,
        index: parsed,
        states: states ?? (await this.store.sitemapStates(source.id)),
        limits,
        changedSince,
      });
      items = walk.items;
      issues = walk.issues;
      unchanged &&= walk.fetched - 1 === walk.unchanged;
    } else {
      items = parsed.items;
      issues = parsed.issues;
    }
    const queued = await this.queueNewItems(source, items);
    if (page.headers.etag) success.etag = page.headers.etag;
    if (page.headers['last-modified']) success.lastModified = page.headers['last-modified'];
    const outcome: PollOutcome = queued.recent.length > 0 ? 'new-items' : unchanged ? 'not-modified' : 'no-new-items';
    const poll: PollRecord = { at: new Date(startedAt).toISOString(), outcome, items: items.length, newItems: queued.recent.length, ms: Date.now() - startedAt, issues, error: null };
    const fields = { ...success, lastOutcome: outcome, initialized: '1' };
    if (queued.recent.length > 0) Object.assign(fields, { lastNewItemAt: String(Date.now()) });
    await this.store.recordPoll(source.id, poll, fields, queued.recent);
    await this.store.addSeenCount(source.id, queued.unseen);
    return poll;
  }

  /**
   * Items this source has not listed before go through the pipeline's enqueue path (canonical
   * URL, dedup by article id; the process stage dedups by content), after their hints are
   * stored. On the first poll only the window chosen at add time is queued; every item listed
   * is remembered either way. Marked seen after queueing: a poll cut short queues again, and
   * the enqueue path answers "duplicate" for what it already has.
   */
  private async queueNewItems(source: SourceRecord, items: readonly SourceItem[]): Promise<{ recent: RecentItem[]; unseen: number }> {
    const trackingParams = this.pipeline.config.dedup.trackingParams;
    const byId = new Map<string, SourceItem>();
    for (const item of items) {
      try {
        const articleId = articleIdForUrl(item.url, trackingParams);
        if (!byId.has(articleId)) byId.set(articleId, item);
      } catch {
        // Not a URL the pipeline accepts: normalizeItems already kept only http(s) URLs.
      }
    }
    const ids = [...byId.keys()];
    const unseen = await this.store.unseen(source.id, ids);
    const fresh = ids.filter((id) => unseen.has(id)).map((id) => ({ articleId: id, item: byId.get(id) as SourceItem }));
    const chosen = source.initialized ? fresh : this.firstPollChoice(source, fresh);
    await this.store.putHints(chosen.map(({ articleId, item }) => ({ articleId, hint: { sourceId: source.id, title: item.title, publishedAt: item.publishedAt } })));
    const report = chosen.length === 0 ? null : await this.pipeline.enqueueUrls(chosen.map(({ item }) => item.url));
    await this.store.markSeen(source.id, ids);
    const queuedAt = new Date().toISOString();
    const recent: RecentItem[] = [];
    report?.results.forEach((result, index) => {
      const entry = chosen[index];
      if (result.outcome === 'accepted' && entry && result.articleId) recent.push({ articleId: result.articleId, url: entry.item.url, title: entry.item.title, publishedAt: entry.item.publishedAt, queuedAt });
    });
    return { recent, unseen: unseen.size };
  }

  private firstPollChoice<T extends { item: SourceItem }>(source: SourceRecord, fresh: readonly T[]): T[] {
    const window: FirstPollWindow =
      source.backfill !== null
        ? { kind: 'backfill', count: source.backfill }
        : { kind: 'since', sinceMs: source.since !== null ? Date.parse(source.since) : Date.parse(source.createdAt) - this.pipeline.config.sources.sinceHours * 3_600_000 };
    const chosen = new Set(selectFirstPollItems(fresh.map((entry) => entry.item), window));
    return fresh.filter((entry) => chosen.has(entry.item));
  }
}

export interface SourceWorker {
  worker: Worker<SourcePollJobData, PollOutcome>;
  stage: SourcePollStage;
  close(): Promise<void>;
}

/** The poll worker: takes the jobs the per-source schedulers produce. */
export function startSourceWorker(pipeline: Pipeline, logger: Logger, options: { lookup?: LookupFunction; concurrency?: number } = {}): SourceWorker {
  const config = pipeline.config;
  const stage = new SourcePollStage(pipeline, logger, options.lookup === undefined ? {} : { lookup: options.lookup });
  const worker = new Worker<SourcePollJobData, PollOutcome>(SOURCE_POLL_QUEUE, stage.process, {
    connection: pipeline.redis,
    prefix: config.redis.prefix,
    concurrency: options.concurrency ?? config.sources.concurrency,
    lockDuration: config.queue.lockDurationMs,
    stalledInterval: config.queue.stalledIntervalMs,
  });
  worker.on('error', (error) => logger.error('source worker error', { error }));
  let closing: Promise<void> | null = null;
  return {
    worker,
    stage,
    close() {
      closing ??= (async () => {
        await worker.close();
        await stage.close();
      })();
      return closing;
    },
  };
}

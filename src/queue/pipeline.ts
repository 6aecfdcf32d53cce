import { resolve } from 'node:path';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config/schema.js';
import { ClaimfeedError, type ErrorCode, toClaimfeedError } from '../errors.js';
import { articleIdForUrl, canonicalizeUrl, hashId } from '../model/ids.js';
import { newExtractionLog } from '../workers/extraction-log.js';
import { ArticleStore } from '../store/articles.js';
import { putBody } from '../store/bodies.js';
import { createRedis } from './connection.js';
import { type FetchJobData, type ProcessJobData, QUEUE_NAMES, jobId } from './payloads.js';

export type EnqueueOutcome = 'accepted' | 'duplicate' | 'rejected';

export interface EnqueueResult {
  input: string;
  outcome: EnqueueOutcome;
  articleId: string | null;
  url: string | null;
  error?: { code: string; message: string };
}

export interface EnqueueReport {
  accepted: number;
  duplicate: number;
  rejected: number;
  results: EnqueueResult[];
}

/**
 * The producer side: Redis connection, the article store and the two queues. Fetching is
 * I/O-bound and processing (strip + extract + emit) CPU-bound, so they are separate queues.
 */
export class Pipeline {
  readonly store: ArticleStore;
  readonly fetchQueue: Queue<FetchJobData>;
  readonly processQueue: Queue<ProcessJobData>;

  private constructor(
    readonly config: Config,
    readonly redis: Redis,
    private readonly ownsRedis: boolean,
  ) {
    this.store = new ArticleStore(redis, config.redis.prefix, {
      articleTtlSeconds: config.store.articleTtlSeconds,
      logVersions: config.store.logVersions,
      feedMaxLength: config.feed.maxLength,
      feedMaxAgeHours: config.feed.maxAgeHours,
    });
    const queueOptions = { connection: redis, prefix: config.redis.prefix };
    this.fetchQueue = new Queue<FetchJobData>(QUEUE_NAMES.fetch, queueOptions);
    this.processQueue = new Queue<ProcessJobData>(QUEUE_NAMES.process, queueOptions);
    this.fetchQueue.on('error', () => undefined);
    this.processQueue.on('error', () => undefined);
  }

  static create(config: Config, redis?: Redis): Pipeline {
    return new Pipeline(config, redis ?? createRedis(config.redis.url), redis === undefined);
  }

  fetchJobOptions(articleId: string, version: number): JobsOptions {
    return {
      jobId: jobId(articleId, version),
      attempts: this.config.fetch.attempts,
      backoff: { type: 'claimfeed', delay: this.config.fetch.backoffMs },
      ...this.retentionOptions(),
    };
  }

  processJobOptions(articleId: string, version: number): JobsOptions {
    return {
      jobId: jobId(articleId, version),
      attempts: this.config.process.attempts,
      backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
      ...this.retentionOptions(),
    };
  }

  /** Queues URLs for fetching. A URL already known is a duplicate unless `refresh`. */
  async enqueueUrls(inputs: readonly string[], options: { refresh?: boolean } = {}): Promise<EnqueueReport> {
    const report: EnqueueReport = { accepted: 0, duplicate: 0, rejected: 0, results: [] };
    const chunkSize = 500;
    for (let start = 0; start < inputs.length; start += chunkSize) {
      const chunk = inputs.slice(start, start + chunkSize);
      const results = await Promise.all(chunk.map((input) => this.registerUrl(input, options.refresh === true)));
      const jobs = results.flatMap((result) => (result.job ? [result.job] : []));
      if (jobs.length > 0) await this.fetchQueue.addBulk(jobs.map((data) => ({ name: 'fetch', data, opts: this.fetchJobOptions(data.articleId, data.version) })));
      for (const { result } of results) {
        report[result.outcome]++;
        report.results.push(result);
      }
    }
    return report;
  }

  /**
   * Queues a local file: its bytes go straight to the body store and the process stage, with
   * no HTTP fetch. The article id comes from the absolute path.
   */
  async enqueueFile(path: string, bytes: Buffer, options: { refresh?: boolean } = {}): Promise<EnqueueResult> {
    const url = `file://${resolve(path)}`;
    const articleId = hashId(url);
    const version = await this.store.register(articleId, url, { refresh: options.refresh === true, source: 'file' });
    if (version === 0) return { input: path, outcome: 'duplicate', articleId, url };
    const enqueuedAt = Date.now();
    await putBody(this.redis, this.store.keys, articleId, { bytes, contentType: null, finalUrl: url, fetch: null }, this.config.store.bodyTtlSeconds);
    await this.processQueue.add('process', { v: 1, articleId, version, enqueuedAt }, this.processJobOptions(articleId, version));
    return { input: path, outcome: 'accepted', articleId, url };
  }

  /**
   * Queues failed articles again (article ids). Only failed ones: anything else is refused with
   * its status. A local file's bytes are not kept, so it is refused with how to run it again.
   */
  async retryFailed(ids: readonly string[]): Promise<EnqueueReport> {
    const report: EnqueueReport = { accepted: 0, duplicate: 0, rejected: 0, results: [] };
    const urls: string[] = [];
    for (const id of ids) {
      const summary = await this.store.summary(id);
      const refuse = (code: ErrorCode, message: string): void => {
        report.rejected++;
        report.results.push({ input: id, outcome: 'rejected', articleId: summary === null ? null : id, url: summary?.url ?? null, error: { code, message } });
      };
      if (summary === null) refuse('NOT_FOUND', `No article with id ${id}`);
      else if (summary.status !== 'failed') refuse('BAD_REQUEST', `Article ${id} has not failed (it is ${summary.status})`);
      else if (summary.source === 'file') refuse('BAD_REQUEST', `Article ${id} came from a local file: run "claimfeed run ${summary.url.replace(/^file:\/\//, '')}" again`);
      else urls.push(summary.url);
    }
    const queued = await this.enqueueUrls(urls);
    report.accepted += queued.accepted;
    report.duplicate += queued.duplicate;
    report.rejected += queued.rejected;
    report.results.push(...queued.results);
    return report;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.fetchQueue.close(), this.processQueue.close()]);
    if (this.ownsRedis) this.redis.disconnect();
  }

  private async registerUrl(input: string, refresh: boolean): Promise<{ result: EnqueueResult; job?: FetchJobData }> {
    let url: string;
    try {
      url = canonicalizeUrl(input, this.config.dedup.trackingParams);
    } catch (error) {
      const failure = toClaimfeedError(error);
      return { result: { input, outcome: 'rejected', articleId: null, url: null, error: { code: failure.code, message: failure.message } } };
    }
    const articleId = articleIdForUrl(url, this.config.dedup.trackingParams);
    const scheme = new URL(url).protocol.replace(/:$/, '');
    const version = await this.store.register(articleId, url, { refresh, source: 'url' });
    if (version === 0) return { result: { input, outcome: 'duplicate', articleId, url } };
    if (!this.config.fetch.allowedSchemes.includes(scheme) || (scheme !== 'http' && scheme !== 'https')) {
      const error = new ClaimfeedError('FETCH_BLOCKED_SCHEME', `Refused scheme "${scheme}:" (allowed: ${this.config.fetch.allowedSchemes.join(', ')}): ${url}`);
      await this.recordEnqueueFailure(articleId, url, version, error);
      return { result: { input, outcome: 'rejected', articleId, url, error: { code: error.code, message: error.message } } };
    }
    return { result: { input, outcome: 'accepted', articleId, url }, job: { v: 1, articleId, url, version, enqueuedAt: Date.now(), refresh } };
  }

  private async recordEnqueueFailure(articleId: string, url: string, version: number, error: ClaimfeedError): Promise<void> {
    const failure = { articleId, url, code: error.code, message: error.message, permanent: true, stage: 'enqueue' as const, attempts: 0, at: new Date().toISOString() };
    await this.store.fail(failure, { ...newExtractionLog(articleId, url, version, 'url'), outcome: 'failed', failure });
  }

  private retentionOptions(): JobsOptions {
    const queue = this.config.queue;
    return {
      removeOnComplete: { age: queue.keepCompletedSeconds, count: queue.keepCompletedCount },
      removeOnFail: { age: queue.keepFailedSeconds, count: queue.keepFailedCount },
    };
  }
}

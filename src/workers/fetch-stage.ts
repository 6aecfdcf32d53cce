import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { ClaimfeedError, toClaimfeedError } from '../errors.js';
import { HostGate } from '../fetch/host-gate.js';
import { Fetcher, fetchOptionsFromConfig } from '../fetch/http.js';
import type { LookupFunction } from '../fetch/address-guard.js';
import { RobotsCache, robotsOptionsFromConfig } from '../fetch/robots.js';
import type { Logger } from '../log.js';
import type { FetchLog } from '../model/extraction-log.js';
import { type FetchJobData, parseFetchJob } from '../queue/payloads.js';
import type { Pipeline } from '../queue/pipeline.js';
import { putBody } from '../store/bodies.js';
import { failureRecord, fetchLogFromError, fetchLogFromPage, newExtractionLog } from './extraction-log.js';

export interface FetchStageOptions {
  /** Tests map host names to loopback addresses with this. */
  lookup?: LookupFunction;
}

/** Gate waits shorter than this are slept through; longer ones put the job back as delayed. */
const SLEEP_THRESHOLD_MS = 250;
/** Delayed jobs may be promoted a little early; they still count as on time for their slot. */
const SLOT_EARLY_MS = 20;

/**
 * The fetch stage: robots.txt, the per-host gate, one guarded GET, the body into Redis, and a
 * process job. Wiring only: the fetching itself is src/fetch.
 */
export class FetchStage {
  readonly fetcher: Fetcher;
  readonly gate: HostGate;
  private readonly robots: RobotsCache;

  constructor(
    private readonly pipeline: Pipeline,
    private readonly logger: Logger,
    options: FetchStageOptions = {},
  ) {
    const config = pipeline.config;
    this.fetcher = new Fetcher(fetchOptionsFromConfig(config), options.lookup);
    this.gate = new HostGate(pipeline.redis, pipeline.store.keys, config.fetch.hostMinDelayMs, config.fetch.hostMaxConcurrency, config.fetch.totalTimeoutMs + 5000);
    this.robots = new RobotsCache(pipeline.redis, pipeline.store.keys, this.fetcher, this.gate, robotsOptionsFromConfig(config));
  }

  /** The BullMQ processor. */
  readonly process = async (job: Job<FetchJobData>, token?: string): Promise<string> => {
    const data = parseFetchJob(job.data);
    const attempt = job.attemptsMade + 1;
    const log = this.logger.child({ stage: 'fetch', jobId: job.id, articleId: data.articleId, url: data.url, attempt });
    const store = this.pipeline.store;
    const summary = await store.summary(data.articleId);
    if (summary === null || summary.version !== data.version || (summary.status !== 'queued' && summary.status !== 'fetching')) {
      log.debug('skipped', { reason: 'superseded or already past fetching' });
      return 'skipped';
    }
    const startedAt = Date.now();
    let gateWaitMs = 0;
    try {
      const url = new URL(data.url);
      let crawlDelayMs: number | null = null;
      if (this.pipeline.config.fetch.robots) {
        const verdict = await this.robots.check(url);
        if (!verdict.allowed) {
          throw new ClaimfeedError('FETCH_ROBOTS_DISALLOWED', `robots.txt disallows ${url.pathname} ("Disallow: ${verdict.rule}"): GET ${data.url}`, { details: { rule: verdict.rule } });
        }
        crawlDelayMs = verdict.crawlDelayMs;
      }
      const host = url.host.toLowerCase();
      // A job woken for the slot it reserved goes first; others queue for a slot of their own.
      let reserved = data.slotAt !== undefined && Date.now() >= data.slotAt - SLOT_EARLY_MS;
      let granted = await this.gate.acquire(host, { crawlDelayMs, reserved });
      while (granted.kind !== 'granted') {
        const resumeAt = granted.kind === 'reserved' ? granted.slotAt : Date.now() + granted.waitMs;
        if (resumeAt - Date.now() > SLEEP_THRESHOLD_MS && token !== undefined) {
          if (granted.kind === 'reserved') await job.updateData({ ...data, slotAt: granted.slotAt });
          await job.moveToDelayed(resumeAt, token);
          throw new DelayedError();
        }
        await sleep(Math.max(0, resumeAt - Date.now()));
        gateWaitMs = Date.now() - startedAt;
        reserved = reserved || granted.kind === 'reserved';
        granted = await this.gate.acquire(host, { crawlDelayMs, reserved });
      }
      const lease = granted.lease;
      // The slot is used: a retry of this job must queue for a new one.
      if (data.slotAt !== undefined) await job.updateData({ ...data, slotAt: undefined });
      await store.markStatus(data.articleId, 'fetching');
      const fetchStarted = Date.now();
      let page;
      try {
        page = await this.fetcher.fetch(data.url, data.refresh ? { etag: summary.etag ?? null, lastModified: summary.lastModified ?? null } : {});
      } catch (error) {
        const failure = toClaimfeedError(error);
        const retryAfterMs = failure.details?.retryAfterMs;
        if (failure.code === 'FETCH_RATE_LIMITED') {
          const wait = Math.min(typeof retryAfterMs === 'number' ? retryAfterMs : this.pipeline.config.fetch.backoffMs * 2 ** attempt, this.pipeline.config.fetch.retryAfterMaxMs);
          await this.gate.penalize(host, wait);
          log.warn('host asked us to slow down', { host, retryAfterMs: wait });
        }
        throw failure;
      } finally {
        await lease.release();
      }
      const fetchLog: FetchLog = fetchLogFromPage(page, attempt, gateWaitMs);
      if (page.notModified) {
        await this.finishNotModified(data, fetchLog);
        log.info('not modified');
        return 'not-modified';
      }
      await putBody(this.pipeline.redis, store.keys, data.articleId, { bytes: page.body, contentType: page.contentType, finalUrl: page.finalUrl, fetch: fetchLog }, this.pipeline.config.store.bodyTtlSeconds);
      const validators: Record<string, string> = {};
      if (fetchLog.etag) validators.etag = fetchLog.etag;
      if (fetchLog.lastModified) validators.lastModified = fetchLog.lastModified;
      if (Object.keys(validators).length > 0) await store.setFields(data.articleId, validators);
      await this.pipeline.processQueue.add('process', { v: 1, articleId: data.articleId, version: data.version, enqueuedAt: data.enqueuedAt }, this.pipeline.processJobOptions(data.articleId, data.version));
      log.debug('fetched', { status: page.status, bytes: page.body.length, ms: Date.now() - fetchStarted, redirects: page.redirectChain.length });
      return 'fetched';
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      const failure = toClaimfeedError(error);
      const attempts = job.opts.attempts ?? 1;
      const final = failure.permanent || attempt >= attempts;
      log.warn(final ? 'fetch failed' : 'fetch failed, will retry', { code: failure.code, error: failure.message, permanent: failure.permanent });
      if (final) {
        const record = failureRecord(data.articleId, data.url, 'fetch', failure, attempt);
        const extractionLog = { ...newExtractionLog(data.articleId, data.url, data.version, 'url'), outcome: 'failed' as const, failure: record };
        extractionLog.fetch = fetchLogFromError(data.url, failure, attempt, startedAt, gateWaitMs);
        await store.fail(record, extractionLog);
      }
      if (failure.permanent) throw new UnrecoverableError(`${failure.code}: ${failure.message}`);
      throw failure;
    }
  };

  async close(): Promise<void> {
    await this.fetcher.close();
  }

  private async finishNotModified(data: FetchJobData, fetchLog: FetchLog): Promise<void> {
    const previous = await this.pipeline.store.getArticle(data.articleId);
    const log = previous?.log ?? newExtractionLog(data.articleId, data.url, data.version, 'url');
    await this.pipeline.store.complete(data.articleId, {
      article: previous?.article ?? null,
      claims: previous?.claims ?? [],
      log: { ...log, version: data.version, outcome: 'not-modified', fetch: fetchLog, updatedAt: new Date().toISOString() },
      fields: {},
    });
  }
}

/** Exponential backoff with jitter; a Retry-After from the site sets the floor. */
export function fetchBackoff(baseMs: number, maxMs: number) {
  return (attemptsMade: number, _type?: string, error?: Error): number => {
    const exponential = baseMs * 2 ** Math.max(0, attemptsMade - 1);
    const jittered = exponential * (0.5 + Math.random());
    const details = error instanceof ClaimfeedError ? error.details : undefined;
    const retryAfter = typeof details?.retryAfterMs === 'number' ? details.retryAfterMs : 0;
    return Math.min(Math.max(jittered, retryAfter), maxMs);
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

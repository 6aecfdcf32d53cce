import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Job, Worker } from 'bullmq';
import type { Config } from '../config/schema.js';
import { ClaimfeedError } from '../errors.js';
import type { LookupFunction } from '../fetch/address-guard.js';
import type { Logger } from '../log.js';
import { type FetchJobData, type ProcessJobData, QUEUE_NAMES, type Stage, parseProcessJob } from '../queue/payloads.js';
import type { Pipeline } from '../queue/pipeline.js';
import { FetchStage, fetchBackoff } from './fetch-stage.js';
import { startSourceWorker } from './source-poll-stage.js';
import { newExtractionLog } from './extraction-log.js';
import { failAttempt, isCurrentJob, queueError } from './process-attempt.js';
// Type-only: the extractors behind process-stage.js load in the threads, never in this one.
import type { ProcessJobInfo } from './process-stage.js';
import { ProcessThreadLostError, ProcessThreads } from './process-threads.js';
import { startReconciler } from './reconciler.js';

export interface WorkerSetOptions {
  stages: readonly Stage[];
  /** Fetch jobs in flight in this process. @defaultValue config.fetch.concurrency */
  fetchConcurrency?: number;
  /** Worker threads for strip + extract + emit. @defaultValue config.process.concurrency */
  processConcurrency?: number;
  logger: Logger;
  lookup?: LookupFunction;
  /** Also poll followed feeds and sitemaps (the per-source schedules live in Redis). */
  sources?: boolean;
}

export interface WorkerSet {
  workers: Worker[];
  /** Stops taking jobs and waits for the ones in flight (what SIGTERM does). */
  close(): Promise<void>;
}

/**
 * Young generation of a process-stage thread: 16 MB scavenges half as often as 8 MB for a few
 * MB more resident memory; V8's default (up to 32 MB per semi-space pair and more) costs far more.
 */
const PROCESS_THREAD_YOUNG_GENERATION_MB = 16;

/** The compiled thread entry (worker threads run JavaScript, so tests use the build too). */
function processThreadFile(): string {
  const here = fileURLToPath(import.meta.url);
  const file = here.endsWith('.ts') ? resolve(dirname(here), '../../dist/workers/process-thread.js') : resolve(dirname(here), 'process-thread.js');
  if (!existsSync(file)) throw new ClaimfeedError('INTERNAL', `Missing ${file}: run "npm run build"`);
  return file;
}

/** Threads of the process stage: `process.concurrency`, with 0 for one per CPU but one (at least one). */
function processThreadCount(configured: number): number {
  return configured > 0 ? configured : Math.max(1, availableParallelism() - 1);
}

export function startWorkers(pipeline: Pipeline, options: WorkerSetOptions): WorkerSet {
  const config = pipeline.config;
  const workers: Worker[] = [];
  const common = {
    connection: pipeline.redis,
    prefix: config.redis.prefix,
    lockDuration: config.queue.lockDurationMs,
    stalledInterval: config.queue.stalledIntervalMs,
    maxStalledCount: 5,
  };
  let fetchStage: FetchStage | null = null;
  if (options.stages.includes('fetch')) {
    const stage = new FetchStage(pipeline, options.logger, options.lookup === undefined ? {} : { lookup: options.lookup });
    fetchStage = stage;
    const worker = new Worker<FetchJobData, string>(QUEUE_NAMES.fetch, stage.process, {
      ...common,
      concurrency: options.fetchConcurrency ?? config.fetch.concurrency,
      settings: { backoffStrategy: fetchBackoff(config.fetch.backoffMs, config.fetch.retryAfterMaxMs) },
    });
    worker.on('error', (error) => options.logger.error('fetch worker error', { error }));
    workers.push(worker);
  }
  let threads: ProcessThreads | null = null;
  if (options.stages.includes('process')) {
    const concurrency = processThreadCount(options.processConcurrency ?? config.process.concurrency);
    const pool = new ProcessThreads(processThreadFile(), concurrency, processThreadOptions(config), config.process.jobTimeoutMs);
    threads = pool;
    const worker = new Worker<ProcessJobData, string>(QUEUE_NAMES.process, (job) => runProcessJob(pipeline, pool, options.logger, job), { ...common, concurrency });
    worker.on('error', (error) => options.logger.error('process worker error', { error }));
    workers.push(worker);
  }
  const sourceWorker = options.sources ? startSourceWorker(pipeline, options.logger, options.lookup === undefined ? {} : { lookup: options.lookup }) : null;
  if (sourceWorker) workers.push(sourceWorker.worker);
  const stopReconciler = startReconciler(pipeline, options.logger, config.queue.reconcileIntervalMs, config.queue.reconcileGraceMs);
  return {
    workers,
    async close() {
      stopReconciler();
      // A worker closed while its blocking connection is still connecting emits an error no one
      // can listen to (a short `run` closes them within milliseconds): let them connect first.
      await Promise.allSettled(workers.map((worker) => worker.waitUntilReady()));
      await Promise.allSettled(workers.map((worker) => worker.close()));
      await Promise.allSettled([fetchStage?.close(), threads?.close(), sourceWorker?.close()]);
    },
  };
}

function processThreadOptions(config: Config) {
  return {
    workerData: { config },
    resourceLimits: { maxOldGenerationSizeMb: config.process.heapLimitMb, maxYoungGenerationSizeMb: PROCESS_THREAD_YOUNG_GENERATION_MB },
  };
}

/** One process job on a thread; when the thread dies under it, the failure is recorded here. */
async function runProcessJob(pipeline: Pipeline, threads: ProcessThreads, logger: Logger, job: Job<ProcessJobData>): Promise<string> {
  const info: ProcessJobInfo = { id: job.id, attemptsMade: job.attemptsMade, attempts: job.opts.attempts ?? 1 };
  try {
    return await threads.run({ data: job.data, job: info });
  } catch (error) {
    if (!(error instanceof ProcessThreadLostError)) throw error;
    return failLostJob(pipeline, logger, job.data, info, error.failure);
  }
}

/**
 * A job whose thread died before it could record anything (the page needed more than the
 * thread's heap limit, the thread crashed or ran out of time): recorded here, by the parent.
 */
async function failLostJob(pipeline: Pipeline, logger: Logger, rawData: unknown, job: ProcessJobInfo, failure: ClaimfeedError): Promise<never> {
  const data: ProcessJobData = parseProcessJob(rawData);
  const store = pipeline.store;
  const attempt = job.attemptsMade + 1;
  const summary = await store.summary(data.articleId);
  if (!isCurrentJob(summary, data.version)) throw queueError(failure);
  const log = logger.child({ stage: 'process', jobId: job.id, articleId: data.articleId, url: summary.url, attempt });
  const extractionLog = newExtractionLog(data.articleId, summary.url, data.version, summary.source);
  return failAttempt(store, log, failure, { articleId: data.articleId, url: summary.url, number: attempt, of: job.attempts, extractionLog });
}

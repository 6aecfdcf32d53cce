import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import { ClaimfeedError } from '../errors.js';
import type { LookupFunction } from '../fetch/address-guard.js';
import type { Logger } from '../log.js';
import { type FetchJobData, type ProcessJobData, QUEUE_NAMES, type Stage } from '../queue/payloads.js';
import type { Pipeline } from '../queue/pipeline.js';
import { FetchStage, fetchBackoff } from './fetch-stage.js';

export interface WorkerSetOptions {
  stages: readonly Stage[];
  /** Fetch jobs in flight in this process. @defaultValue config.fetch.concurrency */
  fetchConcurrency?: number;
  /** Worker threads for strip + extract + emit. @defaultValue config.process.concurrency */
  processConcurrency?: number;
  logger: Logger;
  lookup?: LookupFunction;
}

export interface WorkerSet {
  workers: Worker[];
  /** Stops taking jobs and waits for the ones in flight (what SIGTERM does). */
  close(): Promise<void>;
}

/** The compiled sandbox entry (worker threads run JavaScript, so tests use the build too). */
export function processSandboxFile(): string {
  const here = fileURLToPath(import.meta.url);
  const file = here.endsWith('.ts') ? resolve(dirname(here), '../../dist/workers/process-sandbox.js') : resolve(dirname(here), 'process-sandbox.js');
  if (!existsSync(file)) throw new ClaimfeedError('INTERNAL', `Missing ${file}: run "npm run build"`);
  return file;
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
  if (options.stages.includes('process')) {
    const worker = new Worker<ProcessJobData, string>(QUEUE_NAMES.process, processSandboxFile(), {
      ...common,
      concurrency: options.processConcurrency ?? config.process.concurrency,
      useWorkerThreads: true,
      // A small young generation keeps the thread's resident memory down at little CPU cost.
      workerThreadsOptions: { workerData: { config }, resourceLimits: { maxYoungGenerationSizeMb: 8 } },
    });
    worker.on('error', (error) => options.logger.error('process worker error', { error }));
    workers.push(worker);
  }
  return {
    workers,
    async close() {
      await Promise.allSettled(workers.map((worker) => worker.close()));
      await fetchStage?.close();
    },
  };
}

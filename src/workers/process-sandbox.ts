/**
 * Entry point of the process stage inside a BullMQ sandbox (a worker thread). The parent passes
 * the resolved config in `workerData`; each thread keeps one Redis connection.
 */
import { workerData } from 'node:worker_threads';
import type { SandboxedJob } from 'bullmq';
import type { Redis } from 'ioredis';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { createLogger } from '../log.js';
import { createRedis } from '../queue/connection.js';
import { isRecord } from '../rules/table.js';
import { type ProcessContext, createProcessContext, processArticle } from './process-stage.js';

let context: ProcessContext | null = null;

function getContext(): ProcessContext {
  if (context) return context;
  const passed: unknown = isRecord(workerData) ? workerData.config : undefined;
  const config: Config = passed === undefined ? loadConfig() : loadConfig({ resolved: passed });
  const redis: Redis = createRedis(config.redis.url);
  redis.on('error', () => undefined);
  context = createProcessContext(config, redis, createLogger(config.log.level, { pid: process.pid }));
  return context;
}

export default async function processJob(job: SandboxedJob): Promise<string> {
  return processArticle(getContext(), job.data, { id: job.id, attemptsMade: job.attemptsMade, attempts: job.opts.attempts ?? 1 });
}

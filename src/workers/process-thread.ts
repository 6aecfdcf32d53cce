/**
 * Entry point of a process-stage worker thread (see process-threads.ts). The parent passes the
 * resolved config in `workerData` and one job per message; each thread keeps one Redis connection.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Redis } from 'ioredis';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { createLogger } from '../log.js';
import { createRedis } from '../queue/connection.js';
import { isRecord } from '../rules/table.js';
import { type ProcessContext, type ProcessJobInfo, createProcessContext, processArticle } from './process-stage.js';
import type { ProcessThreadReply } from './process-threads.js';

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

function jobInfo(value: unknown): ProcessJobInfo {
  const job = isRecord(value) ? value : {};
  return {
    id: typeof job.id === 'string' ? job.id : undefined,
    attemptsMade: typeof job.attemptsMade === 'number' ? job.attemptsMade : 0,
    attempts: typeof job.attempts === 'number' ? job.attempts : 1,
  };
}

async function runTask(message: unknown): Promise<ProcessThreadReply> {
  try {
    const task = isRecord(message) ? message : {};
    return { ok: true, value: await processArticle(getContext(), task.data, jobInfo(task.job)) };
  } catch (error) {
    return { ok: false, name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (message: unknown) => {
  void runTask(message).then((reply) => parentPort?.postMessage(reply));
});

import { loadConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { createLogger } from '../../src/log.js';
import { Pipeline } from '../../src/queue/pipeline.js';
import type { ArticleView } from '../../src/store/articles.js';
import { type WorkerSet, startWorkers } from '../../src/workers/run-workers.js';
import { TEST_REDIS_URL, dropPrefix, testPrefix } from './redis.js';

/** Config for tests: a unique prefix, loopback allowed, no politeness delay, fast retries. */
export function testConfig(overrides: Record<string, unknown> = {}): Config {
  return loadConfig({
    env: {},
    overrides: {
      'redis.url': TEST_REDIS_URL,
      'redis.prefix': testPrefix(),
      'fetch.allowPrivateNetworks': true,
      'fetch.hostMinDelayMs': 0,
      'fetch.hostMaxConcurrency': 8,
      'fetch.backoffMs': 50,
      'fetch.attempts': 2,
      'fetch.headersTimeoutMs': 1000,
      'fetch.bodyTimeoutMs': 1000,
      'fetch.totalTimeoutMs': 2000,
      'fetch.maxBytes': 200_000,
      'process.attempts': 2,
      'log.level': 'silent',
      ...overrides,
    },
  });
}

/** Config as environment variables, for CLI child processes. */
export function configEnv(config: Config): Record<string, string> {
  return {
    REDIS_URL: config.redis.url,
    CLAIMFEED_REDIS_PREFIX: config.redis.prefix,
    CLAIMFEED_FETCH_ALLOW_PRIVATE_NETWORKS: String(config.fetch.allowPrivateNetworks),
    CLAIMFEED_FETCH_HOST_MIN_DELAY_MS: String(config.fetch.hostMinDelayMs),
    CLAIMFEED_FETCH_HOST_MAX_CONCURRENCY: String(config.fetch.hostMaxConcurrency),
    CLAIMFEED_FETCH_BACKOFF_MS: String(config.fetch.backoffMs),
    CLAIMFEED_QUEUE_LOCK_DURATION_MS: String(config.queue.lockDurationMs),
    CLAIMFEED_QUEUE_STALLED_INTERVAL_MS: String(config.queue.stalledIntervalMs),
    CLAIMFEED_LOG_LEVEL: config.log.level,
  };
}

export interface TestPipeline {
  config: Config;
  pipeline: Pipeline;
  workers: WorkerSet | null;
  close(): Promise<void>;
}

export function openTestPipeline(config: Config, options: { workers?: boolean } = {}): TestPipeline {
  const pipeline = Pipeline.create(config);
  const workers = options.workers === false ? null : startWorkers(pipeline, { stages: ['fetch', 'process'], logger: createLogger('silent'), processConcurrency: 1 });
  return {
    config,
    pipeline,
    workers,
    async close() {
      await workers?.close();
      await pipeline.fetchQueue.obliterate({ force: true }).catch(() => undefined);
      await pipeline.processQueue.obliterate({ force: true }).catch(() => undefined);
      await dropPrefix(pipeline.redis, config.redis.prefix);
      await pipeline.close();
    },
  };
}

/** How long a finished article's extraction log may trail its status (a failure writes the status first). */
const LOG_GRACE_MS = 2_000;

/** Waits until every id is done or failed, and its extraction log is written (or the grace for it has passed). */
export async function waitFinished(pipeline: Pipeline, ids: readonly string[], timeoutMs = 20_000): Promise<ArticleView[]> {
  const deadline = Date.now() + timeoutMs;
  let finishedAt: number | undefined;
  for (;;) {
    const views = await Promise.all(ids.map((id) => pipeline.store.getArticle(id)));
    if (views.every((view) => view !== null && (view.status === 'done' || view.status === 'failed'))) {
      finishedAt ??= Date.now();
      if (views.every((view) => view?.log != null) || Date.now() - finishedAt > LOG_GRACE_MS) return views as ArticleView[];
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for articles: ${views.map((view, index) => `${ids[index]}=${view?.status ?? 'missing'}`).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every claim in the feed, oldest first. */
export async function feedClaimIds(pipeline: Pipeline): Promise<string[]> {
  const entries = await pipeline.redis.xrange(pipeline.store.feedStreamKey, '-', '+');
  return entries.map(([, fields]) => fields[fields.indexOf('id') + 1] ?? '');
}

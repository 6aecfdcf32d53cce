import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';
import type { Pipeline } from '../queue/pipeline.js';
import { createReviewServer, type ReviewServer } from './app.js';
import type { QueuedArticle } from './backend.js';
import { ServerMetrics } from './metrics.js';
import { createQueuesUi } from './queues-ui.js';
import { registerSourceMetrics } from './source-metrics.js';
import { SourceRegistry } from '../queue/source-registry.js';
import { createStoreBackend } from './store-backend.js';

export interface StartServerOptions {
  host: string;
  port: number;
  /** Empty or null: no token (allowed on loopback only). */
  token: string | null;
  logger: Logger;
}

export interface RunningServer {
  server: ReviewServer;
  address: AddressInfo;
  /** `http://host:port` as a user would type it. */
  origin: string;
  close(): Promise<void>;
}

/** The review server over an open pipeline: its store, its queues, its enqueue. */
export async function startReviewServer(pipeline: Pipeline, options: StartServerOptions): Promise<RunningServer> {
  const stageQueues = [
    { stage: 'fetch', queue: pipeline.fetchQueue },
    { stage: 'process', queue: pipeline.processQueue },
  ];
  const backend = createStoreBackend({ store: pipeline.store, stageQueues, enqueue: (urls) => enqueueForApi(pipeline, urls) });
  const metrics = new ServerMetrics(stageQueues, { followQueues: true });
  const sources = new SourceRegistry(pipeline);
  registerSourceMetrics(metrics.registry, () => sources.store.counters());
  const log = options.logger.child({ component: 'server' });
  const server = createReviewServer(
    { backend, metrics, sources, queuesUi: createQueuesUi(stageQueues.map(({ queue }) => queue)), log: (level, message, fields) => log[level](message, fields) },
    { host: options.host, port: options.port, token: options.token === '' ? null : options.token },
  );
  await metrics.start();
  const address = await server.listen();
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    address,
    origin: `http://${host}:${address.port}`,
    async close() {
      await server.close();
      await metrics.close();
      await sources.close();
    },
  };
}

/** Enqueue results in the API's terms: accepted is queued, a duplicate reports where it is. */
async function enqueueForApi(pipeline: Pipeline, urls: readonly string[]): Promise<QueuedArticle[]> {
  const report = await pipeline.enqueueUrls(urls);
  return Promise.all(
    report.results.map(async (result): Promise<QueuedArticle> => {
      if (result.articleId === null || (result.outcome === 'rejected' && result.error)) {
        return { id: result.articleId, url: result.url ?? result.input, outcome: 'rejected', status: 'rejected', ...(result.error ? { error: result.error } : {}) };
      }
      if (result.outcome === 'accepted') return { id: result.articleId, url: result.url ?? result.input, outcome: 'accepted', status: 'queued' };
      const summary = await pipeline.store.summary(result.articleId);
      return { id: result.articleId, url: result.url ?? result.input, outcome: 'duplicate', status: summary?.status ?? 'queued' };
    }),
  );
}

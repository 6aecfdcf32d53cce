import { ArticleStore } from '../store/articles.js';
import type { FeedReader, QueuedArticle, ServerBackend } from './backend.js';
import type { StageQueue } from './metrics.js';

export interface StoreBackendDeps {
  store: ArticleStore;
  /** Queues URLs the way `claimfeed enqueue` does (dedup, registration, fetch job). */
  enqueue(urls: readonly string[]): Promise<QueuedArticle[]>;
  stageQueues: readonly StageQueue[];
}

/** The server's view of claimfeed, read from the article store and its feed. */
export function createStoreBackend({ store, enqueue, stageQueues }: StoreBackendDeps): ServerBackend {
  return {
    getArticle: (id) => store.getArticle(id),
    listArticles: (options) => store.listArticles(options),
    listFailures: (options) => store.listFailures(options),
    listClaims: (filters) => store.listClaims(filters),
    enqueue,
    stageQueues,
    healthy: async () => (await store.redis.ping()) === 'PONG',
    openFeedReader: (): FeedReader => {
      // XREAD BLOCK holds its connection, so every stream reads on a connection of its own.
      const redis = store.redis.duplicate();
      const reader = new ArticleStore(redis, store.prefix, store.retention);
      let closed = false;
      return {
        read: (afterId, blockMs) => reader.readFeed(afterId, { blockMs, count: 100 }),
        latestId: async () => {
          const newest = await redis.xrevrange(store.feedStreamKey, '+', '-', 'COUNT', 1);
          return newest[0]?.[0] ?? '0-0';
        },
        close: async () => {
          if (closed) return;
          closed = true;
          redis.disconnect();
        },
      };
    },
  };
}

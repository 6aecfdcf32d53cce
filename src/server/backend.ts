import type { ClaimQuery, FeedClaim } from '../store/articles.js';
import type { ArticleReview, ArticleStatus, ArticleSummary } from '../review/view.js';
import type { StageQueue } from './metrics.js';

/** Filters of `GET /api/claims` and one feed entry: the store's own types. */
export type { ClaimQuery as ClaimFilters, FeedClaim as FeedEntry } from '../store/articles.js';

/**
 * One URL's answer to `POST /api/articles`: its article id and where it is now. A URL the
 * pipeline refused outright has `status: "rejected"`, a null id and the error.
 */
export interface QueuedArticle {
  id: string | null;
  url: string;
  /** What this request did with the URL: queued it, found it already known, or refused it. */
  outcome: 'accepted' | 'duplicate' | 'rejected';
  status: ArticleStatus | 'rejected';
  error?: { code: string; message: string };
}

/**
 * What the HTTP server needs from the rest of claimfeed. `serve` and `up` build one over the
 * article store and the queues; the server itself never touches Redis keys directly.
 */
export interface ServerBackend {
  getArticle(id: string): Promise<ArticleReview | null>;
  listArticles(options: { limit?: number }): Promise<ArticleSummary[]>;
  listFailures(options: { limit?: number }): Promise<unknown[]>;
  listClaims(filters: ClaimQuery): Promise<{ claims: FeedClaim[]; next: string | null }>;
  /**
   * Feed entries after `afterId` ("$" for only new ones), waiting up to `blockMs` for some.
   * Each call may block, so each stream gets its own reader from `openFeedReader`.
   */
  openFeedReader(): FeedReader;
  enqueue(urls: readonly string[]): Promise<QueuedArticle[]>;
  /** True when Redis answers. */
  healthy(): Promise<boolean>;
  stageQueues: readonly StageQueue[];
}

export interface FeedReader {
  read(afterId: string, blockMs: number): Promise<FeedClaim[]>;
  /** The id of the newest entry now, so a stream started without Last-Event-ID skips history. */
  latestId(): Promise<string>;
  close(): Promise<void>;
}

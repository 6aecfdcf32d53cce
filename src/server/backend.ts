import type { ClaimRecord } from '../model/claim.js';
import type { ArticleReview, ArticleStatus, ArticleSummary } from '../review/view.js';
import type { StageQueue } from './metrics.js';

/** Filters of `GET /api/claims`, as the store takes them. */
export interface ClaimFilters {
  article?: string;
  actor?: string;
  kind?: ClaimRecord['kind'];
  since?: string | number;
  cursor?: string;
  limit?: number;
}

export interface FeedEntry {
  /** Redis Stream entry id: the SSE event id and the resume point. */
  streamId: string;
  claim: ClaimRecord;
}

export interface QueuedArticle {
  id: string;
  url: string;
  status: ArticleStatus;
}

/**
 * What the HTTP server needs from the rest of claimfeed. `serve` and `up` build one over the
 * article store and the queues; the server itself never touches Redis keys directly.
 */
export interface ServerBackend {
  getArticle(id: string): Promise<ArticleReview | null>;
  listArticles(options: { limit?: number }): Promise<ArticleSummary[]>;
  listFailures(options: { limit?: number }): Promise<unknown[]>;
  listClaims(filters: ClaimFilters): Promise<{ claims: FeedEntry[]; next: string | null }>;
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
  read(afterId: string, blockMs: number): Promise<FeedEntry[]>;
  /** The id of the newest entry now, so a stream started without Last-Event-ID skips history. */
  latestId(): Promise<string>;
  close(): Promise<void>;
}

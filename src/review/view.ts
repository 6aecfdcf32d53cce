import type { Article } from '../model/article.js';
import type { ClaimRecord } from '../model/claim.js';

/** Where an article is in the pipeline, as the API and the review page report it. */
export type ArticleStatus = 'queued' | 'fetching' | 'processing' | 'done' | 'failed';

export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['queued', 'fetching', 'processing', 'done', 'failed'];

export function isFinalStatus(status: ArticleStatus): boolean {
  return status === 'done' || status === 'failed';
}

/** Everything the review page and `claimfeed review` show for one article. */
export interface ArticleReview {
  id: string;
  url: string;
  status: ArticleStatus;
  article: Article | null;
  claims: ClaimRecord[];
  /** The stored extraction log; its shape is documented with the pipeline and shown as data. */
  log: unknown;
  failure: { code: string; message: string } | null;
  /** The article this one is the same story as (its claims are there, not here). */
  duplicateOf?: string | null;
}

/** One row of the recent-articles list. */
export interface ArticleSummary {
  id: string;
  url: string;
  status: ArticleStatus;
  title: string | null;
  claimCount: number;
  updatedAt: string | null;
  failure?: { code: string; message: string } | null;
}

/**
 * claimfeed as a library: `import { stripArticle, extractClaims, readFeed } from 'claimfeed'`.
 * The extractors are pure (HTML in, article out; text in, claims out); the clients talk to the
 * Redis a claimfeed deployment runs on.
 */
export { stripArticle, type StripOptions } from './extractors/strip/index.js';
export { extractClaims, claimId, CLAIM_SCHEMA_VERSION, EXTRACTOR_VERSION, type ExtractClaimsOptions } from './extractors/claims/index.js';
export { decodeHtmlBytes, type DecodedHtml } from './extractors/decode.js';
export { claimArticleOf } from './model/claim-article.js';
export { ClaimfeedError, type ErrorCode } from './errors.js';
export { readFeed, type FeedFilters, type FeedItem, type ReadFeedOptions } from './client/read-feed.js';
export { createEnqueueClient, enqueue, type EnqueueClient, type EnqueueReport, type EnqueueResult } from './client/enqueue-client.js';
export type { ConnectionOptions } from './client/config.js';
export type { Article, ArticleBlock, ArticleLanguage, RemovedBlock } from './model/article.js';
export type {
  ActorMention,
  ActorType,
  Attribution,
  ClaimArticle,
  ClaimExtraction,
  ClaimKind,
  ClaimRecord,
  Figure,
  FigureKind,
  RejectedCandidate,
  Span,
} from './model/claim.js';
export type { ErrorBody, ExtractArticle, ExtractErrorLine, ExtractLine, ExtractResultLine, FeedLine, RunClaimLine, RunErrorLine, RunLine } from './model/lines.js';
export type { ClaimFilters } from './store/claim-filters.js';

/**
 * Every error claimfeed raises carries a stable machine `code` (branch on it, never on the
 * message) and a retry policy: `permanent` errors are not retried by the workers.
 */
export type ErrorCode =
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNREADABLE'
  | 'INPUT_EMPTY'
  | 'INPUT_BINARY'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_TOO_DEEP'
  | 'NOT_AN_ARTICLE'
  | 'ARTICLE_EMPTY'
  | 'PROCESS_OUT_OF_MEMORY'
  | 'PROCESS_TIMEOUT'
  | 'JOB_LOST'
  | 'USAGE'
  | 'CONFIG_INVALID'
  | 'RULE_TABLE_INVALID'
  | 'FETCH_FAILED'
  | 'FETCH_TIMEOUT'
  | 'FETCH_HTTP_STATUS'
  | 'FETCH_TOO_LARGE'
  | 'FETCH_NOT_HTML'
  | 'FETCH_REDIRECT_LIMIT'
  | 'FETCH_BLOCKED_ADDRESS'
  | 'FETCH_BLOCKED_SCHEME'
  | 'FETCH_ROBOTS_DISALLOWED'
  | 'FETCH_RATE_LIMITED'
  | 'INVALID_URL'
  | 'SOURCE_MALFORMED'
  | 'SOURCE_HTML_NOT_FEED'
  | 'SOURCE_UNRECOGNIZED'
  | 'SOURCE_ENTITY_DECLARATION'
  | 'SOURCE_GZIP_TOO_LARGE'
  | 'SOURCE_NOT_DISCOVERED'
  | 'SOURCE_ITEM_NO_LINK'
  | 'SOURCE_ITEM_BAD_SCHEME'
  | 'SOURCE_ITEM_DUPLICATE'
  | 'SOURCE_TOO_MANY_ITEMS'
  | 'SOURCE_SITEMAP_LOOP'
  | 'SOURCE_SITEMAP_LIMIT'
  | 'SOURCE_SITEMAP_FAILED'
  | 'REDIS_UNAVAILABLE'
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_MANY_STREAMS'
  | 'SERVER_TOKEN_REQUIRED'
  | 'HOST_NOT_ALLOWED'
  | 'INTERNAL';

export interface ClaimfeedErrorOptions {
  permanent?: boolean;
  cause?: unknown;
  details?: Record<string, unknown>;
}

export class ClaimfeedError extends Error {
  override name = 'ClaimfeedError';
  readonly code: ErrorCode;
  /** A permanent error will fail the same way on retry (404, not an article, bad input). */
  readonly permanent: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: ClaimfeedErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.permanent = options.permanent ?? true;
    this.details = options.details;
  }

  toJSON(): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Wraps anything thrown into a ClaimfeedError, keeping the original as `cause`. */
export function toClaimfeedError(error: unknown): ClaimfeedError {
  if (error instanceof ClaimfeedError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ClaimfeedError('INTERNAL', message, { cause: error, permanent: false });
}

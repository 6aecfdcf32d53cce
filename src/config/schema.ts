/**
 * The runtime configuration. Defaults live in config/default.json; every leaf there is a key,
 * overridable by a file (--config / CLAIMFEED_CONFIG) and by the environment variable named
 * after it in upper snake case (fetch.hostMinDelayMs → CLAIMFEED_FETCH_HOST_MIN_DELAY_MS).
 * `redis.url` also reads REDIS_URL.
 */
export interface Config {
  redis: {
    /** @defaultValue redis://127.0.0.1:6379 */
    url: string;
    /** Key prefix for queues, the feed and the stores; braces make it a Redis Cluster hash tag. */
    prefix: string;
  };
  fetch: {
    userAgent: string;
    /** The product token matched against robots.txt User-agent lines. */
    robotsUserAgent: string;
    /** Allow fetching private, loopback and link-local addresses. @defaultValue false */
    allowPrivateNetworks: boolean;
    allowedSchemes: string[];
    /** Minimum gap between two requests to one host, across all workers. @defaultValue 1000 */
    hostMinDelayMs: number;
    /** Requests in flight to one host, across all workers. @defaultValue 2 */
    hostMaxConcurrency: number;
    /** Honour robots.txt. @defaultValue true */
    robots: boolean;
    /** How long fetched robots.txt rules are cached. @defaultValue 3600 */
    robotsTtlSeconds: number;
    /** How long a robots.txt that could not be fetched (5xx, timeout) is not asked again. @defaultValue 120 */
    robotsFailureTtlSeconds: number;
    connectTimeoutMs: number;
    headersTimeoutMs: number;
    bodyTimeoutMs: number;
    totalTimeoutMs: number;
    maxBytes: number;
    maxRedirects: number;
    contentTypes: string[];
    attempts: number;
    backoffMs: number;
    retryAfterMaxMs: number;
    concurrency: number;
  };
  process: {
    /**
     * Strip + extract jobs at once per worker process (worker threads); 0 means one per CPU
     * but one, at least one: the main thread's fetching and queue work needs a core too.
     * @defaultValue 0
     */
    concurrency: number;
    attempts: number;
    /**
     * V8 old-generation limit of each process-stage thread. Besides capping a thread, a limit at
     * or under 256 MB makes V8 collect sooner (its heap grows by at most 1.3× the live size
     * instead of up to 4×), which is most of a worker's resident memory. A page that needs more
     * fails with PROCESS_OUT_OF_MEMORY. @defaultValue 256
     */
    heapLimitMb: number;
    /**
     * A page still processing after this long fails with PROCESS_TIMEOUT (not retried: it would
     * take as long again) and its thread is replaced. @defaultValue 120000
     */
    jobTimeoutMs: number;
  };
  store: {
    bodyTtlSeconds: number;
    /** Retention of article records, extraction logs and claims per article. */
    articleTtlSeconds: number;
    /** Extraction logs kept per article (one per version; older versions are dropped). */
    logVersions: number;
  };
  feed: {
    maxLength: number;
    maxAgeHours: number;
    /** A pending feed entry idle this long is handed to another consumer of the group. */
    claimIdleMs: number;
  };
  queue: {
    keepCompletedSeconds: number;
    keepCompletedCount: number;
    keepFailedSeconds: number;
    keepFailedCount: number;
    /** How long a job's lock lasts without renewal; a dead worker's job is retried after it. */
    lockDurationMs: number;
    /** How often workers look for jobs whose worker died. */
    stalledIntervalMs: number;
    /**
     * How often a worker process looks for articles left in flight whose job failed or vanished
     * (a Redis write refused mid-job) and records them as failed (JOB_LOST). @defaultValue 60000
     */
    reconcileIntervalMs: number;
    /** An article untouched for less than this is never judged lost. @defaultValue 120000 */
    reconcileGraceMs: number;
  };
  dedup: {
    /** Query parameters dropped from URLs before the article id is computed; `*` is a wildcard. */
    trackingParams: string[];
  };
  sources: {
    /** Poll period of a followed feed or sitemap unless `sources add --every` says otherwise. @defaultValue 600000 (10 min) */
    everyMs: number;
    /** The shortest `--every` accepted. @defaultValue 60000 */
    minEveryMs: number;
    /** On first add, only items published in the last this many hours are queued (`--since`). @defaultValue 48 */
    sinceHours: number;
    /** Items kept from one feed or sitemap document (the newest). @defaultValue 1000 */
    maxItems: number;
    /** Nested sitemaps fetched per poll of a sitemap index. @defaultValue 50 */
    maxSitemaps: number;
    /** Levels of sitemap indexes followed below the first. @defaultValue 3 */
    maxSitemapDepth: number;
    /** Item URLs remembered per source (the most recently listed); older ones are forgotten. @defaultValue 20000 */
    seenMax: number;
    /** A source's remembered item URLs expire after this long without a poll. @defaultValue 2592000 (30 days) */
    seenTtlSeconds: number;
    /** A source failing for this long is marked unhealthy (and still polled, with backoff). @defaultValue 86400000 (a day) */
    unhealthyAfterMs: number;
    /** The longest a failing source waits between polls. @defaultValue 21600000 (6 h) */
    maxBackoffMs: number;
    /** Polls in flight per worker process (I/O-bound: mostly waiting on the origin and Redis). @defaultValue 64 */
    concurrency: number;
    /** New items remembered per source for `sources show` and the Sources page. @defaultValue 20 */
    recentItems: number;
  };
  log: {
    level: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  };
  server: {
    /** Address `serve` and `up` bind. @defaultValue 127.0.0.1 (loopback only) */
    host: string;
    /** @defaultValue 8080 */
    port: number;
    /** Bearer token for write endpoints and /queues; required when host is not loopback. Empty = none. */
    token: string;
  };
}

type Check = (value: unknown) => string | null;

const positive: Check = (value) => (typeof value === 'number' && value > 0 ? null : 'must be greater than 0');
const nonNegative: Check = (value) => (typeof value === 'number' && value >= 0 ? null : 'must be 0 or more');
const whole: Check = (value) => (Number.isInteger(value) ? null : 'must be a whole number');
const nonEmpty: Check = (value) => (typeof value === 'string' && value.trim() !== '' ? null : 'must not be empty');

/** Constraints beyond the type, which comes from the default value. */
export const constraints: Record<string, Check[]> = {
  'redis.url': [(value) => (typeof value === 'string' && /^rediss?:\/\//.test(value) ? null : 'must be a redis:// or rediss:// URL')],
  'redis.prefix': [nonEmpty, (value) => (typeof value === 'string' && !value.includes(':') ? null : 'must not contain ":"')],
  'fetch.userAgent': [nonEmpty],
  'fetch.robotsUserAgent': [nonEmpty],
  'fetch.hostMinDelayMs': [nonNegative, whole],
  'fetch.hostMaxConcurrency': [positive, whole],
  'fetch.robotsTtlSeconds': [positive, whole],
  'fetch.robotsFailureTtlSeconds': [positive, whole],
  'fetch.connectTimeoutMs': [positive],
  'fetch.headersTimeoutMs': [positive],
  'fetch.bodyTimeoutMs': [positive],
  'fetch.totalTimeoutMs': [positive],
  'fetch.maxBytes': [positive, whole],
  'fetch.maxRedirects': [nonNegative, whole],
  'fetch.attempts': [positive, whole],
  'fetch.backoffMs': [nonNegative],
  'fetch.retryAfterMaxMs': [nonNegative],
  'fetch.concurrency': [positive, whole],
  'process.concurrency': [nonNegative, whole],
  'process.attempts': [positive, whole],
  'process.jobTimeoutMs': [positive, whole],
  'process.heapLimitMb': [whole, (value) => (typeof value === 'number' && value >= 32 ? null : 'must be at least 32')],
  'store.bodyTtlSeconds': [positive, whole],
  'store.articleTtlSeconds': [positive, whole],
  'store.logVersions': [positive, whole],
  'feed.maxLength': [positive, whole],
  'feed.maxAgeHours': [positive],
  'feed.claimIdleMs': [nonNegative, whole],
  'queue.keepCompletedSeconds': [nonNegative, whole],
  'queue.keepCompletedCount': [nonNegative, whole],
  'queue.keepFailedSeconds': [nonNegative, whole],
  'queue.keepFailedCount': [nonNegative, whole],
  'queue.lockDurationMs': [positive, whole],
  'queue.stalledIntervalMs': [positive, whole],
  'queue.reconcileIntervalMs': [positive, whole],
  'queue.reconcileGraceMs': [nonNegative, whole],
  'sources.everyMs': [positive, whole],
  'sources.minEveryMs': [positive, whole],
  'sources.sinceHours': [positive],
  'sources.maxItems': [positive, whole],
  'sources.maxSitemaps': [positive, whole],
  'sources.maxSitemapDepth': [nonNegative, whole],
  'sources.seenMax': [positive, whole],
  'sources.seenTtlSeconds': [positive, whole],
  'sources.unhealthyAfterMs': [positive, whole],
  'sources.maxBackoffMs': [positive, whole],
  'sources.concurrency': [positive, whole],
  'sources.recentItems': [positive, whole],
  'server.host': [nonEmpty],
  'server.token': [(value) => (typeof value === 'string' && (value === '' || (value.trim() !== '' && value.trim() === value)) ? null : 'must not be only whitespace nor start or end with it (leave it empty for no token)')],
  'server.port': [nonNegative, whole, (value) => (typeof value === 'number' && value <= 65535 ? null : 'must be at most 65535')],
  'log.level': [(value) => (['debug', 'info', 'warn', 'error', 'silent'].includes(String(value)) ? null : 'must be one of debug, info, warn, error, silent')],
};

/** Environment names that differ from the CLAIMFEED_<UPPER_SNAKE> rule. */
export const envAliases: Record<string, string[]> = {
  'redis.url': ['REDIS_URL'],
};

export function envName(key: string): string {
  return `CLAIMFEED_${key.replace(/\./g, '_').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

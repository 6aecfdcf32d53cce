import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClaimfeedError, toClaimfeedError } from '../errors.js';
import { REVIEW_CSS, REVIEW_JS } from '../review/assets.js';
import { renderSearchPage } from '../review/search-page.js';
import { openApiDocument } from './openapi.js';
import { ASSET_PATHS, renderArticlePage, renderErrorPage, renderIndexPage } from '../review/html.js';
import { bearerToken, checkBindSecurity, isLoopbackHost, requireToken } from './auth.js';
import { claimRow } from '../export/claim-row.js';
import { csvHeader, csvRecord } from '../export/csv.js';
import { streamIdMs } from '../store/claim-filters.js';
import type { FeedEntry, QueuedArticle, ServerBackend } from './backend.js';
import { type UrlEntry, parseClaimFilters, parseEnqueueBody, parseLimit, urlsFromForm } from './requests.js';
import { markRequestStart, readFormBody, readJsonBody, sendError, sendHtml, sendJson, statusForError } from './http.js';
import type { ServerMetrics } from './metrics.js';
import { Router, type RequestContext } from './router.js';
import { QUEUES_CSP, REVIEW_CSP, hostHeaderAllowed, isSameOriginPost, setSecurityHeaders } from './security.js';
import { type SourceApi, addSourceRoutes } from './source-routes.js';
import { streamClaims } from './sse.js';

export interface ServerOptions {
  /** @defaultValue "127.0.0.1" */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Bearer token for write endpoints and /queues; required when `host` is not loopback. */
  token: string | null;
  /** @defaultValue 1 MiB */
  maxBodyBytes?: number;
  /** Concurrent Server-Sent Event streams; each holds a Redis connection. @defaultValue 64 */
  maxStreams?: number;
  /**
   * Longest a request may wait on Redis before it is answered 503 (Redis connections queue
   * commands while reconnecting, so without a deadline a request would hang). @defaultValue 10000
   */
  backendTimeoutMs?: number;
}

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface ServerDeps {
  backend: ServerBackend;
  metrics: ServerMetrics;
  /** Bull Board's request handler, mounted at /queues. */
  queuesUi?: RequestListener;
  /** Followed feeds and sitemaps (`/api/sources`, `/sources`). */
  sources?: SourceApi;
  /** Structured log line (JSON); the server never writes to the console itself. */
  log?: (level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>) => void;
}

export interface ReviewServer {
  server: Server;
  /** Resolves with the bound address once listening. */
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

const QUEUES_PATH = '/queues';

export function createReviewServer(deps: ServerDeps, options: ServerOptions): ReviewServer {
  const token = options.token === null || options.token === '' ? null : options.token;
  checkBindSecurity(options.host, token);
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const backendTimeoutMs = options.backendTimeoutMs ?? 10_000;
  const streams = { open: 0, max: options.maxStreams ?? 64 };
  const log = deps.log ?? (() => undefined);
  const { backend } = deps;
  const closing = new AbortController();
  const boundToLoopback = isLoopbackHost(options.host);

  const router = new Router()
    .add('GET', '/', async ({ res, url }) => {
      const articles = await backend.listArticles({ limit: 50 });
      const queued = url.searchParams.get('queued');
      sendHtml(res, 200, renderIndexPage(articles, { tokenRequired: token !== null }, queued === null ? null : `Queued ${queued} URL(s).`));
    })
    .add('GET', '/articles/:id', async ({ res, params }) => {
      const review = await backend.getArticle(params['id'] as string);
      if (review === null) throw new ClaimfeedError('NOT_FOUND', `No article with id ${params['id']}`);
      sendHtml(res, 200, renderArticlePage(review));
    })
    .add('GET', '/claims', async ({ res, url }) => {
      const q = (url.searchParams.get('q') ?? '').trim();
      const cursor = url.searchParams.get('cursor');
      const filters = parseClaimFilters(new URLSearchParams({ q, limit: '50', ...(cursor ? { cursor } : {}) }));
      const page = q === '' ? { claims: [], next: null } : await backend.listClaims({ q: filters.q ?? q, limit: 50, ...(filters.cursor ? { cursor: filters.cursor } : {}) });
      sendHtml(res, 200, renderSearchPage(q, page.claims, page.next));
    })
    .add('POST', '/articles', async ({ req, res }) => {
      if (!isSameOriginPost(req)) throw new ClaimfeedError('UNAUTHORIZED', 'Cross-site form posts are refused');
      const form = await readFormBody(req, maxBodyBytes);
      requireToken(bearerToken(req) ?? nonEmpty(form.get('token')), token);
      const queued = await enqueueEntries(backend, urlsFromForm(form));
      const only = queued.length === 1 ? queued[0] : undefined;
      if (only?.error !== undefined) throw new ClaimfeedError('BAD_REQUEST', `${only.url}: ${only.error.message}`);
      const rejected = queued.filter((item) => item.outcome === 'rejected');
      if (rejected.length > 0) {
        // Say which URLs were refused and why, on the page itself; the others are queued.
        const counts = batchCounts(queued);
        const reasons = rejected.map((item) => `${item.url}: ${item.error?.message ?? 'refused'}`).join('; ');
        sendHtml(res, 200, renderIndexPage(await backend.listArticles({ limit: 50 }), { tokenRequired: token !== null }, `Queued ${counts.accepted}, ${counts.duplicate} already known, ${counts.rejected} rejected: ${reasons}`));
        return;
      }
      const location = only?.id ? `/articles/${encodeURIComponent(only.id)}` : `/?queued=${queued.filter((item) => item.id !== null).length}`;
      res.writeHead(303, { location, 'content-length': 0 });
      res.end();
    })
    .add('GET', ASSET_PATHS.css, ({ res }) => sendAsset(res, 'text/css; charset=utf-8', REVIEW_CSS))
    .add('GET', ASSET_PATHS.js, ({ res }) => sendAsset(res, 'text/javascript; charset=utf-8', REVIEW_JS))
    .add('POST', '/api/articles', async ({ req, res }) => {
      requireToken(bearerToken(req), token);
      const articles = await enqueueEntries(backend, parseEnqueueBody(await readJsonBody(req, maxBodyBytes)));
      const first = articles.find((item) => item.error !== undefined);
      // A batch where nothing could be queued is a bad request; otherwise each URL says what became of it.
      if (first?.error !== undefined && articles.every((item) => item.outcome === 'rejected')) throw new ClaimfeedError('BAD_REQUEST', first.error.message);
      sendJson(res, 202, { ...batchCounts(articles), articles });
    })
    .add('GET', '/api/articles', async ({ res, url }) => {
      sendJson(res, 200, { articles: await backend.listArticles({ limit: parseLimit(url.searchParams, 50, 500) }) });
    })
    .add('GET', '/api/articles/:id', async ({ res, params }) => {
      const review = await backend.getArticle(params['id'] as string);
      if (review === null) throw new ClaimfeedError('NOT_FOUND', `No article with id ${params['id']}`);
      sendJson(res, 200, review);
    })
    .add('GET', '/api/claims', async ({ res, url }) => {
      const { until, format, ...filters } = parseClaimFilters(url.searchParams);
      // The feed is read newest first, so starting just after `until` skips everything later.
      if (until !== undefined && filters.article === undefined && filters.cursor === undefined) filters.cursor = `${until + 1}-0`;
      const page = await backend.listClaims(filters);
      const body = until === undefined ? page : { ...page, claims: page.claims.filter((entry) => streamIdMs(entry.streamId) <= until) };
      if (format === 'csv') sendClaimsCsv(res, body);
      else sendJson(res, 200, body);
    })
    .add('GET', '/api/claims/stream', async ({ req, res }) => {
      if (streams.open >= streams.max) throw new ClaimfeedError('TOO_MANY_STREAMS', `At most ${streams.max} claim streams at once`);
      streams.open++;
      try {
        await streamClaims(req, res, backend.openFeedReader(), closing.signal);
      } finally {
        streams.open--;
      }
    })
    .add('GET', '/api/openapi.json', ({ res }) => {
      const document = openApiDocument();
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(document), 'cache-control': 'public, max-age=300' });
      res.end(document);
    })
    .add('GET', '/api/failures', async ({ res, url }) => {
      sendJson(res, 200, { failures: await backend.listFailures({ limit: parseLimit(url.searchParams, 100, 1000) }) });
    })
    .add('GET', '/healthz', async ({ res }) => {
      const redis = await withDeadline(backend.healthy(), Math.min(2000, backendTimeoutMs)).catch(() => false);
      sendJson(res, redis ? 200 : 503, { status: redis ? 'ok' : 'degraded', redis: redis ? 'ok' : 'unavailable' });
    })
    .add('GET', '/metrics', async ({ res }) => {
      const body = await deps.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': deps.metrics.registry.contentType, 'cache-control': 'no-store' });
      res.end(body);
    });

  if (deps.sources) addSourceRoutes(router, deps.sources, { token, maxBodyBytes });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = process.hrtime.bigint();
    markRequestStart(res);
    let route = 'unmatched';
    res.on('finish', () => {
      deps.metrics.observeRequest(req.method ?? 'GET', route, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    });
    const url = parseRequestUrl(req);
    const isApi = url !== null && (url.pathname.startsWith('/api/') || url.pathname === '/metrics' || url.pathname === '/healthz');
    try {
      if (url === null) throw new ClaimfeedError('BAD_REQUEST', 'Malformed request URL');
      if (!hostHeaderAllowed(req, boundToLoopback)) throw new ClaimfeedError('HOST_NOT_ALLOWED', 'This server only answers requests addressed to localhost or 127.0.0.1');
      if (url.pathname === QUEUES_PATH || url.pathname.startsWith(`${QUEUES_PATH}/`)) {
        route = QUEUES_PATH;
        setSecurityHeaders(res, QUEUES_CSP);
        serveQueuesUi(req, res);
        return;
      }
      setSecurityHeaders(res, REVIEW_CSP);
      const match = router.match(req.method ?? 'GET', url.pathname);
      if (match.kind === 'not-found') throw new ClaimfeedError('NOT_FOUND', `No route for ${url.pathname}`);
      if (match.kind === 'method-not-allowed') {
        res.setHeader('allow', match.allowed.join(', '));
        throw new ClaimfeedError('METHOD_NOT_ALLOWED', `${req.method ?? ''} is not allowed on ${url.pathname}; use ${match.allowed.join(' or ')}`);
      }
      route = match.pattern;
      const context: RequestContext = { req, res, url, params: match.params };
      // A stream stays open; adding a source fetches the site (its own fetch timeouts bound it).
      if (match.pattern === '/api/claims/stream' || (match.pattern === '/api/sources' && req.method === 'POST')) await match.handler(context);
      else await withDeadline(match.handler(context), backendTimeoutMs);
    } catch (error) {
      const failure = toClaimfeedError(error);
      if (statusForError(failure) >= 500) log('error', 'request failed', { method: req.method, path: url?.pathname, code: failure.code, error: failure.message });
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const headers: Record<string, string> = failure.code === 'UNAUTHORIZED' ? { 'www-authenticate': 'Bearer realm="claimfeed"' } : {};
      if (isApi || !acceptsHtml(req)) sendError(res, failure, headers);
      else sendHtml(res, statusForError(failure), errorPage(failure));
    }
  };

  /** Bull Board can change queues (retry, clean, remove), so it sits behind the token too. */
  const serveQueuesUi = (req: IncomingMessage, res: ServerResponse): void => {
    if (token !== null) {
      const given = bearerToken(req) ?? basicPassword(req);
      try {
        requireToken(given, token);
      } catch {
        // Basic auth lets a browser ask for the token; the user name is ignored.
        res.writeHead(401, { 'www-authenticate': 'Basic realm="claimfeed queues"', 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'UNAUTHORIZED', message: 'The queue dashboard needs the API token' } }));
        return;
      }
    }
    if (!deps.queuesUi) throw new ClaimfeedError('NOT_FOUND', 'The queue dashboard is not enabled');
    deps.queuesUi(req, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log('error', 'request handler crashed', { error: String(error) });
      if (!res.headersSent) sendError(res, new ClaimfeedError('INTERNAL', 'Internal server error'));
      else res.destroy();
    });
  });
  server.on('clientError', (error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy(error);
  });

  return {
    server,
    listen: () =>
      new Promise<AddressInfo>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          log('info', 'server listening', { host: address.address, port: address.port, tokenRequired: token !== null });
          resolve(address);
        });
      }),
    close: async () => {
      closing.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** A page of claims as CSV (the columns of `claimfeed export`); the next page's cursor goes in `x-next-cursor`. */
function sendClaimsCsv(res: ServerResponse, page: { claims: FeedEntry[]; next: string | null }): void {
  const body = csvHeader() + page.claims.map((entry) => csvRecord(claimRow(entry))).join('');
  const headers: Record<string, string | number> = { 'content-type': 'text/csv; charset=utf-8; header=present', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' };
  if (page.next !== null) headers['x-next-cursor'] = page.next;
  res.writeHead(200, headers);
  res.end(body);
}

/** Rejects with REDIS_UNAVAILABLE when `work` takes longer than `ms`. */
async function withDeadline<T>(work: Promise<T> | T, ms: number): Promise<T> {
  const pending = Promise.resolve(work);
  // A late failure after the 503 was sent must not become an unhandled rejection.
  pending.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ClaimfeedError('REDIS_UNAVAILABLE', `Redis did not answer within ${ms} ms`, { permanent: false })), ms);
  });
  try {
    return await Promise.race([pending, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function sendAsset(res: ServerResponse, type: string, body: string): void {
  res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'public, max-age=300' });
  res.end(body);
}

function parseRequestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

function acceptsHtml(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/html');
}

function nonEmpty(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}

function basicPassword(req: IncomingMessage): string | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? null : decoded.slice(colon + 1);
}

function errorPage(error: ClaimfeedError): string {
  const status = statusForError(error);
  const message = status >= 500 && error.code === 'INTERNAL' ? 'Internal server error' : error.message;
  return renderErrorPage(status, error.code, message);
}

/** Queues the valid URLs of a batch and answers every URL in request order. */
async function enqueueEntries(backend: ServerBackend, entries: readonly UrlEntry[]): Promise<QueuedArticle[]> {
  const valid = entries.filter((entry) => entry.error === undefined).map((entry) => entry.url);
  const queued = valid.length > 0 ? await backend.enqueue(valid) : [];
  let next = 0;
  return entries.map((entry): QueuedArticle => {
    if (entry.error !== undefined) return { id: null, url: entry.url, outcome: 'rejected', status: 'rejected', error: entry.error };
    return queued[next++] ?? { id: null, url: entry.url, outcome: 'rejected', status: 'rejected', error: { code: 'INTERNAL', message: 'no answer for this URL' } };
  });
}

function batchCounts(articles: readonly QueuedArticle[]): { accepted: number; duplicate: number; rejected: number } {
  const counts = { accepted: 0, duplicate: 0, rejected: 0 };
  for (const article of articles) counts[article.outcome]++;
  return counts;
}

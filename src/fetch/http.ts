import { Agent, request } from 'undici';
import type { Config } from '../config/schema.js';
import { ClaimfeedError } from '../errors.js';
import type { RedirectHop } from '../model/extraction-log.js';
import { type LookupFunction, assertHostAllowed, guardedLookup } from './address-guard.js';
import type { ConditionalHeaders, FetchOptions, FetchedPage } from './types.js';

export type { ConditionalHeaders, FetchOptions, FetchedPage } from './types.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function fetchOptionsFromConfig(config: Config): FetchOptions {
  const fetch = config.fetch;
  return {
    userAgent: fetch.userAgent,
    allowPrivateNetworks: fetch.allowPrivateNetworks,
    allowedSchemes: fetch.allowedSchemes,
    connectTimeoutMs: fetch.connectTimeoutMs,
    headersTimeoutMs: fetch.headersTimeoutMs,
    bodyTimeoutMs: fetch.bodyTimeoutMs,
    totalTimeoutMs: fetch.totalTimeoutMs,
    maxBytes: fetch.maxBytes,
    maxRedirects: fetch.maxRedirects,
    contentTypes: fetch.contentTypes,
  };
}

/**
 * The only undici user. One GET with redirects followed by hand (each hop's scheme and address
 * checked, the chain recorded, loops and long chains refused), connect/header/body timeouts plus
 * an overall deadline, a byte cap and a content-type allow-list. Bodies are always read or dumped.
 */
export class Fetcher {
  private readonly agent: Agent;
  private readonly resolved = new Map<string, string>();

  constructor(
    readonly options: FetchOptions,
    lookup?: LookupFunction,
  ) {
    this.agent = new Agent({
      connect: {
        timeout: options.connectTimeoutMs,
        lookup: guardedLookup(options.allowPrivateNetworks, lookup, (host, address) => {
          if (this.resolved.size > 10_000) this.resolved.clear();
          this.resolved.set(host, address);
        }),
      },
      keepAliveTimeout: 4_000,
      connections: 64,
    });
  }

  async fetch(url: string, conditional: ConditionalHeaders = {}, overrides: Partial<FetchOptions> = {}): Promise<FetchedPage> {
    const options = { ...this.options, ...overrides };
    const startedAt = Date.now();
    const signal = AbortSignal.timeout(options.totalTimeoutMs);
    const chain: RedirectHop[] = [];
    const seen = new Set<string>();
    let current = this.checkUrl(url, options);
    let headersMs: number | null = null;
    for (;;) {
      seen.add(current.href);
      const headers: Record<string, string> = {
        'user-agent': options.userAgent,
        accept: options.accept ?? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
      };
      if (chain.length === 0 && conditional.etag) headers['if-none-match'] = conditional.etag;
      if (chain.length === 0 && conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
      const response = await request(current, {
        method: 'GET',
        dispatcher: this.agent,
        headers,
        headersTimeout: options.headersTimeoutMs,
        bodyTimeout: options.bodyTimeoutMs,
        signal,
      }).catch((error: unknown) => {
        throw mapRequestError(error, current.href);
      });
      headersMs ??= Date.now() - startedAt;
      const responseHeaders = flatHeaders(response.headers);
      const status = response.statusCode;
      const location = responseHeaders.location;
      if (REDIRECT_STATUSES.has(status) && location !== undefined) {
        await response.body.dump().catch(() => undefined);
        let next: URL;
        try {
          next = new URL(location, current);
        } catch (error) {
          throw new ClaimfeedError('FETCH_FAILED', `Bad redirect Location ${JSON.stringify(location)}: GET ${current.href}`, { cause: error });
        }
        next.hash = '';
        chain.push({ url: current.href, status, location: next.href });
        if (seen.has(next.href)) {
          throw new ClaimfeedError('FETCH_REDIRECT_LIMIT', `Redirect loop back to ${next.href}: GET ${url}`, { details: { redirects: chain } });
        }
        if (chain.length > options.maxRedirects) {
          throw new ClaimfeedError('FETCH_REDIRECT_LIMIT', `More than ${options.maxRedirects} redirects: GET ${url}`, { details: { redirects: chain } });
        }
        current = this.checkUrl(next.href, options);
        continue;
      }
      const base = {
        requestedUrl: url,
        finalUrl: current.href,
        status,
        contentType: responseHeaders['content-type'] ?? null,
        redirects: chain.map((hop) => hop.url),
        redirectChain: chain,
        headers: responseHeaders,
        address: this.resolved.get(current.hostname) ?? current.hostname.replace(/^\[|\]$/g, ''),
      };
      if (status === 304 && (conditional.etag || conditional.lastModified)) {
        await response.body.dump().catch(() => undefined);
        return { ...base, body: Buffer.alloc(0), notModified: true, timings: timings(startedAt, headersMs) };
      }
      if (status >= 400 || status < 200 || status === 204) {
        await response.body.dump().catch(() => undefined);
        throw statusError(status, current.href, responseHeaders, chain);
      }
      if (options.contentTypes !== null && base.contentType !== null) {
        const mediaType = base.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
        if (!options.contentTypes.includes(mediaType)) {
          await response.body.dump().catch(() => undefined);
          throw new ClaimfeedError('FETCH_NOT_HTML', `Not an HTML page (${mediaType}): GET ${current.href}`, { details: { contentType: base.contentType, status } });
        }
      }
      const declared = Number(responseHeaders['content-length']);
      if (!options.truncateAtMaxBytes && Number.isFinite(declared) && declared > options.maxBytes) {
        response.body.destroy();
        throw tooLarge(options.maxBytes, current.href);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      try {
        for await (const chunk of response.body) {
          const buffer = chunk as Buffer;
          if (size + buffer.length > options.maxBytes) {
            response.body.destroy();
            if (!options.truncateAtMaxBytes) throw tooLarge(options.maxBytes, current.href);
            chunks.push(buffer.subarray(0, options.maxBytes - size));
            size = options.maxBytes;
            truncated = true;
            break;
          }
          size += buffer.length;
          chunks.push(buffer);
        }
      } catch (error) {
        throw error instanceof ClaimfeedError ? error : mapRequestError(error, current.href);
      }
      return { ...base, body: Buffer.concat(chunks, size), notModified: false, truncated, timings: timings(startedAt, headersMs) };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private checkUrl(href: string, options: FetchOptions): URL {
    let url: URL;
    try {
      url = new URL(href);
    } catch (error) {
      throw new ClaimfeedError('INVALID_URL', `Not a URL: ${JSON.stringify(href)}`, { cause: error });
    }
    const scheme = url.protocol.replace(/:$/, '').toLowerCase();
    if (!options.allowedSchemes.includes(scheme) || (scheme !== 'http' && scheme !== 'https')) {
      throw new ClaimfeedError('FETCH_BLOCKED_SCHEME', `Refused scheme "${scheme}:" (allowed: ${options.allowedSchemes.join(', ')}): ${href}`);
    }
    assertHostAllowed(url, options.allowPrivateNetworks);
    return url;
  }
}

let defaultFetchers = new Map<string, Fetcher>();

/** One GET with the given options (or defaults): for CLI inputs given as URLs. */
export async function fetchPage(url: string, options: FetchOptions): Promise<FetchedPage> {
  const key = `${options.allowPrivateNetworks}:${options.connectTimeoutMs}`;
  let fetcher = defaultFetchers.get(key);
  if (!fetcher) {
    if (defaultFetchers.size > 4) defaultFetchers = new Map();
    fetcher = new Fetcher(options);
    defaultFetchers.set(key, fetcher);
  }
  return fetcher.fetch(url, {}, options);
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function timings(startedAt: number, headersMs: number | null): FetchedPage['timings'] {
  return { startedAt: new Date(startedAt).toISOString(), headersMs, totalMs: Date.now() - startedAt };
}

function tooLarge(maxBytes: number, href: string): ClaimfeedError {
  return new ClaimfeedError('FETCH_TOO_LARGE', `Response over ${maxBytes} bytes: GET ${href}`, { details: { maxBytes } });
}

function statusError(status: number, href: string, headers: Record<string, string>, redirects: RedirectHop[]): ClaimfeedError {
  if (status === 429 || status === 503) {
    const retryAfterMs = parseRetryAfter(headers['retry-after']);
    return new ClaimfeedError('FETCH_RATE_LIMITED', `Rate limited with status ${status}${retryAfterMs === null ? '' : ` (retry after ${Math.round(retryAfterMs / 1000)} s)`}: GET ${href}`, {
      permanent: false,
      details: { status, retryAfterMs, redirects },
    });
  }
  // 408 and 5xx may pass; other 4xx (404, 410, 403 …) will not change on retry.
  const transient = status >= 500 || status === 408 || status === 425;
  return new ClaimfeedError('FETCH_HTTP_STATUS', `Request failed with status ${status}: GET ${href}`, { permanent: !transient, details: { status, redirects } });
}

function mapRequestError(error: unknown, href: string): ClaimfeedError {
  let cursor: unknown = error;
  for (let depth = 0; depth < 5 && cursor instanceof Error; depth++) {
    if (cursor instanceof ClaimfeedError) return cursor;
    cursor = cursor.cause;
  }
  const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : '';
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'TimeoutError' || name === 'AbortError' || code.endsWith('TIMEOUT') || code === 'ETIMEDOUT') {
    return new ClaimfeedError('FETCH_TIMEOUT', `Request timed out (${code || name}): GET ${href}`, { cause: error, permanent: false });
  }
  const permanent = code === 'ENOTFOUND' || code === 'ERR_INVALID_URL';
  return new ClaimfeedError('FETCH_FAILED', `Request failed (${code || name}: ${message}): GET ${href}`, { cause: error, permanent, details: { errorCode: code } });
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

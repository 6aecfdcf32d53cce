import type { RedirectHop } from '../model/extraction-log.js';

/** The result of fetching one page: the bytes plus what the extraction log records. */
export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  body: Buffer;
  /** The URLs that redirected, in order (see `redirectChain` for statuses). */
  redirects: string[];
  redirectChain: RedirectHop[];
  headers: Record<string, string>;
  /** A conditional GET was answered 304 Not Modified; `body` is empty. */
  notModified: boolean;
  /** The body was cut at `maxBytes` (only with `truncateAtMaxBytes`). */
  truncated?: boolean;
  /** The address connected to for the final response, when known. */
  address: string | null;
  timings: { startedAt: string; headersMs: number | null; totalMs: number };
}

export interface FetchOptions {
  userAgent: string;
  allowPrivateNetworks: boolean;
  allowedSchemes: readonly string[];
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** A deadline for the whole fetch, redirects and slow bodies included. */
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Media types accepted; null accepts any (robots.txt). */
  contentTypes: readonly string[] | null;
  accept?: string;
  /** Keep the first `maxBytes` of a longer body instead of failing (robots.txt: parse the prefix). */
  truncateAtMaxBytes?: boolean;
}

export interface ConditionalHeaders {
  etag?: string | null;
  lastModified?: string | null;
}

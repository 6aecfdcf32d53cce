import { request } from 'undici';
import { ClaimfeedError } from '../errors.js';
import type { FetchedPage } from './types.js';

export interface FetchPageOptions {
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
}

/** One GET with a timeout and a byte cap. */
export async function fetchPage(url: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const startedAt = new Date();
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const response = await request(url, {
    method: 'GET',
    headersTimeout: options.timeoutMs ?? 15_000,
    bodyTimeout: options.timeoutMs ?? 15_000,
    headers: { 'user-agent': options.userAgent ?? 'claimfeed/0.1', accept: 'text/html,application/xhtml+xml' },
  }).catch((error: unknown) => {
    throw new ClaimfeedError('FETCH_FAILED', `Request failed: GET ${url}: ${(error as Error).message}`, { cause: error, permanent: false });
  });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.body.destroy();
      throw new ClaimfeedError('FETCH_TOO_LARGE', `Response over ${maxBytes} bytes: GET ${url}`);
    }
    chunks.push(chunk as Buffer);
  }
  if (response.statusCode >= 400) {
    throw new ClaimfeedError('FETCH_HTTP_STATUS', `Request failed with status ${response.statusCode}: GET ${url}`, {
      permanent: response.statusCode < 500 && response.statusCode !== 429,
      details: { status: response.statusCode },
    });
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    requestedUrl: url,
    finalUrl: url,
    status: response.statusCode,
    contentType: headers['content-type'] ?? null,
    body: Buffer.concat(chunks),
    redirects: [],
    headers,
    timings: { startedAt: startedAt.toISOString(), totalMs: Date.now() - startedAt.getTime() },
  };
}

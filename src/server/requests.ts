import type { ClaimRecord } from '../model/claim.js';
import { MAX_TIME_MS, isStreamId } from '../store/stream-ids.js';
import { badRequest } from './http.js';
import type { ClaimFilters } from './backend.js';

/** Most URLs one request may queue; bigger batches belong to `claimfeed enqueue --file`. */
const MAX_URLS_PER_REQUEST = 1000;

/**
 * One URL of a batch: accepted for queueing, or refused on its own with the reason, so one bad
 * URL does not turn the whole batch away.
 */
export interface UrlEntry {
  url: string;
  error?: { code: 'BAD_REQUEST'; message: string };
}

/** Validates `{"urls": [...]}`: the shape is all-or-nothing, each URL is judged alone. */
export function parseEnqueueBody(body: unknown): UrlEntry[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Expected a JSON object like {"urls": ["https://…"]}');
  const urls = (body as Record<string, unknown>)['urls'];
  if (urls === undefined) throw badRequest('Missing "urls": expected {"urls": ["https://…"]}');
  if (!Array.isArray(urls)) throw badRequest('"urls" must be an array of URL strings');
  return checkUrls(urls, (index) => `urls[${index}]`);
}

/** The queue form: URLs separated by new lines or spaces. */
export function urlsFromForm(form: URLSearchParams): UrlEntry[] {
  const urls = (form.get('urls') ?? '').split(/\s+/).filter((url) => url.length > 0);
  return checkUrls(urls, (index) => `URL ${index + 1}`);
}

function checkUrls(urls: readonly unknown[], where: (index: number) => string): UrlEntry[] {
  if (urls.length === 0) throw badRequest('No URLs given: expected at least one');
  if (urls.length > MAX_URLS_PER_REQUEST) throw badRequest(`Too many URLs: ${urls.length}; at most ${MAX_URLS_PER_REQUEST} per request`);
  return urls.map((url, index): UrlEntry => {
    const refuse = (message: string): UrlEntry => ({ url: typeof url === 'string' ? url.slice(0, 200) : String(JSON.stringify(url) ?? url).slice(0, 200), error: { code: 'BAD_REQUEST', message: `${where(index)} ${message}` } });
    if (typeof url !== 'string') return refuse(`must be a string, got ${url === null ? 'null' : typeof url}`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return refuse(`is not an absolute URL: ${JSON.stringify(url.slice(0, 200))}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return refuse(`must be http or https, got ${parsed.protocol}`);
    return { url };
  });
}

const CLAIM_KINDS: ReadonlyArray<ClaimRecord['kind']> = ['attributed', 'figure'];
const CLAIM_PARAMS = new Set(['article', 'actor', 'kind', 'since', 'until', 'q', 'cursor', 'limit', 'format']);
const CLAIM_FORMATS = ['json', 'csv'] as const;
/** Longest search text accepted: a query, not a document. */
const MAX_QUERY_CHARS = 200;

/** `GET /api/claims` filters; `until` (inclusive, epoch ms) is applied here, the rest by the store. */
export type ClaimRequest = ClaimFilters & { until?: number; format: (typeof CLAIM_FORMATS)[number] };

/** Query string of `GET /api/claims`: unknown parameters are refused rather than ignored. */
export function parseClaimFilters(params: URLSearchParams): ClaimRequest {
  for (const name of params.keys()) {
    if (!CLAIM_PARAMS.has(name)) throw badRequest(`Unknown query parameter "${name}"; use ${[...CLAIM_PARAMS].join(', ')}`);
  }
  const format = params.get('format') ?? 'json';
  if (!(CLAIM_FORMATS as readonly string[]).includes(format)) throw badRequest(`"format" must be one of ${CLAIM_FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
  const filters: ClaimRequest = { limit: parseLimit(params, 50, 500), format: format as ClaimRequest['format'] };
  const q = params.get('q');
  if (q !== null && q.trim() !== '') {
    if (q.length > MAX_QUERY_CHARS) throw badRequest(`"q" is at most ${MAX_QUERY_CHARS} characters, got ${q.length}`);
    filters.q = q;
  }
  const article = params.get('article');
  if (article) filters.article = article;
  const actor = params.get('actor');
  if (actor) filters.actor = actor;
  const kind = params.get('kind');
  if (kind !== null) {
    if (!(CLAIM_KINDS as readonly string[]).includes(kind)) throw badRequest(`"kind" must be one of ${CLAIM_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
    filters.kind = kind as ClaimRecord['kind'];
  }
  const since = parseTime(params, 'since');
  if (since !== undefined) filters.since = since;
  const until = parseTime(params, 'until');
  if (until !== undefined) filters.until = until;
  const cursor = params.get('cursor');
  if (cursor) {
    if (!isStreamId(cursor)) throw badRequest(`"cursor" must be the "next" value of a previous page, got ${JSON.stringify(cursor)}`);
    filters.cursor = cursor;
  }
  return filters;
}

function parseTime(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(ms) || ms > MAX_TIME_MS) throw badRequest(`"${name}" must be an ISO 8601 time or epoch milliseconds (up to ${MAX_TIME_MS}), got ${JSON.stringify(raw.slice(0, 100))}`);
  return ms;
}

export function parseLimit(params: URLSearchParams, fallback: number, max: number): number {
  const raw = params.get('limit');
  if (raw === null) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw badRequest(`"limit" must be a whole number from 1 to ${max}, got ${JSON.stringify(raw)}`);
  return limit;
}

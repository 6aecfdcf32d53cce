import type { ClaimfeedError } from '../errors.js';
import type { FetchedPage } from '../fetch/types.js';
import { EXTRACTION_LOG_SCHEMA_VERSION, type ExtractionLog, type FailureRecord, type FailureStage, type FetchLog } from '../model/extraction-log.js';

export function newExtractionLog(articleId: string, url: string, version: number, source: 'url' | 'file'): ExtractionLog {
  const now = new Date().toISOString();
  return {
    schemaVersion: EXTRACTION_LOG_SCHEMA_VERSION,
    articleId,
    url,
    version,
    source,
    outcome: 'done',
    createdAt: now,
    updatedAt: now,
    fetch: null,
    strip: null,
    claims: [],
    figures: [],
    actors: [],
    attributions: [],
    embeddedAttributions: [],
    rejected: [],
    dedup: { contentHash: null, duplicateOf: null, reason: null },
    timings: { queuedMs: null, fetchMs: null, decodeMs: null, stripMs: null, extractMs: null, emitMs: null, totalMs: null },
    failure: null,
  };
}

export function fetchLogFromPage(page: FetchedPage, attempt: number, gateWaitMs: number): FetchLog {
  return {
    requestedUrl: page.requestedUrl,
    finalUrl: page.finalUrl,
    status: page.status,
    redirects: page.redirectChain,
    bytes: page.body.length,
    contentType: page.contentType,
    charset: null,
    notModified: page.notModified,
    etag: page.headers.etag ?? null,
    lastModified: page.headers['last-modified'] ?? null,
    address: page.address,
    attempt,
    timings: { startedAt: page.timings.startedAt, gateWaitMs, headersMs: page.timings.headersMs, totalMs: page.timings.totalMs },
  };
}

/** What the log can say about a fetch that failed before a page came back. */
export function fetchLogFromError(url: string, error: ClaimfeedError, attempt: number, startedAt: number, gateWaitMs: number): FetchLog {
  const details = error.details ?? {};
  const redirects = Array.isArray(details.redirects) ? (details.redirects as FetchLog['redirects']) : [];
  return {
    requestedUrl: url,
    finalUrl: redirects.length > 0 ? (redirects[redirects.length - 1]?.location ?? url) : url,
    status: typeof details.status === 'number' ? details.status : 0,
    redirects,
    bytes: 0,
    contentType: typeof details.contentType === 'string' ? details.contentType : null,
    charset: null,
    notModified: false,
    etag: null,
    lastModified: null,
    address: typeof details.address === 'string' ? details.address : null,
    attempt,
    timings: { startedAt: new Date(startedAt).toISOString(), gateWaitMs, headersMs: null, totalMs: Date.now() - startedAt },
  };
}

export function failureRecord(articleId: string, url: string, stage: FailureStage, error: ClaimfeedError, attempts: number): FailureRecord {
  const record: FailureRecord = { articleId, url, code: error.code, message: error.message, permanent: error.permanent, stage, attempts, at: new Date().toISOString() };
  if (error.details !== undefined) record.details = error.details;
  return record;
}

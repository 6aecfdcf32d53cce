/**
 * The extraction log: one JSON document per article version that says what happened to it and
 * why, from the fetch to the feed. Stored in Redis next to the article (retention
 * store.articleTtlSeconds, at most store.logVersions versions per article); the latest is
 * `getArticle(id).log`, older ones `listLogVersions(id)` and `getLog(id, version)`. The shape is a contract:
 * fields are only added, and `schemaVersion` changes on any other change.
 *
 * ```
 * {
 *   "schemaVersion": 1, "articleId": "…", "url": "https://…", "version": 1,
 *   "source": "url" | "file", "outcome": "done" | "failed" | "duplicate" | "not-modified",
 *   "createdAt": "2026-…Z", "updatedAt": "2026-…Z",
 *   "fetch": { "requestedUrl", "finalUrl", "status", "redirects": [{"url","status","location"}],
 *              "bytes", "contentType", "charset", "notModified", "etag", "lastModified",
 *              "address", "attempt", "timings": {"startedAt","gateWaitMs","headersMs","totalMs"} } | null,
 *   "strip": { "title", "canonicalUrl", "language", "textChars", "blockCount",
 *              "removed": [{"ruleId","tag","text"}], "sources": {"title": "json-ld", …} } | null,
 *   "claims": [{"id","kind","ruleIds","sentence": {"start","end","text"}, "speaker", "figures": [...]}],
 *   "figures": [Figure], "actors": [ActorMention], "attributions": [Attribution], "embeddedAttributions": [Attribution],
 *   "rejected": [{"layer","reason","ruleId","start","end","text"}],
 *   "dedup": {"contentHash", "duplicateOf", "reason"},
 *   "timings": {"queuedMs","fetchMs","decodeMs","stripMs","extractMs","emitMs","totalMs"},
 *   "failure": {"code","message","permanent","stage","attempts","at"} | null
 * }
 * ```
 */
import type { ErrorCode } from '../errors.js';
import type { MetadataField, MetadataSource, RemovedBlock } from './article.js';
import type { ActorMention, Attribution, ClaimKind, Figure, RejectedCandidate, Span } from './claim.js';

export const EXTRACTION_LOG_SCHEMA_VERSION = 1 as const;

export interface RedirectHop {
  /** The URL that answered with a redirect. */
  url: string;
  status: number;
  /** The Location it pointed to, resolved against `url`. */
  location: string;
}

export interface FetchLog {
  requestedUrl: string;
  finalUrl: string;
  /** HTTP status of the last response; 0 when no response arrived (timeout, refused). */
  status: number;
  redirects: RedirectHop[];
  /** Body bytes received (after content decoding). */
  bytes: number;
  contentType: string | null;
  /** The WHATWG encoding the body was decoded with (set by the process stage). */
  charset: string | null;
  /** A conditional GET answered 304: the previous result stands. */
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
  /** The IP address connected to, after DNS resolution and the address guard. */
  address: string | null;
  /** 1 for the first try. */
  attempt: number;
  timings: {
    startedAt: string;
    /** Time spent waiting for the per-host politeness gate. */
    gateWaitMs: number;
    headersMs: number | null;
    totalMs: number;
  };
}

export interface StripLog {
  title: string | null;
  canonicalUrl: string | null;
  language: string | null;
  textChars: number;
  blockCount: number;
  /** Every block the stripper removed, with the id of the rule that removed it. */
  removed: RemovedBlock[];
  /** Where each metadata field came from. */
  sources: Partial<Record<MetadataField, MetadataSource>>;
}

export interface ClaimLogEntry {
  id: string;
  kind: ClaimKind;
  ruleIds: string[];
  sentence: Span;
  speaker: string | null;
  figures: Array<Pick<Figure, 'text' | 'kind' | 'value' | 'unit' | 'ruleIds'>>;
}

export type FailureStage = 'enqueue' | 'fetch' | 'process';

export interface FailureRecord {
  articleId: string;
  url: string;
  code: ErrorCode;
  message: string;
  /** A permanent failure is not retried (404, robots disallow, not HTML …). */
  permanent: boolean;
  stage: FailureStage;
  /** Attempts made, the failing one included. */
  attempts: number;
  /** ISO time of the failure. */
  at: string;
  details?: Record<string, unknown>;
}

export type ExtractionOutcome = 'done' | 'failed' | 'duplicate' | 'not-modified';

export interface ExtractionLog {
  schemaVersion: typeof EXTRACTION_LOG_SCHEMA_VERSION;
  articleId: string;
  url: string;
  /** 1 for the first processing; each `enqueue --refresh` adds one. */
  version: number;
  source: 'url' | 'file';
  outcome: ExtractionOutcome;
  createdAt: string;
  updatedAt: string;
  fetch: FetchLog | null;
  strip: StripLog | null;
  claims: ClaimLogEntry[];
  figures: Figure[];
  actors: ActorMention[];
  attributions: Attribution[];
  /** Reports inside another report's content; logs written before they were listed apart have none. */
  embeddedAttributions?: Attribution[];
  /** Candidates the extractor looked at and rejected, with the reason and rule id. */
  rejected: RejectedCandidate[];
  dedup: {
    contentHash: string | null;
    duplicateOf: string | null;
    reason: 'content-hash' | 'canonical-url' | null;
  };
  timings: {
    /** Enqueue to the start of the fetch. */
    queuedMs: number | null;
    fetchMs: number | null;
    decodeMs: number | null;
    stripMs: number | null;
    extractMs: number | null;
    emitMs: number | null;
    /** Enqueue to claims in the feed. */
    totalMs: number | null;
  };
  failure: FailureRecord | null;
}

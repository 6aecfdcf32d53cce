import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Config } from '../config/schema.js';
import { ClaimfeedError, toClaimfeedError } from '../errors.js';
import { extractClaims } from '../extractors/claims/index.js';
import { decodeHtmlBytes } from '../extractors/decode.js';
import { stripArticle } from '../extractors/strip/index.js';
import type { Logger } from '../log.js';
import type { Article } from '../model/article.js';
import type { ClaimRecord } from '../model/claim.js';
import type { ClaimLogEntry, ExtractionLog } from '../model/extraction-log.js';
import { claimArticleOf, readingLanguage } from '../model/claim-article.js';
import { articleIdForUrl } from '../model/ids.js';
import { type ProcessJobData, parseProcessJob } from '../queue/payloads.js';
import { ArticleStore } from '../store/articles.js';
import { applySourceHint, parseSourceHint } from '../sources/hints.js';
import { deleteBody, getBody } from '../store/bodies.js';
import { newExtractionLog } from './extraction-log.js';
import { failAttempt, isCurrentJob } from './process-attempt.js';

export interface ProcessContext {
  config: Config;
  redis: Redis;
  store: ArticleStore;
  logger: Logger;
}

export interface ProcessJobInfo {
  id: string | undefined;
  attemptsMade: number;
  attempts: number;
}

export function createProcessContext(config: Config, redis: Redis, logger: Logger): ProcessContext {
  const store = new ArticleStore(redis, config.redis.prefix, {
    articleTtlSeconds: config.store.articleTtlSeconds,
    logVersions: config.store.logVersions,
    feedMaxLength: config.feed.maxLength,
    feedMaxAgeHours: config.feed.maxAgeHours,
  });
  return { config, redis, store, logger };
}

/**
 * The CPU-bound stage: decode, strip, dedup, extract, and emit to the feed in one atomic,
 * idempotent step. Runs in a worker thread (see process-threads.ts), so a heavy page never
 * stalls the job locks of the main thread.
 */
export async function processArticle(context: ProcessContext, rawData: unknown, job: ProcessJobInfo): Promise<string> {
  const data: ProcessJobData = parseProcessJob(rawData);
  const attempt = job.attemptsMade + 1;
  const { store } = context;
  const summary = await store.summary(data.articleId);
  const log = context.logger.child({ stage: 'process', jobId: job.id, articleId: data.articleId, url: summary?.url, attempt });
  if (!isCurrentJob(summary, data.version)) {
    log.debug('skipped', { reason: 'superseded or already finished' });
    return 'skipped';
  }
  const extractionLog = newExtractionLog(data.articleId, summary.url, data.version, summary.source);
  try {
    // The status change and the reads that do not depend on it share one wait for Redis.
    const [, body, hintText] = await Promise.all([
      store.markStatus(data.articleId, 'processing'),
      getBody(context.redis, store.keys, data.articleId),
      // A feed that listed the page may know its title and date; the page's own metadata wins.
      context.redis.get(store.keys.sourceHint(data.articleId)),
    ]);
    if (body === null) throw new ClaimfeedError('INTERNAL', `The fetched page of ${summary.url} expired before processing (store.bodyTtlSeconds)`, { permanent: true });
    extractionLog.fetch = body.fetch;
    extractionLog.timings.fetchMs = body.fetch?.timings.totalMs ?? null;
    extractionLog.timings.queuedMs = body.fetch ? Date.parse(body.fetch.timings.startedAt) - data.enqueuedAt : null;

    let started = performance.now();
    const decoded = decodeHtmlBytes(body.bytes, body.contentType ?? undefined);
    if (extractionLog.fetch) extractionLog.fetch.charset = decoded.charset;
    extractionLog.timings.decodeMs = round(performance.now() - started);

    started = performance.now();
    const hint = parseSourceHint(hintText);
    const article: Article = applySourceHint(stripArticle(decoded.chunks, body.finalUrl.startsWith('file:') ? {} : { url: body.finalUrl }), hint);
    article.charset = decoded.charset;
    extractionLog.timings.stripMs = round(performance.now() - started);
    extractionLog.strip = {
      title: article.title,
      canonicalUrl: article.canonicalUrl,
      language: readingLanguage(article.language),
      textChars: article.text.length,
      blockCount: article.blocks.length,
      removed: article.removed,
      sources: article.sources,
    };
    if (article.text.trim() === '') {
      throw new ClaimfeedError('NOT_AN_ARTICLE', `No article text found in ${summary.url}`, { permanent: true });
    }

    const duplicate = await findDuplicate(context, data.articleId, article, body.finalUrl);
    extractionLog.dedup = duplicate.dedup;
    const fields: Record<string, string | number | null> = { title: article.title, duplicateOf: duplicate.dedup.duplicateOf, contentHash: duplicate.dedup.contentHash };
    if (hint !== null) fields.sourceId = hint.sourceId;
    let claims: ClaimRecord[] = [];
    if (duplicate.dedup.duplicateOf === null) {
      started = performance.now();
      // A file has no fetch: its bytes were read when it was queued. Both come from the stored body, so a retry gives the same records.
      const fetchedAt = body.fetch?.timings.startedAt ?? new Date(data.enqueuedAt).toISOString();
      const context = claimArticleOf(data.articleId, article, { url: summary.url, fetchedAt });
      const extraction = extractClaims(article.text, { articleId: data.articleId, article: context, languageRead: true });
      extractionLog.timings.extractMs = round(performance.now() - started);
      claims = extraction.claims;
      extractionLog.claims = claims.map(claimLogEntry);
      extractionLog.figures = extraction.figures;
      extractionLog.actors = extraction.actors;
      extractionLog.attributions = extraction.attributions;
      extractionLog.embeddedAttributions = extraction.embeddedAttributions;
      extractionLog.rejected = extraction.rejected;
    } else {
      extractionLog.outcome = 'duplicate';
    }

    started = performance.now();
    extractionLog.timings.totalMs = Date.now() - data.enqueuedAt;
    extractionLog.updatedAt = new Date().toISOString();
    const added = await store.complete(data.articleId, { article, claims, log: extractionLog, fields });
    extractionLog.timings.emitMs = round(performance.now() - started);
    await deleteBody(context.redis, store.keys, data.articleId);
    log.info('processed', { claims: claims.length, added, duplicateOf: duplicate.dedup.duplicateOf, ms: extractionLog.timings });
    return 'done';
  } catch (error) {
    return failAttempt(store, log, toClaimfeedError(error), { articleId: data.articleId, url: summary.url, number: attempt, of: job.attempts, extractionLog });
  }
}

interface DuplicateCheck {
  dedup: ExtractionLog['dedup'];
}

/**
 * One story under two URLs: the page's canonical URL names an article already done, or its
 * text hashes the same as another article's.
 */
async function findDuplicate(context: ProcessContext, articleId: string, article: Article, finalUrl: string): Promise<DuplicateCheck> {
  const { store, config } = context;
  const contentHash = createHash('sha256').update(article.text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 32);
  if (article.canonicalUrl && !finalUrl.startsWith('file:')) {
    try {
      const canonicalId = articleIdForUrl(new URL(article.canonicalUrl, finalUrl).href, config.dedup.trackingParams);
      if (canonicalId !== articleId && (await store.summary(canonicalId))?.status === 'done') {
        return { dedup: { contentHash, duplicateOf: canonicalId, reason: 'canonical-url' } };
      }
    } catch {
      // An unparseable canonical link is the page's problem, not a reason to fail it.
    }
  }
  const key = store.keys.contentHash(contentHash);
  const claimed = await context.redis.set(key, articleId, 'EX', config.store.articleTtlSeconds, 'NX');
  if (claimed === null) {
    const holder = await context.redis.get(key);
    if (holder !== null && holder !== articleId && (await store.summary(holder)) !== null) {
      return { dedup: { contentHash, duplicateOf: holder, reason: 'content-hash' } };
    }
    await context.redis.set(key, articleId, 'EX', config.store.articleTtlSeconds);
  }
  return { dedup: { contentHash, duplicateOf: null, reason: null } };
}

function claimLogEntry(claim: ClaimRecord): ClaimLogEntry {
  return {
    id: claim.id,
    kind: claim.kind,
    ruleIds: claim.ruleIds,
    sentence: claim.sentence,
    speaker: claim.speakerActor?.canonical ?? claim.speaker?.text ?? null,
    figures: claim.figures.map((figure) => ({ text: figure.text, kind: figure.kind, value: figure.value, unit: figure.unit, ruleIds: figure.ruleIds })),
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

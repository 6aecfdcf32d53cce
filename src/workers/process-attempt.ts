import type { ClaimfeedError } from '../errors.js';
import type { Logger } from '../log.js';
import type { ExtractionLog } from '../model/extraction-log.js';
import type { ArticleStore, ArticleSummary } from '../store/articles.js';
import { failureRecord } from './extraction-log.js';

/**
 * The bookkeeping of a process-stage attempt, shared by the thread that runs it and the parent
 * that records it when the thread dies. Loads no extractor: the parent must stay light.
 */

/** Whether a job still concerns the article: not superseded by a newer version, not finished. */
export function isCurrentJob(summary: ArticleSummary | null, version: number): summary is ArticleSummary {
  return summary !== null && summary.version === version && summary.status !== 'done' && summary.status !== 'failed';
}

/**
 * A failed attempt: logs it; on the last attempt, or when the failure is permanent, records the
 * failure and the extraction log; then throws what the queue needs (UnrecoverableError stops
 * retries of a permanent failure).
 */
export async function failAttempt(
  store: ArticleStore,
  log: Logger,
  failure: ClaimfeedError,
  attempt: { articleId: string; url: string; number: number; of: number; extractionLog: ExtractionLog },
): Promise<never> {
  const final = failure.permanent || attempt.number >= attempt.of;
  log.warn(final ? 'process failed' : 'process failed, will retry', { code: failure.code, error: failure.message });
  if (final) {
    const record = failureRecord(attempt.articleId, attempt.url, 'process', failure, attempt.number);
    await store.fail(record, { ...attempt.extractionLog, outcome: 'failed', failure: record, updatedAt: record.at });
  }
  throw queueError(failure);
}

/**
 * BullMQ's "fail now, do not retry", which it recognises by name as well as by class: the
 * process-stage threads throw it without loading bullmq (its scripts, msgpackr, luxon: about
 * 5 MB of heap in a thread that never talks to a queue).
 */
class UnrecoverableError extends Error {
  override name = 'UnrecoverableError';
}

/** What the queue gets for a failure: an UnrecoverableError stops retries of a permanent one. */
export function queueError(failure: ClaimfeedError): Error {
  return failure.permanent ? new UnrecoverableError(`${failure.code}: ${failure.message}`) : failure;
}

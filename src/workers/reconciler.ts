import { randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import type { Logger } from '../log.js';
import type { FailureRecord } from '../model/extraction-log.js';
import { jobId } from '../queue/payloads.js';
import type { Pipeline } from '../queue/pipeline.js';
import { newExtractionLog } from './extraction-log.js';

/** An article found in flight with no job left to finish it. */
export interface LostArticle {
  articleId: string;
  url: string;
  reason: string;
  /** False when the failure could not be written either (Redis still refusing writes). */
  recorded: boolean;
}

export interface ReconcileOptions {
  /** Articles updated more recently than this are left alone (their job may not be queued yet). */
  graceMs: number;
  /** Only these articles; else a bounded scan of every in-flight article. */
  ids?: readonly string[];
  /** @defaultValue 600 */
  limit?: number;
}

/** Job states from which the job will still run (and so record the article's outcome). */
const PENDING_STATES = new Set(['waiting', 'wait', 'delayed', 'active', 'prioritized', 'waiting-children', 'paused']);
const IN_FLIGHT = new Set(['queued', 'fetching', 'processing']);

/**
 * Finds articles still queued, fetching or processing whose job failed or vanished (a Redis
 * write refused at the wrong moment, a job removed by hand) and records them as failed with
 * JOB_LOST and the reason, so they show in `failures` and `claimfeed retry` or `enqueue` queue
 * them again. An article whose job can still run is never touched, and the failure is written
 * only if the article is still in flight at the same version (it may finish meanwhile).
 */
export async function reconcileArticles(pipeline: Pipeline, options: ReconcileOptions): Promise<LostArticle[]> {
  const store = pipeline.store;
  const ids = options.ids ?? (await store.scanInFlight(options.limit ?? 600));
  const lost: LostArticle[] = [];
  for (const id of ids) {
    const summary = await store.summary(id);
    if (summary === null || !IN_FLIGHT.has(summary.status)) continue;
    if (Date.now() - (Date.parse(summary.updatedAt) || 0) < options.graceMs) continue;
    const reason = await lostJobReason(pipeline, id, summary.version);
    if (reason === null) continue;
    const failure: FailureRecord = {
      articleId: id,
      url: summary.url,
      code: 'JOB_LOST',
      message: `Left ${summary.status} with no job to finish it: ${reason}`,
      permanent: false,
      stage: summary.status === 'processing' || summary.source === 'file' ? 'process' : 'fetch',
      attempts: 0,
      at: new Date().toISOString(),
    };
    const log = { ...newExtractionLog(id, summary.url, summary.version, summary.source), outcome: 'failed' as const, failure };
    let recorded = false;
    try {
      recorded = await store.failIfInFlight(failure, summary.version, log);
      if (!recorded) continue;
    } catch {
      recorded = false;
    }
    lost.push({ articleId: id, url: summary.url, reason, recorded });
  }
  return lost;
}

/**
 * Null while a job of this version can still run; else why none will. The fetch job is read
 * first: it adds the process job before it completes, so a completed fetch job means the
 * process job already exists.
 */
async function lostJobReason(pipeline: Pipeline, articleId: string, version: number): Promise<string | null> {
  const id = jobId(articleId, version);
  const fetchJob = await pipeline.fetchQueue.getJob(id);
  const fetchState = fetchJob ? await fetchJob.getState() : 'missing';
  if (PENDING_STATES.has(fetchState)) return null;
  const processJob = await pipeline.processQueue.getJob(id);
  const processState = processJob ? await processJob.getState() : 'missing';
  if (PENDING_STATES.has(processState)) return null;
  const failed: Array<[string, Job | undefined, string]> = [
    ['process', processJob, processState],
    ['fetch', fetchJob, fetchState],
  ];
  for (const [stage, job, state] of failed) {
    if (state === 'failed') return `its ${stage} job failed: ${job?.failedReason ?? 'no reason recorded'}`;
  }
  return `its jobs are gone or finished without recording it (fetch job ${fetchState}, process job ${processState})`;
}

/**
 * Runs the reconciler every `intervalMs` in a worker process; with several processes, the one
 * holding a short Redis lock does the pass. Returns a stop function.
 */
export function startReconciler(pipeline: Pipeline, logger: Logger, intervalMs: number, graceMs: number): () => void {
  const token = randomUUID();
  let running = false;
  const pass = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const locked = await pipeline.redis.set(pipeline.store.keys.reconcileLock, token, 'PX', intervalMs, 'NX');
      if (locked === null) return;
      for (const article of await reconcileArticles(pipeline, { graceMs })) {
        logger.warn('article left in flight recorded as failed', { articleId: article.articleId, url: article.url, reason: article.reason, recorded: article.recorded });
      }
    } catch (error) {
      logger.warn('reconciler pass failed', { error });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void pass(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

import { type ChildProcess, spawn } from 'node:child_process';
import { UnrecoverableError, Worker } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { pingRedis } from '../../src/queue/connection.js';
import { QUEUE_NAMES, jobId } from '../../src/queue/payloads.js';
import { freePort } from '../../src/queue/private-redis.js';
import { createLogger } from '../../src/log.js';
import { startWorkers } from '../../src/workers/run-workers.js';
import { reconcileArticles } from '../../src/workers/reconciler.js';
import { runCli } from '../helpers/cli.js';
import { type Origin, articlePage, startOrigin } from '../helpers/origin.js';
import { configEnv, feedClaimIds, openTestPipeline, testConfig, waitFinished } from '../helpers/pipeline.js';
import { testRedis } from '../helpers/redis.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function articleOrigin(onArticle: () => Promise<void> = async () => undefined): Promise<Origin> {
  const origin = await startOrigin(['127.0.0.1'], (request, response) => {
    if (request.url === '/robots.txt') {
      response.writeHead(404);
      response.end();
      return;
    }
    void onArticle().then(() => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(articlePage(request.url ?? ''));
    });
  });
  cleanups.push(() => origin.close());
  return origin;
}

describe('articles whose job failed or vanished', () => {
  it('are recorded as failed with the reason, left alone while their job can run, and queued again by retry', async () => {
    const origin = await articleOrigin();
    const config = testConfig();
    const test = openTestPipeline(config, { workers: false });
    cleanups.push(() => test.close());
    const enqueue = async (path: string) => (await test.pipeline.enqueueUrls([origin.url('127.0.0.1', path)])).results[0]?.articleId ?? '';
    const jobFailed = await enqueue('/story/job-failed');
    // A worker fails the job without the article's failure being written (as when Redis refused the write).
    const refusing = new Worker(
      QUEUE_NAMES.fetch,
      async (job) => {
        await test.pipeline.store.markStatus(jobFailed, 'fetching');
        // Its last attempt: the job fails for good, the article's record still says fetching.
        throw new UnrecoverableError('EXECABORT Transaction discarded because of previous errors.');
      },
      { connection: testRedis(config.redis.url), prefix: config.redis.prefix, autorun: false },
    );
    const failedOnce = new Promise<void>((resolve) => refusing.on('failed', (job) => job?.data.articleId === jobFailed && resolve()));
    void refusing.run();
    await failedOnce;
    await refusing.close();
    const waiting = await enqueue('/story/waiting');
    const vanished = await enqueue('/story/vanished');
    const ids = [waiting, vanished, jobFailed];

    // A job waiting for a worker is alive: nothing is recorded for it, however old the article.
    expect((await reconcileArticles(test.pipeline, { graceMs: 0, ids: [waiting] }))).toEqual([]);

    // The fetch job is removed while the article is fetching.
    await test.pipeline.store.markStatus(vanished, 'fetching');
    await (await test.pipeline.fetchQueue.getJob(jobId(vanished, 1)))?.remove();

    const lost = await reconcileArticles(test.pipeline, { graceMs: 0 });
    expect(lost.map((article) => article.articleId).sort()).toEqual([vanished, jobFailed].sort());
    const views = await Promise.all(ids.map((id) => test.pipeline.store.getArticle(id)));
    expect(views.map((view) => view?.status)).toEqual(['queued', 'failed', 'failed']);
    expect(views[1]?.failure).toMatchObject({ code: 'JOB_LOST', message: expect.stringMatching(/jobs are gone/) });
    expect(views[2]?.failure).toMatchObject({ code: 'JOB_LOST', message: expect.stringMatching(/fetch job failed: EXECABORT/) });
    expect((await test.pipeline.store.listFailures()).map((failure) => failure.articleId).sort()).toEqual([vanished, jobFailed].sort());
    // The grace period protects an article that was just touched.
    expect(await reconcileArticles(test.pipeline, { graceMs: 60_000, ids: [waiting] })).toEqual([]);

    const retried = await runCli(['retry', '--all'], configEnv(config), undefined, 20_000);
    expect(retried.stdout).toContain('requeued 2');
    expect(retried.code).toBe(0);
    const workers = startWorkers(test.pipeline, { stages: ['fetch', 'process'], logger: createLogger('silent'), processConcurrency: 1 });
    cleanups.push(() => workers.close());
    const done = await waitFinished(test.pipeline, ids);
    expect(done.map((view) => view.status)).toEqual(['done', 'done', 'done']);
  });
});

describe('Redis out of memory (maxmemory, noeviction) in the middle of a run', () => {
  it('leaves no article in flight, records what failed, and loses nothing once retried', async () => {
    const port = await freePort();
    const server: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
    cleanups.push(async () => server.kill('SIGKILL'));
    const url = `redis://127.0.0.1:${port}`;
    for (let tries = 0; tries < 100 && !(await pingRedis(url, 200)); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    const admin = testRedis(url);
    cleanups.push(async () => admin.disconnect());
    // The first page request fills Redis to its limit: every write the workers make then is refused.
    let outOfMemory = false;
    const origin = await articleOrigin(async () => {
      if (outOfMemory) return;
      outOfMemory = true;
      await admin.config('SET', 'maxmemory', '1');
    });
    const config = testConfig({
      'redis.url': url,
      'fetch.attempts': 1,
      'process.attempts': 1,
      'queue.lockDurationMs': 2000,
      'queue.stalledIntervalMs': 500,
      'queue.reconcileIntervalMs': 500,
      'queue.reconcileGraceMs': 3000,
    });
    const test = openTestPipeline(config);
    cleanups.push(() => test.close());
    const report = await test.pipeline.enqueueUrls(Array.from({ length: 6 }, (_, n) => origin.url('127.0.0.1', `/story/oom-${n}`)));
    const ids = report.results.map((result) => result.articleId ?? '');
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(outOfMemory).toBe(true);
    await admin.config('SET', 'maxmemory', '0');

    // Every article ends done or failed (none stranded in fetching/processing) ...
    const settled = await waitFinished(test.pipeline, ids, 30_000);
    const failed = settled.filter((view) => view.status === 'failed');
    for (const view of failed) expect(view.failure?.message.length).toBeGreaterThan(0);
    expect((await test.pipeline.store.listFailures()).length).toBe(failed.length);
    // ... and once retried, every article is done and every claim is in the feed once.
    await test.pipeline.retryFailed(failed.map((view) => view.id));
    const done = await waitFinished(test.pipeline, ids, 30_000);
    expect(done.map((view) => view.status)).toEqual(ids.map(() => 'done'));
    const claimIds = await feedClaimIds(test.pipeline);
    expect(new Set(claimIds).size).toBe(claimIds.length);
    for (const view of done) expect(view.claims.every((claim) => claimIds.includes(claim.id))).toBe(true);
  });
});

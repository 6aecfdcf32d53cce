import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pingRedis } from '../../src/queue/connection.js';
import { freePort } from '../../src/queue/private-redis.js';
import { FeedConsumer } from '../../src/store/feed.js';
import { exited, runCli, startCli } from '../helpers/cli.js';
import { type Origin, articlePage, startOrigin } from '../helpers/origin.js';
import { type TestPipeline, configEnv, feedClaimIds, openTestPipeline, testConfig, waitFinished } from '../helpers/pipeline.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/** An origin whose article pages take a moment, so jobs are in flight when a fault hits. */
async function slowOrigin(): Promise<Origin> {
  const origin = await startOrigin(['127.0.0.1'], (request, response) => {
    const path = request.url ?? '/';
    if (path === '/missing') {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('gone');
      return;
    }
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(articlePage(path));
    }, 60);
  });
  cleanups.push(() => origin.close());
  return origin;
}

async function waitForDone(test: TestPipeline, atLeast: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await test.pipeline.store.statusCounts()).done < atLeast) {
    if (Date.now() > deadline) throw new Error(`fewer than ${atLeast} articles done in time`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Every article done, every stored claim in the feed exactly once, nothing else in it. */
async function expectNothingLostNothingTwice(test: TestPipeline, ids: string[]): Promise<void> {
  const views = await waitFinished(test.pipeline, ids, 60_000);
  expect(views.map((view) => view.status)).toEqual(ids.map(() => 'done'));
  const feed = await feedClaimIds(test.pipeline);
  expect(new Set(feed).size).toBe(feed.length);
  expect(feed.length).toBeGreaterThanOrEqual(ids.length);
  const stored = views.flatMap((view) => view.claims.map((claim) => claim.id));
  expect([...feed].sort()).toEqual([...stored].sort());
  // each article has the claims its page yields (the fixture has attributed quotes and figures)
  expect(views.every((view) => view.claimCount === view.claims.length)).toBe(true);
}

/** A page of `bytes` of distinct attributed, figure-laden sentences: a lot of claims to hold. */
function claimDensePage(bytes: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const paragraph = `<p>"We will not accept cut number ${n}," said Maria Lopez of union ${n % 97}, adding that ${1000 + n} jobs were at risk. According to the central bank, inflation fell to ${(n % 9) + 1}.${n % 10}% in month ${n}, while spending rose by $${n + 3} million.</p>`;
    paragraphs.push(paragraph);
    size += paragraph.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Budget figures</title></head><body><article><h1>Budget figures</h1>${paragraphs.join('\n')}</article></body></html>`;
}

function faultConfig(overrides: Record<string, unknown> = {}) {
  return testConfig({ 'queue.lockDurationMs': 2000, 'queue.stalledIntervalMs': 500, ...overrides });
}

describe('faults', () => {
  it('loses nothing and duplicates nothing when a worker is SIGKILLed mid-run', async () => {
    const origin = await slowOrigin();
    const config = faultConfig();
    const test = openTestPipeline(config, { workers: false });
    cleanups.push(() => test.close());
    const report = await test.pipeline.enqueueUrls(Array.from({ length: 24 }, (_, n) => origin.url('127.0.0.1', `/article/kill-${n}`)));
    const ids = report.results.map((result) => result.articleId ?? '');
    const first = startCli(['worker', '--concurrency', '1', '--fetch-concurrency', '4'], configEnv(config));
    cleanups.push(async () => first.kill('SIGKILL'));
    await waitForDone(test, 4);
    first.kill('SIGKILL');
    await exited(first);
    const second = startCli(['worker', '--concurrency', '1'], configEnv(config));
    cleanups.push(async () => second.kill('SIGKILL'));
    await expectNothingLostNothingTwice(test, ids);
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
  });

  it('completes with nothing lost when Redis is stopped and restarted mid-run (AOF)', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'claimfeed-redis-'));
    let server: ChildProcess | null = null;
    const startServer = async (): Promise<void> => {
      server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], { stdio: 'ignore' });
      for (let tries = 0; tries < 100 && !(await pingRedis(`redis://127.0.0.1:${port}`, 200)); tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    await startServer();
    cleanups.push(async () => {
      server?.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });
    const origin = await slowOrigin();
    const config = faultConfig({ 'redis.url': `redis://127.0.0.1:${port}` });
    const test = openTestPipeline(config, { workers: false });
    cleanups.push(() => test.close());
    const report = await test.pipeline.enqueueUrls(Array.from({ length: 24 }, (_, n) => origin.url('127.0.0.1', `/article/restart-${n}`)));
    const ids = report.results.map((result) => result.articleId ?? '');
    const worker = startCli(['worker', '--concurrency', '1', '--fetch-concurrency', '4'], configEnv(config));
    cleanups.push(async () => worker.kill('SIGKILL'));
    await waitForDone(test, 4);
    const stopping: ChildProcess | null = server;
    (stopping as ChildProcess | null)?.kill('SIGTERM');
    if (stopping) await exited(stopping);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await startServer();
    await expectNothingLostNothingTwice(test, ids);
    worker.kill('SIGTERM');
    expect(await exited(worker)).toBe(0);
  });

  it('gives entries a killed consumer never acknowledged to the next consumer of the group', async () => {
    const config = testConfig();
    const origin = await slowOrigin();
    const test = openTestPipeline(config);
    cleanups.push(() => test.close());
    const report = await test.pipeline.enqueueUrls([origin.url('127.0.0.1', '/article/consumer')]);
    const [view] = await waitFinished(test.pipeline, [report.results[0]?.articleId ?? '']);
    const entries = await feedClaimIds(test.pipeline);
    // A consumer in its own process reads the entries and is killed before it acknowledges.
    const script = `
      import { Redis } from 'ioredis';
      import { FeedConsumer } from ${JSON.stringify(new URL('../../dist/store/feed.js', import.meta.url).href)};
      const redis = new Redis(${JSON.stringify(config.redis.url)});
      const consumer = new FeedConsumer(redis, ${JSON.stringify(test.pipeline.store.feedStreamKey)}, 'readers', 'doomed', 60000);
      await consumer.ensureGroup('0');
      const items = await consumer.read();
      process.stdout.write(items.length + '\\n');
      setInterval(() => {}, 1000);`;
    const doomed = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('../..', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(async () => doomed.kill('SIGKILL'));
    const readCount = await new Promise<string>((resolve) => doomed.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
    expect(Number(readCount)).toBe(entries.length);
    doomed.kill('SIGKILL');
    await exited(doomed);
    const pending = await test.pipeline.redis.xpending(test.pipeline.store.feedStreamKey, 'readers');
    expect(Number((pending as unknown[])[0])).toBe(entries.length);
    const next = await runCli(['feed', '--group', 'readers', '--consumer', 'heir', '--claim-idle-ms', '0', '--jsonl'], configEnv(config));
    expect(next.code).toBe(0);
    const printed = next.stdout.trim() === '' ? [] : next.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id);
    expect(printed).toEqual(entries);
    expect(view?.claims.map((claim) => claim.id)).toEqual(entries);
    const after = new FeedConsumer(test.pipeline.redis, test.pipeline.store.feedStreamKey, 'readers', 'late', 0);
    expect(await after.read()).toEqual([]);
  });

  it('fails a page that needs more than the thread heap limit with PROCESS_OUT_OF_MEMORY, and the worker goes on', async () => {
    const heavy = claimDensePage(2_500_000);
    const origin = await startOrigin(['127.0.0.1'], (request, response) => {
      const path = request.url ?? '/';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(path === '/heavy' ? heavy : articlePage(path));
    });
    cleanups.push(() => origin.close());
    const config = testConfig({ 'process.heapLimitMb': 64, 'fetch.maxBytes': 4_000_000 });
    const test = openTestPipeline(config, { workers: false });
    cleanups.push(() => test.close());
    const env = { ...configEnv(config), CLAIMFEED_PROCESS_HEAP_LIMIT_MB: '64', CLAIMFEED_FETCH_MAX_BYTES: '4000000' };
    const worker = startCli(['worker', '--concurrency', '1'], env);
    cleanups.push(async () => worker.kill('SIGKILL'));
    const enqueue = async (path: string): Promise<string> => (await test.pipeline.enqueueUrls([origin.url('127.0.0.1', path)])).results[0]?.articleId ?? '';

    const [before] = await waitFinished(test.pipeline, [await enqueue('/article/before-heavy')]);
    expect(before?.status).toBe('done');
    const heavyId = await enqueue('/heavy');
    const [failed] = await waitFinished(test.pipeline, [heavyId], 60_000);
    expect(failed?.status).toBe('failed');
    // permanent: the same page would blow the same limit again, so it is not retried
    expect(failed?.failure).toMatchObject({ code: 'PROCESS_OUT_OF_MEMORY', permanent: true, stage: 'process', attempts: 1, url: origin.url('127.0.0.1', '/heavy') });
    expect(failed?.log?.outcome).toBe('failed');
    expect(failed?.log?.failure?.code).toBe('PROCESS_OUT_OF_MEMORY');
    expect((await test.pipeline.store.listFailures()).map((failure) => failure.articleId)).toContain(heavyId);
    expect(await feedClaimIds(test.pipeline)).toEqual(before?.claims.map((claim) => claim.id));

    // the same process goes on with a fresh thread
    const [after] = await waitFinished(test.pipeline, [await enqueue('/article/after-heavy')]);
    expect(after?.status).toBe('done');
    expect(after?.claimCount).toBeGreaterThan(0);
    expect(worker.exitCode).toBeNull();
    worker.kill('SIGTERM');
    expect(await exited(worker)).toBe(0);
  });

  it('enqueue, status and failures from the command line', async () => {
    const origin = await slowOrigin();
    const config = testConfig();
    const test = openTestPipeline(config, { workers: false });
    cleanups.push(() => test.close());
    const env = configEnv(config);
    const urls = [origin.url('127.0.0.1', '/article/cli-1'), origin.url('127.0.0.1', '/missing')];
    const enqueued = await runCli(['enqueue', '-'], env, `${urls.join('\n')}\n${urls[0]}?utm_campaign=x\nnot-a-url\n`);
    expect(enqueued.stdout.trim()).toBe('accepted 2, duplicate 1, rejected 1');
    expect(enqueued.code).toBe(1);
    const before = JSON.parse((await runCli(['status', '--json'], env)).stdout) as { articles: Record<string, number> };
    expect(before.articles).toMatchObject({ queued: 2, done: 0, failed: 0 });
    const worker = startCli(['worker'], env);
    cleanups.push(async () => worker.kill('SIGKILL'));
    const ids = (await test.pipeline.store.listArticles()).map((article) => article.id);
    await waitFinished(test.pipeline, ids);
    const after = JSON.parse((await runCli(['status', '--json'], env)).stdout) as { articles: Record<string, number>; queues: Record<string, Record<string, number>> };
    expect(after.articles).toMatchObject({ queued: 0, done: 1, failed: 1 });
    const failures = await runCli(['failures'], env);
    expect(failures.stdout).toContain('FETCH_HTTP_STATUS');
    expect(failures.stdout).toContain(urls[1]);
    const feed = await runCli(['feed', '--jsonl'], env);
    expect(feed.stdout.trim().split('\n').filter((line) => line !== '')).toHaveLength((await feedClaimIds(test.pipeline)).length);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/log.js';
import { Pipeline } from '../../src/queue/pipeline.js';
import { SourceRegistry } from '../../src/queue/source-registry.js';
import { type SourceWorker, startSourceWorker } from '../../src/workers/source-poll-stage.js';
import { rss2 } from '../helpers/feeds.js';
import { type NewsOrigin, startNewsOrigin } from '../helpers/news-origin.js';
import { type TestPipeline, openTestPipeline, testConfig } from '../helpers/pipeline.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('per-source schedules on BullMQ job schedulers', () => {
  let origin: NewsOrigin;
  let test: TestPipeline;
  const extra: Pipeline[] = [];
  const workers: SourceWorker[] = [];

  beforeAll(async () => {
    origin = await startNewsOrigin();
    test = openTestPipeline(testConfig({ 'sources.minEveryMs': 100 }), { workers: false });
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await test.close();
    await Promise.all(extra.map((pipeline) => pipeline.close()));
    await origin.close();
  });

  /** A worker with its own Redis connection, as a separate process would have. */
  const startWorker = (): SourceWorker => {
    const pipeline = Pipeline.create(test.config);
    extra.push(pipeline);
    const worker = startSourceWorker(pipeline, createLogger('silent'), { concurrency: 4 });
    workers.push(worker);
    return worker;
  };

  it('polls once per period however many workers run, and keeps polling after a restart', async () => {
    const everyMs = 1000;
    origin.docs.set('/feeds/tick.xml', { body: rss2([{ link: '/story/t1', date: Date.now() }]), type: 'application/rss+xml', etag: '"t1"' });
    const registry = new SourceRegistry(test.pipeline);
    const { source } = await registry.add(origin.url('127.0.0.1', '/feeds/tick.xml'), { everyMs });
    const first = startWorker();
    const second = startWorker();
    const started = Date.now();
    const hitsBefore = origin.count('/feeds/tick.xml');
    await sleep(4200);
    const elapsed = Date.now() - started;
    const polls = origin.count('/feeds/tick.xml') - hitsBefore;
    // The first poll (queued by add) plus one per period: two workers would double it.
    expect(polls).toBeGreaterThanOrEqual(Math.floor(elapsed / everyMs) - 1);
    expect(polls).toBeLessThanOrEqual(Math.ceil(elapsed / everyMs) + 1);
    // Every request after the first was a conditional GET answered 304. A poll the origin
    // has answered may not be recorded yet, so compare once both sides agree in time.
    await vi.waitFor(async () => {
      const counters = await registry.store.counters();
      expect(counters.polls['not-modified']).toBe(origin.count('/feeds/tick.xml') - hitsBefore - 1);
    }, { timeout: 2000, interval: 50 });

    await Promise.all([first.close(), second.close()]);
    const stoppedAt = origin.count('/feeds/tick.xml');
    await sleep(1500);
    expect(origin.count('/feeds/tick.xml')).toBe(stoppedAt);
    // A fresh process finds the schedule in Redis and carries on.
    expect(await registry.schedules.queue.getJobScheduler(source.id)).toMatchObject({ every: everyMs });
    startWorker();
    await sleep(2600);
    expect(origin.count('/feeds/tick.xml') - stoppedAt).toBeGreaterThanOrEqual(2);
    await vi.waitFor(async () => {
      const record = await registry.store.get(source.id);
      expect(record?.polls).toBe(origin.count('/feeds/tick.xml') - hitsBefore);
    }, { timeout: 2000, interval: 50 });
    await registry.close();
  });
});

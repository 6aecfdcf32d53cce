import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { SourceRegistry } from '../../src/queue/source-registry.js';
import { createReviewServer } from '../../src/server/app.js';
import { ServerMetrics } from '../../src/server/metrics.js';
import { createStoreBackend } from '../../src/server/store-backend.js';
import { type RunningServer, startReviewServer } from '../../src/server/start.js';
import { SourcePollStage } from '../../src/workers/source-poll-stage.js';
import { rss2 } from '../helpers/feeds.js';
import { type NewsOrigin, startNewsOrigin } from '../helpers/news-origin.js';
import { type TestPipeline, openTestPipeline, testConfig } from '../helpers/pipeline.js';

const TOKEN = 'feeds-t0ken';

describe('sources over HTTP: API, page and metrics', () => {
  let origin: NewsOrigin;
  let test: TestPipeline;
  let server: RunningServer;
  let stage: SourcePollStage;
  const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

  beforeAll(async () => {
    origin = await startNewsOrigin();
    test = openTestPipeline(testConfig(), { workers: false });
    server = await startReviewServer(test.pipeline, { host: '127.0.0.1', port: 0, token: TOKEN, logger: createLogger('silent') });
    stage = new SourcePollStage(test.pipeline, createLogger('silent'));
    origin.docs.set('/section/world', {
      type: 'text/html',
      body: '<!doctype html><html><head><title>World</title><link rel="alternate" type="application/atom+xml" href="/feeds/hostile.xml"></head><body>World news</body></html>',
    });
    origin.docs.set('/feeds/hostile.xml', {
      type: 'application/rss+xml',
      body: rss2([{ link: '/story/h1', title: '<img src=x onerror=alert(1)> Budget', date: Date.now() }], '<script>alert("feed")</script> Ledger'),
    });
  });

  afterAll(async () => {
    await stage.close();
    await server.close();
    await test.close();
    await origin.close();
  });

  it('writes need the token; a section page resolves to its feed; list, show, poll and delete', async () => {
    const body = JSON.stringify({ url: origin.url('127.0.0.1', '/section/world'), every: '15m', backfill: 5 });
    expect((await fetch(`${server.origin}/api/sources`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(401);
    const created = await fetch(`${server.origin}/api/sources`, { method: 'POST', headers: auth, body });
    expect(created.status).toBe(201);
    const added = (await created.json()) as { source: { id: string; feedUrl: string; resolvedBy: string; everyMs: number; backfill: number } };
    expect(added.source).toMatchObject({ feedUrl: origin.url('127.0.0.1', '/feeds/hostile.xml'), resolvedBy: 'page-link', everyMs: 900_000, backfill: 5 });
    const again = await fetch(`${server.origin}/api/sources`, { method: 'POST', headers: auth, body: JSON.stringify({ url: origin.url('127.0.0.1', '/feeds/hostile.xml') }) });
    expect(again.status).toBe(200);

    const bad = await fetch(`${server.origin}/api/sources`, { method: 'POST', headers: auth, body: JSON.stringify({ url: origin.url('127.0.0.1', '/missing.xml') }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^FETCH_HTTP_STATUS/);
    // Resolving a slow site may take longer than the server's Redis deadline: that is no Redis failure.
    origin.docs.set('/slow/feed.xml', { type: 'application/rss+xml', body: rss2([]), delayMs: 800 });
    const registry = new SourceRegistry(test.pipeline);
    const backend = createStoreBackend({ store: test.pipeline.store, stageQueues: [], enqueue: async () => [] });
    const strict = createReviewServer({ backend, metrics: new ServerMetrics([], { followQueues: false }), sources: registry }, { host: '127.0.0.1', port: 0, token: TOKEN, backendTimeoutMs: 300 });
    try {
      const slow = await fetch(`http://127.0.0.1:${(await strict.listen()).port}/api/sources`, { method: 'POST', headers: auth, body: JSON.stringify({ url: origin.url('127.0.0.1', '/slow/feed.xml') }) });
      expect(slow.status).toBe(201);
      await registry.remove(((await slow.json()) as { source: { id: string } }).source.id);
    } finally {
      await strict.close();
      await registry.close();
    }
    const badEvery = await fetch(`${server.origin}/api/sources`, { method: 'POST', headers: auth, body: JSON.stringify({ url: 'https://e.example/feed', every: 'often' }) });
    expect(badEvery.status).toBe(400);

    const id = added.source.id;
    const list = (await (await fetch(`${server.origin}/api/sources`)).json()) as { sources: Array<{ id: string; nextPollAt: string | null }> };
    expect(list.sources.map((source) => source.id)).toEqual([id]);
    expect(list.sources[0]?.nextPollAt).not.toBeNull();

    expect((await stage.poll(id)).outcome).toBe('new-items');
    const shown = (await (await fetch(`${server.origin}/api/sources/${id}`)).json()) as { recentItems: Array<{ url: string }>; recentPolls: Array<{ outcome: string }> };
    expect(shown.recentItems.map((item) => item.url)).toEqual([origin.url('127.0.0.1', '/story/h1')]);
    expect(shown.recentPolls[0]?.outcome).toBe('new-items');

    const page = await (await fetch(`${server.origin}/sources`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('&lt;script&gt;alert(&quot;feed&quot;)&lt;/script&gt; Ledger');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; Budget');
    expect(page).not.toMatch(/<script>alert|<img src=x/);
    expect(page).toContain('healthy');

    const metrics = await (await fetch(`${server.origin}/metrics`)).text();
    expect(metrics).toMatch(/claimfeed_source_polls_total\{outcome="new-items"\} 1/);
    expect(metrics).toMatch(/claimfeed_source_new_items_total 1/);

    expect((await fetch(`${server.origin}/api/sources/${id}/poll`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${server.origin}/api/sources/${id}/poll`, { method: 'POST', headers: auth })).status).toBe(202);
    expect(await test.pipeline.redis.exists(test.pipeline.store.keys.source(id))).toBe(1);
    expect((await fetch(`${server.origin}/api/sources/${id}`, { method: 'DELETE' })).status).toBe(401);
    expect((await fetch(`${server.origin}/api/sources/${id}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    expect((await fetch(`${server.origin}/api/sources/${id}`)).status).toBe(404);
    expect((await fetch(`${server.origin}/api/sources/${id}/poll`, { method: 'POST', headers: auth })).status).toBe(404);
  });
});

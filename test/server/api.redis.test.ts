import { request } from 'node:http';
import { connect } from 'node:net';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewServer, type ReviewServer } from '../../src/server/app.js';
import { checkBindSecurity } from '../../src/server/auth.js';
import { ServerMetrics } from '../../src/server/metrics.js';
import { createStoreBackend } from '../../src/server/store-backend.js';
import { ArticleStore } from '../../src/store/articles.js';
import { claimsFor, extractionLogFor, strippedFixture } from '../helpers/review-fixtures.js';
import { dropPrefix, testPrefix, testRedis } from '../helpers/redis.js';

const URL_A = 'https://ledger.example/news/harbour-flood-plan';

async function seedArticle(store: ArticleStore, id: string, url: string): Promise<number> {
  const article = strippedFixture('harbour-budget.html', url);
  const claims = claimsFor(id, article.text, [
    { speaker: 'Mayor Elena Ruiz', cue: 'said', content: 'This wall is cheaper than the next flood.' },
    { content: 'approved a $12 million plan to raise the sea wall', figures: ['$12 million'] },
  ]);
  await store.register(id, url, { refresh: false, source: 'url' });
  return store.complete(id, { article, claims, log: extractionLogFor(id, url, article, claims), fields: { title: article.title ?? '' } });
}

describe('HTTP API over a real store', () => {
  let redis: Redis;
  let prefix: string;
  let store: ArticleStore;
  let open: ReviewServer;
  let guarded: ReviewServer;
  let base: string;
  let guardedBase: string;
  const enqueued: string[][] = [];

  beforeAll(async () => {
    redis = testRedis();
    prefix = testPrefix();
    store = new ArticleStore(redis, prefix);
    await seedArticle(store, 'a1', URL_A);
    // These tests stop at validation and auth; queueing itself is covered end to end.
    const backend = createStoreBackend({
      store,
      stageQueues: [],
      enqueue: async (urls) => (enqueued.push([...urls]), urls.map((url) => ({ id: `id-${url}`, url, outcome: 'accepted' as const, status: 'queued' as const }))),
    });
    open = createReviewServer({ backend, metrics: new ServerMetrics([], { followQueues: false }) }, { host: '127.0.0.1', port: 0, token: null });
    guarded = createReviewServer({ backend, metrics: new ServerMetrics([], { followQueues: false }) }, { host: '127.0.0.1', port: 0, token: 's3cret-token' });
    base = `http://127.0.0.1:${(await open.listen()).port}`;
    guardedBase = `http://127.0.0.1:${(await guarded.listen()).port}`;
  });

  afterAll(async () => {
    await open.close();
    await guarded.close();
    await dropPrefix(redis, prefix);
    redis.disconnect();
  });

  it('answers GET /api/articles/:id with status, article, claims and log', async () => {
    const response = await fetch(`${base}/api/articles/a1`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['status']).toBe('done');
    expect((body['claims'] as unknown[]).length).toBe(2);
    expect((body['article'] as { title: string }).title).toContain('Harbour city council');
    expect((body['log'] as { articleId: string }).articleId).toBe('a1');
  });

  it('answers unknown ids, routes and methods with JSON errors', async () => {
    const missing = await fetch(`${base}/api/articles/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No article with id nope' } });
    const wrongMethod = await fetch(`${base}/api/articles/a1`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(((await wrongMethod.json()) as { error: { code: string } }).error.code).toBe('METHOD_NOT_ALLOWED');
    const page = await fetch(`${base}/articles/nope`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('rejects bad POST /api/articles bodies with 400 and says what is wrong', async () => {
    const post = (body: string, type = 'application/json') => fetch(`${base}/api/articles`, { method: 'POST', headers: { 'content-type': type }, body });
    const cases: Array<[string, string, number, RegExp]> = [
      ['{"urls": [', 'application/json', 400, /not valid JSON/],
      ['[]', 'application/json', 400, /JSON object/],
      ['{"url": "https://x.example"}', 'application/json', 400, /Missing "urls"/],
      ['{"urls": "https://x.example"}', 'application/json', 400, /must be an array/],
      ['{"urls": []}', 'application/json', 400, /at least one/],
      ['{"urls": [7]}', 'application/json', 400, /urls\[0\] must be a string/],
      ['{"urls": ["ftp://x.example/a"]}', 'application/json', 400, /urls\[0\] must be http or https/],
      ['{"urls": ["not a url"]}', 'application/json', 400, /urls\[0\] is not an absolute URL/],
      ['urls=https://x.example', 'application/x-www-form-urlencoded', 415, /application\/json/],
      [JSON.stringify({ urls: ['https://x.example/' + 'a'.repeat(2 * 1024 * 1024)] }), 'application/json', 413, /over/],
    ];
    for (const [body, type, status, message] of cases) {
      const response = await post(body, type);
      expect(response.status, body.slice(0, 40)).toBe(status);
      const error = ((await response.json()) as { error: { code: string; message: string } }).error;
      expect(error.message).toMatch(message);
    }
    expect(enqueued).toEqual([]);
  });

  it('answers each URL of a batch on its own: one bad URL does not turn the others away', async () => {
    const response = await fetch(`${base}/api/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ urls: ['https://x.example/a', 7, 'ftp://x.example/b', 'https://x.example/c'] }),
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { accepted: number; rejected: number; articles: Array<{ url: string; outcome: string; error?: { message: string } }> };
    expect(body).toMatchObject({ accepted: 2, duplicate: 0, rejected: 2 });
    expect(body.articles.map((item) => item.outcome)).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
    expect(body.articles[1]?.error?.message).toMatch(/urls\[1\] must be a string/);
    expect(body.articles[2]?.error?.message).toMatch(/urls\[2\] must be http or https/);
    expect(enqueued.pop()).toEqual(['https://x.example/a', 'https://x.example/c']);
  });

  it('validates GET /api/claims filters and filters by kind and article', async () => {
    expect((await fetch(`${base}/api/claims?kind=opinion`)).status).toBe(400);
    expect((await fetch(`${base}/api/claims?limit=0`)).status).toBe(400);
    expect((await fetch(`${base}/api/claims?since=yesterday`)).status).toBe(400);
    expect((await fetch(`${base}/api/claims?colour=red`)).status).toBe(400);
    const figures = (await (await fetch(`${base}/api/claims?kind=figure`)).json()) as { claims: Array<{ claim: { kind: string } }> };
    expect(figures.claims.map((entry) => entry.claim.kind)).toEqual(['figure']);
    const byArticle = (await (await fetch(`${base}/api/claims?article=a1`)).json()) as { claims: unknown[] };
    expect(byArticle.claims).toHaveLength(2);
    const byActor = (await (await fetch(`${base}/api/claims?actor=mayor%20elena%20ruiz`)).json()) as { claims: unknown[] };
    expect(byActor.claims).toHaveLength(1);
    expect((await fetch(`${base}/api/claims?until=soon`)).status).toBe(400);
    const all = (await (await fetch(`${base}/api/claims?article=a1`)).json()) as { claims: Array<{ streamId: string }> };
    const streamMs = all.claims.map((entry) => Number(entry.streamId.split('-')[0]));
    const before = (await (await fetch(`${base}/api/claims?until=${Math.min(...streamMs) - 1}`)).json()) as { claims: unknown[] };
    expect(before.claims).toEqual([]);
    // An article's claims may be written across a millisecond boundary: bound by the last one.
    const upTo = (await (await fetch(`${base}/api/claims?until=${new Date(Math.max(...streamMs)).toISOString()}&kind=figure`)).json()) as { claims: Array<{ claim: { articleId: string } }> };
    expect(upTo.claims.map((entry) => entry.claim.articleId)).toEqual(['a1']);
  });

  it('answers out-of-range stream ids and times with a typed 400, not a Redis error', async () => {
    for (const query of ['since=99999999999999999999999', 'until=99999999999999999999999', 'cursor=1-18446744073709551616', 'cursor=18446744073709551616-0', 'cursor=123456789012345678901']) {
      const response = await fetch(`${base}/api/claims?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code, query).toBe('BAD_REQUEST');
    }
    expect((await fetch(`${base}/api/claims?cursor=18446744073709551615-18446744073709551615`)).status).toBe(200);
  });

  it('ignores a malformed or out-of-range Last-Event-ID and streams from now', async () => {
    for (const id of ['1-18446744073709551616', '99999999999999999999999-0', 'not-an-id', '18446744073709551615-0']) {
      const controller = new AbortController();
      const response = await fetch(`${base}/api/claims/stream`, { headers: { 'last-event-id': id }, signal: controller.signal });
      expect(response.status, id).toBe(200);
      const reader = response.body!.getReader();
      let text = '';
      while (!/claim stream from/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
      expect(text, id).not.toContain(id);
      controller.abort();
    }
  });

  it('needs the token for writes and the queue dashboard when one is set', async () => {
    const body = JSON.stringify({ urls: ['https://x.example/a'] });
    const headers = { 'content-type': 'application/json' };
    const none = await fetch(`${guardedBase}/api/articles`, { method: 'POST', headers, body });
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
    const wrong = await fetch(`${guardedBase}/api/articles`, { method: 'POST', headers: { ...headers, authorization: 'Bearer nope' }, body });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${guardedBase}/api/articles`, { method: 'POST', headers: { ...headers, authorization: 'Bearer s3cret-token' }, body });
    expect(right.status).toBe(202);
    expect(enqueued).toEqual([['https://x.example/a']]);
    const queues = await fetch(`${guardedBase}/queues/`);
    expect(queues.status).toBe(401);
    expect(queues.headers.get('www-authenticate')).toContain('Basic');
    // Reads stay open.
    expect((await fetch(`${guardedBase}/api/articles/a1`)).status).toBe(200);
    enqueued.length = 0;
  });

  it('refuses to bind beyond loopback without a token', () => {
    expect(() => checkBindSecurity('0.0.0.0', null)).toThrow(/without a token/);
    expect(() => checkBindSecurity('192.0.2.10', '')).toThrow(/without a token/);
    expect(() => checkBindSecurity('0.0.0.0', 'token')).not.toThrow();
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(() => checkBindSecurity(host, null)).not.toThrow();
    expect(() => createReviewServer({ backend: createStoreBackend({ store, stageQueues: [], enqueue: async () => [] }), metrics: new ServerMetrics([], { followQueues: false }) }, { host: '0.0.0.0', port: 0, token: null })).toThrow(
      expect.objectContaining({ code: 'SERVER_TOKEN_REQUIRED' }),
    );
  });

  it('refuses cross-site form posts', async () => {
    const response = await fetch(`${base}/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example', accept: 'text/html' },
      body: 'urls=https%3A%2F%2Fx.example%2Fa',
    });
    expect(response.status).toBe(401);
    expect(enqueued).toEqual([]);
  });

  it('serves pages with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${base}/articles/a1`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('class="m ');
  });

  it('survives malformed HTTP and keeps answering', async () => {
    const port = new URL(base).port;
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('GARBAGE /\u0000 HTTP/9\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', () => resolve(data));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await fetch(`${base}/api/articles/%E0%A4%A`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('exposes Prometheus metrics with the claimfeed_ prefix', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/claimfeed_http_requests_total\{method="GET",route="\/api\/articles\/:id",status="200"\} \d+/);
    expect(text).toContain('claimfeed_process_resident_memory_bytes');
    expect(text).toContain('# TYPE claimfeed_stage_jobs_total counter');
  });

  it('streams new feed claims as Server-Sent Events and resumes from Last-Event-ID', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/claims/stream`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (pattern: RegExp): Promise<string> => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
      return text;
    };
    await readUntil(/claim stream from/);
    expect(await seedArticle(store, 'a2', 'https://ledger.example/news/harbour-flood-plan-2')).toBe(2);
    const events = await readUntil(/(event: claim[\s\S]*){2}/);
    const ids = [...events.matchAll(/^id: (\S+)$/gm)].map((match) => match[1] as string);
    expect(ids).toHaveLength(2);
    expect(events).toContain('"articleId":"a2"');
    expect(events).not.toContain('"articleId":"a1"');
    controller.abort();

    const resumed = await fetch(`${base}/api/claims/stream`, { headers: { 'last-event-id': ids[0] as string } });
    const resumedReader = resumed.body!.getReader();
    let resumedText = '';
    while (!/event: claim/.test(resumedText)) resumedText += decoder.decode((await resumedReader.read()).value);
    expect(resumedText).toContain(`id: ${ids[1]}`);
    await resumedReader.cancel();
  });

  it('answers only requests addressed to a loopback name (no DNS rebinding)', async () => {
    const statusFor = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${base}/api/articles/a1`, { headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await statusFor('rebind.evil.example:8080')).toBe(403);
    expect(await statusFor(`localhost:${new URL(base).port}`)).toBe(200);
    expect(await statusFor('[::1]')).toBe(200);
  });

  it('takes the token from the queue form when one is required', async () => {
    const post = (body: string) =>
      fetch(`${guardedBase}/articles`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, body });
    expect((await post('urls=https%3A%2F%2Fx.example%2Fform')).status).toBe(401);
    expect((await post('urls=https%3A%2F%2Fx.example%2Fform&token=wrong')).status).toBe(401);
    const accepted = await post('urls=https%3A%2F%2Fx.example%2Fform&token=s3cret-token');
    expect(accepted.status).toBe(303);
    expect(enqueued).toEqual([['https://x.example/form']]);
    const page = await (await fetch(`${guardedBase}/`)).text();
    expect(page).toContain('name="token"');
    enqueued.length = 0;
  });

  it('answers 503 instead of hanging, and keeps running, when Redis does not answer', async () => {
    const deadRedis = testRedis('redis://127.0.0.1:1');
    deadRedis.on('error', () => undefined);
    const deadStore = new ArticleStore(deadRedis, prefix);
    const dead = createReviewServer(
      { backend: createStoreBackend({ store: deadStore, stageQueues: [], enqueue: async () => [] }), metrics: new ServerMetrics([], { followQueues: false }) },
      { host: '127.0.0.1', port: 0, token: null, backendTimeoutMs: 300 },
    );
    const deadBase = `http://127.0.0.1:${(await dead.listen()).port}`;
    try {
      const article = await fetch(`${deadBase}/api/articles/a1`);
      expect(article.status).toBe(503);
      expect(((await article.json()) as { error: { code: string } }).error.code).toBe('REDIS_UNAVAILABLE');
      const health = await fetch(`${deadBase}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'degraded', redis: 'unavailable' });
      expect((await fetch(`${deadBase}/assets/review.css`)).status).toBe(200);
    } finally {
      await dead.close();
      deadRedis.disconnect();
    }
  });
});

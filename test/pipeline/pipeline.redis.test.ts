import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extractors/claims/index.js';
import { decodeHtmlBytes } from '../../src/extractors/decode.js';
import { stripArticle } from '../../src/extractors/strip/index.js';
import { articleIdForUrl } from '../../src/model/ids.js';
import { type Origin, articlePage, startOrigin } from '../helpers/origin.js';
import { type TestPipeline, feedClaimIds, openTestPipeline, testConfig, waitFinished } from '../helpers/pipeline.js';

/** The claims the pipeline should emit for a page: the pure functions run directly. */
function expectedClaimIds(html: string, url: string): string[] {
  const article = stripArticle(decodeHtmlBytes(Buffer.from(html)).html, { url });
  const articleId = articleIdForUrl(url, testConfig().dedup.trackingParams);
  return extractClaims(article.text, { articleId }).claims.map((claim) => claim.id);
}

function html(response: ServerResponse, body: string, status = 200): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  response.end(body);
}

describe('pipeline against a real origin and Redis', () => {
  let origin: Origin;
  let test: TestPipeline;
  const rateLimited = new Set<string>();

  beforeAll(async () => {
    origin = await startOrigin(['127.0.0.1', '127.0.0.2', '127.0.0.3'], (request, response) => {
      const path = request.url ?? '/';
      if (path === '/robots.txt') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('User-agent: *\nDisallow: /private/\n');
      } else if (path.startsWith('/article/')) html(response, articlePage(path.slice(9)));
      else if (path.startsWith('/same-story/')) html(response, articlePage('shared'));
      else if (path === '/moved') {
        response.writeHead(301, { location: '/article/moved-target' });
        response.end();
      } else if (path.startsWith('/loop')) {
        response.writeHead(302, { location: path === '/loop-a' ? '/loop-b' : '/loop-a' });
        response.end();
      } else if (path === '/missing') html(response, 'not here', 404);
      else if (path === '/sign-in-wall') html(response, '<html><head><title>Sign in</title></head><body><nav><a href="/">Home</a></nav><form><input name="user"><button>Sign in</button></form></body></html>');
      else if (path === '/broken') html(response, 'oops', 500);
      else if (path === '/hang') {
        // never answers: the headers timeout must fire
      } else if (path === '/slow-body') {
        response.writeHead(200, { 'content-type': 'text/html' });
        const timer = setInterval(() => response.write('<p>drip</p>'), 200);
        response.on('close', () => clearInterval(timer));
      } else if (path === '/huge') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(`<html><body>${'<p>filler text</p>'.repeat(30_000)}</body></html>`);
      } else if (path === '/data.json') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"a":1}');
      } else if (path.startsWith('/busy/')) {
        if (!rateLimited.has(path)) {
          rateLimited.add(path);
          response.writeHead(429, { 'retry-after': '2', 'content-type': 'text/plain' });
          response.end('slow down');
        } else html(response, articlePage(path));
      } else html(response, 'no route', 404);
    });
    test = openTestPipeline(testConfig());
  });

  afterAll(async () => {
    await test.close();
    await origin.close();
  });

  it('takes a URL to claims in the feed, with the extraction log', async () => {
    const url = origin.url('127.0.0.1', '/article/e2e');
    const report = await test.pipeline.enqueueUrls([url]);
    expect(report).toMatchObject({ accepted: 1, duplicate: 0, rejected: 0 });
    const id = report.results[0]?.articleId ?? '';
    const [view] = await waitFinished(test.pipeline, [id]);
    expect(view?.status).toBe('done');
    expect(view?.article?.text).toContain('cheaper than the next flood');
    expect(view?.log?.fetch).toMatchObject({ status: 200, finalUrl: url, redirects: [], charset: 'UTF-8' });
    expect(view?.log?.strip?.textChars).toBeGreaterThan(100);
    const expected = expectedClaimIds(articlePage('e2e'), url);
    expect(view?.claims.map((claim) => claim.id)).toEqual(expected);
    expect(await feedClaimIds(test.pipeline)).toEqual(expect.arrayContaining(expected));
    expect(await test.pipeline.redis.exists(test.pipeline.store.keys.body(id))).toBe(0);
  });

  it('records the redirect chain', async () => {
    const report = await test.pipeline.enqueueUrls([origin.url('127.0.0.1', '/moved')]);
    const [view] = await waitFinished(test.pipeline, [report.results[0]?.articleId ?? '']);
    expect(view?.status).toBe('done');
    expect(view?.log?.fetch?.redirects).toEqual([{ url: origin.url('127.0.0.1', '/moved'), status: 301, location: origin.url('127.0.0.1', '/article/moved-target') }]);
    expect(view?.log?.fetch?.finalUrl).toBe(origin.url('127.0.0.1', '/article/moved-target'));
  });

  it('treats a re-queued URL as a duplicate unless refreshed, and one story under two URLs as one', async () => {
    const url = origin.url('127.0.0.1', '/article/dup?utm_source=x');
    const first = await test.pipeline.enqueueUrls([url]);
    await waitFinished(test.pipeline, [first.results[0]?.articleId ?? '']);
    const again = await test.pipeline.enqueueUrls([origin.url('127.0.0.1', '/article/dup'), url]);
    expect(again).toMatchObject({ accepted: 0, duplicate: 2 });
    const feedBefore = await feedClaimIds(test.pipeline);
    const refreshed = await test.pipeline.enqueueUrls([url], { refresh: true });
    expect(refreshed.accepted).toBe(1);
    const [view] = await waitFinished(test.pipeline, [refreshed.results[0]?.articleId ?? '']);
    expect(view?.version).toBe(2);
    // the same claims again add nothing to the feed
    expect(await feedClaimIds(test.pipeline)).toEqual(feedBefore);

    const pair = await test.pipeline.enqueueUrls([origin.url('127.0.0.1', '/same-story/a')]);
    await waitFinished(test.pipeline, [pair.results[0]?.articleId ?? '']);
    const second = await test.pipeline.enqueueUrls([origin.url('127.0.0.1', '/same-story/b')]);
    const [copy] = await waitFinished(test.pipeline, [second.results[0]?.articleId ?? '']);
    expect(copy?.duplicateOf).toBe(pair.results[0]?.articleId);
    expect(copy?.claims).toEqual([]);
    expect(copy?.log?.dedup.reason).toBe('content-hash');
  });

  it('rejects what is not a URL and refuses non-http schemes at enqueue', async () => {
    const report = await test.pipeline.enqueueUrls(['not a url', 'ftp://127.0.0.1/file.html']);
    expect(report).toMatchObject({ accepted: 0, rejected: 2 });
    expect(report.results.map((result) => result.error?.code)).toEqual(['INVALID_URL', 'FETCH_BLOCKED_SCHEME']);
    const failures = await test.pipeline.store.listFailures();
    expect(failures.some((failure) => failure.code === 'FETCH_BLOCKED_SCHEME' && failure.stage === 'enqueue')).toBe(true);
  });

  const faults: Array<[string, string, string, boolean]> = [
    ['robots.txt disallow', '/private/page', 'FETCH_ROBOTS_DISALLOWED', true],
    ['404', '/missing', 'FETCH_HTTP_STATUS', true],
    ['500', '/broken', 'FETCH_HTTP_STATUS', false],
    ['no response (timeout)', '/hang', 'FETCH_TIMEOUT', false],
    ['a body that never ends', '/slow-body', 'FETCH_TIMEOUT', false],
    ['an oversize body', '/huge', 'FETCH_TOO_LARGE', true],
    ['a redirect loop', '/loop-a', 'FETCH_REDIRECT_LIMIT', true],
    ['a non-HTML response', '/data.json', 'FETCH_NOT_HTML', true],
  ];

  it.each(faults)('fails %s with a visible, typed failure record', async (_name, path, code, permanent) => {
    const url = origin.url('127.0.0.1', path);
    const report = await test.pipeline.enqueueUrls([url]);
    const id = report.results[0]?.articleId ?? '';
    const [view] = await waitFinished(test.pipeline, [id]);
    expect(view?.status).toBe('failed');
    expect(view?.failure).toMatchObject({ code, permanent, stage: 'fetch', url });
    // permanent errors are not retried; transient ones use every attempt
    expect(view?.failure?.attempts).toBe(permanent ? 1 : test.config.fetch.attempts);
    expect(view?.log?.failure?.code).toBe(code);
    const listed = await test.pipeline.store.listFailures();
    expect(listed.map((failure) => failure.articleId)).toContain(id);
  });

  it('records a page with no article text as an ARTICLE_EMPTY failure with the steps tried, and goes on', async () => {
    const report = await test.pipeline.enqueueUrls([origin.url('127.0.0.1', '/sign-in-wall'), origin.url('127.0.0.1', '/article/after-empty')]);
    const [empty, next] = await waitFinished(test.pipeline, report.results.map((result) => result.articleId ?? ''));
    expect(empty?.status).toBe('failed');
    expect(empty?.failure).toMatchObject({ code: 'ARTICLE_EMPTY', permanent: true, stage: 'process', attempts: 1 });
    expect(empty?.failure?.details?.tried).toEqual(expect.arrayContaining([expect.objectContaining({ step: 'every substantial block' })]));
    expect(empty?.log?.failure?.code).toBe('ARTICLE_EMPTY');
    expect(next?.status).toBe('done');
  });

  it('slows only the host that answered 429 with Retry-After', async () => {
    const busy = origin.url('127.0.0.2', '/busy/one');
    const others = [1, 2, 3, 4].map((n) => origin.url('127.0.0.3', `/article/calm-${n}`));
    const started = Date.now();
    const busyReport = await test.pipeline.enqueueUrls([busy]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const otherReport = await test.pipeline.enqueueUrls(others);
    const otherViews = await waitFinished(test.pipeline, otherReport.results.map((result) => result.articleId ?? ''));
    const busyId = busyReport.results[0]?.articleId ?? '';
    const busyMidway = await test.pipeline.store.getArticle(busyId);
    expect(otherViews.every((view) => view.status === 'done')).toBe(true);
    // the other host finished while the busy one still waited out its Retry-After
    expect(busyMidway?.status).not.toBe('done');
    const [busyView] = await waitFinished(test.pipeline, [busyId]);
    expect(busyView?.status).toBe('done');
    expect(Date.parse(busyView?.finishedAt ?? '')).toBeGreaterThanOrEqual(started + 2000);
    const hosts = await test.pipeline.redis.hget(test.pipeline.store.keys.host(`127.0.0.2:${origin.port}`), 'penaltyUntil');
    expect(Number(hosts)).toBeGreaterThan(started);
    expect(await test.pipeline.redis.hget(test.pipeline.store.keys.host(`127.0.0.3:${origin.port}`), 'penaltyUntil')).toBeNull();
  });
});

describe('address guard with default config', () => {
  it('refuses loopback and private addresses unless configured', async () => {
    const origin = await startOrigin(['127.0.0.1'], (_request, response) => html(response, articlePage('private')));
    const test = openTestPipeline(testConfig({ 'fetch.allowPrivateNetworks': false }));
    try {
      const report = await test.pipeline.enqueueUrls([origin.url('127.0.0.1', '/article/x'), 'http://localhost:9/x', 'http://10.0.0.1/x']);
      const views = await waitFinished(test.pipeline, report.results.map((result) => result.articleId ?? ''));
      expect(views.map((view) => view.failure?.code)).toEqual(['FETCH_BLOCKED_ADDRESS', 'FETCH_BLOCKED_ADDRESS', 'FETCH_BLOCKED_ADDRESS']);
      expect(origin.hits).toEqual([]);
    } finally {
      await test.close();
      await origin.close();
    }
  });
});

describe('per-host politeness', () => {
  it('spaces requests to one host by hostMinDelayMs across all jobs, and leaves other hosts alone', async () => {
    const seen: Array<{ host: string; at: number }> = [];
    const origin = await startOrigin(['127.0.0.2', '127.0.0.3'], (request, response, host) => {
      if (request.url !== '/robots.txt') seen.push({ host, at: Date.now() });
      html(response, articlePage(`${host}${request.url}`), request.url === '/robots.txt' ? 404 : 200);
    });
    const test = openTestPipeline(testConfig({ 'fetch.hostMinDelayMs': 400, 'fetch.hostMaxConcurrency': 1 }));
    try {
      const slow = [1, 2, 3, 4, 5].map((n) => origin.url('127.0.0.2', `/article/polite-${n}`));
      const other = [origin.url('127.0.0.3', '/article/other')];
      const report = await test.pipeline.enqueueUrls([...slow, ...other]);
      const views = await waitFinished(test.pipeline, report.results.map((result) => result.articleId ?? ''));
      expect(views.every((view) => view.status === 'done')).toBe(true);
      const times = seen.filter((hit) => hit.host === '127.0.0.2').map((hit) => hit.at);
      expect(times).toHaveLength(5);
      // Slots are granted 400 ms apart; arrival at the server jitters by the client's scheduling.
      for (let index = 1; index < times.length; index++) expect((times[index] ?? 0) - (times[index - 1] ?? 0)).toBeGreaterThanOrEqual(250);
      expect((times[4] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(4 * 400 - 100);
      // the other host was fetched long before the polite host's queue drained
      const otherAt = seen.find((hit) => hit.host === '127.0.0.3')?.at ?? Infinity;
      expect(otherAt).toBeLessThan(times[times.length - 1] ?? 0);
    } finally {
      await test.close();
      await origin.close();
    }
  });
});

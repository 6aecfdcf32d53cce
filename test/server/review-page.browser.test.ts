import type { Redis } from 'ioredis';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewServer, type ReviewServer } from '../../src/server/app.js';
import { ServerMetrics } from '../../src/server/metrics.js';
import { createStoreBackend } from '../../src/server/store-backend.js';
import { ArticleStore } from '../../src/store/articles.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { claimsFor, extractionLogFor, strippedFixture } from '../helpers/review-fixtures.js';
import { dropPrefix, testPrefix, testRedis } from '../helpers/redis.js';

/** Watches a page for anything a hostile article could make happen. */
function watchForExecution(page: Page): { dialogs: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  return seen;
}

describe('review page in Chromium (seeded store)', { timeout: 60_000 }, () => {
  let redis: Redis;
  let prefix: string;
  let server: ReviewServer;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    redis = testRedis();
    prefix = testPrefix();
    const store = new ArticleStore(redis, prefix);
    const seed = async (id: string, fixture: string, url: string, sketches: Parameters<typeof claimsFor>[2]) => {
      const article = strippedFixture(fixture, url);
      const claims = claimsFor(id, article.text, sketches);
      await store.register(id, url, { refresh: false, source: 'url' });
      await store.complete(id, { article, claims, log: extractionLogFor(id, url, article, claims), fields: { title: article.title ?? '' } });
    };
    await seed('hostile', 'hostile.html', 'https://hostile.example/budget', [
      { speaker: 'The finance minister', cue: 'said', content: 'the deficit would reach $40 billion <img src=x onerror="window.__pwned=7;alert(7)"> by next year', figures: ['$40 billion'] },
      { speaker: 'the minister', cue: 'said', content: 'Nobody should panic </mark><script>window.__pwned=8</script>,' },
    ]);
    await seed('harbour', 'harbour-budget.html', 'https://ledger.example/news/harbour-flood-plan', [
      { speaker: 'Mayor Elena Ruiz', cue: 'said', content: 'This wall is cheaper than the next flood.' },
      { content: 'approved a $12 million plan to raise the sea wall', figures: ['$12 million'] },
    ]);
    const backend = createStoreBackend({ store, stageQueues: [], enqueue: async () => [] });
    server = createReviewServer({ backend, metrics: new ServerMetrics([], { followQueues: false }) }, { host: '127.0.0.1', port: 0, token: null });
    base = `http://127.0.0.1:${(await server.listen()).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await dropPrefix(redis, prefix);
    redis.disconnect();
  });

  it('renders the hostile article inert: no script ran, no dialog, no injected elements', async () => {
    const page = await browser.newPage();
    const seen = watchForExecution(page);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${base}/articles/hostile`, { waitUntil: 'load' });
    await page.locator('mark.m').first().hover();
    await page.locator('mark.m').first().click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    // Nothing from the page became an element: the only script is ours, no img/svg/iframe exists.
    expect(await page.locator('img, svg, iframe, object, embed').count()).toBe(0);
    expect(await page.locator('script').evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src')))).toEqual(['/assets/review.js']);
    expect(await page.locator('[onerror], [onload], [onmouseover]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    // …and the payloads are there as text for the reviewer to see.
    await expect.poll(() => page.locator('h1.article-title').textContent()).toContain('<script>window.__pwned=1;alert(1)</script>');
    expect(await page.locator('#text').textContent()).toContain('<img src=x onerror="window.__pwned=7;alert(7)">');
    expect(violations).toEqual([]);
    await page.screenshot({ path: screenshotPath('review-hostile.png'), fullPage: true });
    await page.close();
  });

  it('shows a claim record and its rule ids when a mark is clicked', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const seen = watchForExecution(page);
    await page.goto(`${base}/articles/harbour`);
    const figure = page.locator('mark.m.l-figure', { hasText: '$12 million' });
    expect(await figure.getAttribute('title')).toContain('rules: fig.test-1');
    await figure.click();
    await expect.poll(() => page.locator('#inspector-body').textContent()).toContain('"kind": "figure"');
    const inspector = (await page.locator('#inspector-body').textContent()) ?? '';
    expect(inspector).toContain('attr.test-1');
    expect(inspector).toContain('$12 million');
    expect(await page.locator('#claim-1 details').getAttribute('open')).not.toBeNull();
    expect(seen.errors).toEqual([]);
    await page.screenshot({ path: screenshotPath('review-article.png'), fullPage: true });
    await page.close();
  });
});

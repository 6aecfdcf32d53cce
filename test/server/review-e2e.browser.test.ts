import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { startReviewServer, type RunningServer } from '../../src/server/start.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { startOrigin, type Origin } from '../helpers/origin.js';
import { openTestPipeline, testConfig, type TestPipeline } from '../helpers/pipeline.js';
import { fixtureHtml } from '../helpers/review-fixtures.js';

const PAGES: Record<string, string> = {
  '/news/harbour-flood-plan': 'harbour-budget.html',
  '/news/budget-row': 'hostile.html',
};

/**
 * The whole product as a reviewer uses it: a real origin on 127.0.0.1 serving fixture pages,
 * the pipeline's workers on real Redis, the server from `claimfeed up`, and Chromium.
 */
describe('queue through the form and review in Chromium', { timeout: 90_000 }, () => {
  let origin: Origin;
  let test: TestPipeline;
  let running: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    origin = await startOrigin(['127.0.0.1'], (request, response) => {
      const fixture = PAGES[request.url ?? ''];
      if (request.url === '/robots.txt' || fixture === undefined) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fixtureHtml(fixture));
    });
    test = openTestPipeline(testConfig());
    running = await startReviewServer(test.pipeline, { host: '127.0.0.1', port: 0, token: null, logger: createLogger('silent') });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await test?.close();
    await origin?.close();
  });

  /** Submits one URL through the queue form on `/` and waits for the article page to say done. */
  async function queueThroughForm(page: Page, url: string): Promise<void> {
    await page.goto(`${running.origin}/`);
    await page.fill('#urls', url);
    await Promise.all([page.waitForURL(/\/articles\/[0-9a-f]+$/), page.click('.queue-form button[type=submit]')]);
    // The page polls the API and reloads itself when processing finishes.
    await page.locator('#status', { hasText: 'done' }).waitFor({ timeout: 45_000 });
  }

  it('queues a fixture URL, shows the highlighted claims and opens one', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await queueThroughForm(page, origin.url('127.0.0.1', '/news/harbour-flood-plan'));
    expect(await page.locator('h1.article-title').textContent()).toBe('Harbour city council backs $12 million flood plan');
    const claimCount = await page.locator('.claim-list > li').count();
    expect(claimCount).toBeGreaterThan(0);
    expect(await page.locator('mark.m.l-figure').count()).toBeGreaterThan(0);
    expect(await page.locator('mark.m.l-speaker').count()).toBeGreaterThan(0);
    // Removed boilerplate is listed with the rule that removed it.
    expect(await page.locator('section.removed').textContent()).toContain('You may also like');

    const figure = page.locator('mark.m.l-figure', { hasText: '$3 million' });
    expect(await figure.getAttribute('title')).toMatch(/rules: /);
    await figure.click();
    const inspector = page.locator('#inspector-body');
    await expect.poll(() => inspector.textContent()).toContain('"text": "$3 million"');
    expect(await inspector.textContent()).toMatch(/rules:\s+\S+/);
    expect(errors).toEqual([]);
    await page.screenshot({ path: screenshotPath('review-e2e-article.png'), fullPage: true });

    // The list on / shows it as done with its claim count.
    await page.goto(`${running.origin}/`);
    const row = page.locator('table.articles tbody tr', { hasText: 'Harbour city council' });
    expect(await row.locator('.status').textContent()).toBe('done');
    expect(Number(await row.locator('td.num').textContent())).toBe(claimCount);
    await page.screenshot({ path: screenshotPath('review-e2e-index.png'), fullPage: true });
    await page.close();
  });

  it('renders a hostile page fetched through the pipeline inert', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await queueThroughForm(page, origin.url('127.0.0.1', '/news/budget-row'));
    for (const mark of await page.locator('mark.m').all()) await mark.click();
    await page.locator('details summary').first().click();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('img, svg, iframe, object, embed').count()).toBe(0);
    expect(await page.locator('[onerror], [onload], [onmouseover]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('h1.article-title').textContent()).toContain('<script>');
    await page.goto(`${running.origin}/`);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('table.articles').textContent()).toContain('<img src=x onerror=');
    expect(await page.locator('img, svg, iframe').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('serves the queue dashboard at /queues with both pipeline queues', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${running.origin}/queues`);
    expect(page.url()).toBe(`${running.origin}/queues/`);
    await page.getByText('process', { exact: true }).first().waitFor({ timeout: 15_000 });
    expect(await page.getByText('fetch', { exact: true }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('queues through POST /api/articles and reports status, claims, failures and metrics', async () => {
    const good = origin.url('127.0.0.1', '/news/harbour-flood-plan?utm_source=api');
    const missing = origin.url('127.0.0.1', '/news/gone');
    const response = await fetch(`${running.origin}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ urls: [good, missing] }) });
    expect(response.status).toBe(202);
    const { articles } = (await response.json()) as { articles: Array<{ id: string; url: string; status: string }> };
    expect(articles).toHaveLength(2);
    // The tracking parameter is dropped, so the first URL is the article already reviewed above.
    expect(articles[0]?.status).toBe('done');
    expect(articles[1]?.status).toBe('queued');
    const deadline = Date.now() + 30_000;
    let view: { status: string; failure: { code: string } | null } = { status: 'queued', failure: null };
    while (Date.now() < deadline && !['done', 'failed'].includes(view.status)) {
      view = (await (await fetch(`${running.origin}/api/articles/${articles[1]?.id}`)).json()) as typeof view;
      if (!['done', 'failed'].includes(view.status)) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(view.status).toBe('failed');
    expect(view.failure?.code).toBe('FETCH_HTTP_STATUS');
    const failures = (await (await fetch(`${running.origin}/api/failures`)).json()) as { failures: Array<{ articleId: string; code: string }> };
    expect(failures.failures.map((failure) => failure.articleId)).toContain(articles[1]?.id);
    const claims = (await (await fetch(`${running.origin}/api/claims?article=${articles[0]?.id}&kind=attributed`)).json()) as { claims: Array<{ claim: { kind: string } }> };
    expect(claims.claims.length).toBeGreaterThan(0);
    expect(claims.claims.every((entry) => entry.claim.kind === 'attributed')).toBe(true);
    const page = await browser.newPage();
    await page.goto(`${running.origin}/articles/${articles[1]?.id}`);
    expect(await page.locator('.failure').textContent()).toContain('FETCH_HTTP_STATUS');
    await page.goto(`${running.origin}/`);
    const failedRow = page.locator('table.articles tbody tr', { hasText: '/news/gone' });
    expect(await failedRow.locator('.status').textContent()).toBe('failed');
    expect(await failedRow.locator('.failure-line').textContent()).toContain('FETCH_HTTP_STATUS');
    await page.screenshot({ path: screenshotPath('review-e2e-index-failed.png'), fullPage: true });
    await page.close();
    await expect.poll(async () => (await fetch(`${running.origin}/metrics`)).text(), { timeout: 10_000 }).toMatch(/claimfeed_stage_jobs_total\{stage="fetch",outcome="failed"\} [1-9]/);
    const metrics = await (await fetch(`${running.origin}/metrics`)).text();
    expect(metrics).toMatch(/claimfeed_stage_jobs_total\{stage="process",outcome="completed"\} [1-9]/);
    expect(metrics).toMatch(/claimfeed_fetch_outcomes_total\{host="127\.0\.0\.1:\d+",outcome="completed"\} [1-9]/);
  });
});

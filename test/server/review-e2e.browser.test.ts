import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { startReviewServer, type RunningServer } from '../../src/server/start.js';
import { launchChromium, TEST_OUTPUT_DIR } from '../helpers/browser.js';
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
describe('queue through the form and review in Chromium', () => {
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
  });

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
    await page.screenshot({ path: fileURLToPath(new URL('review-e2e-article.png', TEST_OUTPUT_DIR)), fullPage: true });

    // The list on / shows it as done with its claim count.
    await page.goto(`${running.origin}/`);
    const row = page.locator('table.articles tbody tr', { hasText: 'Harbour city council' });
    expect(await row.locator('.status').textContent()).toBe('done');
    expect(Number(await row.locator('td.num').textContent())).toBe(claimCount);
    await page.screenshot({ path: fileURLToPath(new URL('review-e2e-index.png', TEST_OUTPUT_DIR)), fullPage: true });
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
});

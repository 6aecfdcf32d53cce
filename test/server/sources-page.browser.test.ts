import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { SourceRegistry } from '../../src/queue/source-registry.js';
import { type RunningServer, startReviewServer } from '../../src/server/start.js';
import { SourcePollStage } from '../../src/workers/source-poll-stage.js';
import { launchChromium, screenshotPath } from '../helpers/browser.js';
import { rss2 } from '../helpers/feeds.js';
import { type NewsOrigin, startNewsOrigin } from '../helpers/news-origin.js';
import { type TestPipeline, openTestPipeline, testConfig, waitFinished } from '../helpers/pipeline.js';

const HOUR = 3_600_000;

/**
 * The Sources page as a newsroom sees it: feeds from a real origin polled into the real pipeline
 * (Redis, workers), one of them hostile, one failing, one failing for over a day; then Chromium.
 */
describe('sources page in Chromium (polled feeds, real pipeline)', { timeout: 90_000 }, () => {
  let origin: NewsOrigin;
  let test: TestPipeline;
  let running: RunningServer;
  let registry: SourceRegistry;
  let stage: SourcePollStage;
  let browser: Browser;
  const ids = { ledger: '', hostile: '', failing: '', unhealthy: '' };
  const feedUrl = (path: string): string => origin.url('127.0.0.1', path);

  beforeAll(async () => {
    origin = await startNewsOrigin();
    test = openTestPipeline(testConfig());
    running = await startReviewServer(test.pipeline, { host: '127.0.0.1', port: 0, token: null, logger: createLogger('silent') });
    registry = new SourceRegistry(test.pipeline);
    stage = new SourcePollStage(test.pipeline, createLogger('silent'));
    const now = Date.now();
    origin.docs.set('/feeds/ledger.xml', {
      type: 'application/rss+xml',
      body: rss2(
        [
          { link: '/story/ledger-wall', title: 'Council raises the harbour wall', date: now - HOUR },
          { link: '/story/ledger-fares', title: 'Ferry fares rise 8%', date: now - 2 * HOUR },
        ],
        'Harbour Ledger',
      ),
    });
    origin.docs.set('/feeds/hostile.xml', {
      type: 'application/rss+xml',
      body: rss2(
        [
          { link: '/story/hostile-1', title: '<img src=x onerror="window.__pwned=2;alert(2)"> Budget row', date: now - HOUR },
          { link: '/story/hostile-2?q="><script>window.__pwned=3</script>', title: '</a><script>window.__pwned=4</script>Deficit', date: now - 2 * HOUR },
          { link: 'javascript:window.__pwned=5', title: 'Not a link', date: now },
        ],
        '<script>window.__pwned=1;alert(1)</script> Ledger',
      ),
    });
    for (const path of ['/feeds/failing.xml', '/feeds/stale.xml']) {
      origin.docs.set(path, { type: 'application/rss+xml', body: rss2([{ link: `/story${path.slice(6, -4)}-1`, title: 'Before the outage', date: now - HOUR }]) });
    }
    ids.ledger = (await registry.add(feedUrl('/feeds/ledger.xml'))).source.id;
    ids.hostile = (await registry.add(feedUrl('/feeds/hostile.xml'))).source.id;
    ids.failing = (await registry.add(feedUrl('/feeds/failing.xml'), { name: 'Failing <b>Gazette</b>' })).source.id;
    ids.unhealthy = (await registry.add(feedUrl('/feeds/stale.xml'), { name: 'Stale Courier' })).source.id;
    for (const id of Object.values(ids)) expect((await stage.poll(id)).outcome).toBe('new-items');
    const queued = await Promise.all(Object.values(ids).map((id) => registry.store.recentItems(id)));
    await waitFinished(test.pipeline, queued.flat().map((item) => item.articleId), 45_000);
    // Then two feeds break: one just now, one has been failing for over a day.
    for (const path of ['/feeds/failing.xml', '/feeds/stale.xml']) origin.docs.set(path, { type: 'text/plain', body: 'upstream down', status: 500 });
    expect((await stage.poll(ids.failing, { force: true })).outcome).toBe('failed');
    await test.pipeline.redis.hset(test.pipeline.store.keys.source(ids.unhealthy), 'failingSince', String(Date.now() - 25 * HOUR), 'consecutiveFailures', '9');
    expect((await stage.poll(ids.unhealthy, { force: true })).outcome).toBe('failed');
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stage?.close();
    await registry?.close();
    await running?.close();
    await test?.close();
    await origin?.close();
  });

  const section = (page: Page, id: string) => page.locator(`section.source[data-source-id="${id}"]`);

  it('shows each source with its health, last poll and latest articles; feed text stays text', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const seen = { dialogs: [] as string[], errors: [] as string[], csp: [] as string[] };
    page.on('dialog', (dialog) => {
      seen.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => seen.errors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) seen.csp.push(message.text());
    });
    await page.goto(`${running.origin}/`);
    await Promise.all([page.waitForURL(/\/sources$/), page.click('header.top a[href="/sources"]')]);
    expect(await page.locator('h1').textContent()).toBe('Sources');
    expect(await page.locator('section.source').count()).toBe(4);

    const health = async (id: string): Promise<string> => ((await section(page, id).locator('h2 .status').textContent()) ?? '').trim();
    expect(await health(ids.ledger)).toBe('healthy');
    expect(await health(ids.hostile)).toBe('healthy');
    expect(await health(ids.failing)).toBe('failing');
    expect(await health(ids.unhealthy)).toBe('unhealthy');

    const records = await Promise.all([ids.ledger, ids.failing].map((id) => registry.store.get(id)));
    const ledgerWhen = (await section(page, ids.ledger).locator('p.when').textContent()) ?? '';
    expect(ledgerWhen).toContain(`last poll ${records[0]?.lastPolledAt} (new-items)`);
    expect(ledgerWhen).toContain('2 queued of 2 seen');
    expect((await section(page, ids.failing).locator('p.when').textContent()) ?? '').toContain(`last poll ${records[1]?.lastPolledAt} (failed)`);
    expect(await section(page, ids.failing).locator('.failure-line code').textContent()).toBe('FETCH_HTTP_STATUS');
    expect(await section(page, ids.unhealthy).locator('.failure-line code').textContent()).toBe('FETCH_HTTP_STATUS');
    expect(await section(page, ids.ledger).locator('.failure-line').count()).toBe(0);

    // Latest articles, newest first, each linking to its review page.
    const ledgerItems = section(page, ids.ledger).locator('ul.source-items li a');
    expect(await ledgerItems.allTextContents()).toEqual(['Council raises the harbour wall', 'Ferry fares rise 8%']);
    const recent = await registry.store.recentItems(ids.ledger);
    expect(await ledgerItems.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(recent.map((item) => `/articles/${item.articleId}`));

    // What the hostile feed says is shown as text: its name, titles and URLs; nothing ran or became an element.
    expect(await section(page, ids.hostile).locator('h2').textContent()).toContain('<script>window.__pwned=1;alert(1)</script> Ledger');
    expect(await section(page, ids.failing).locator('h2').textContent()).toContain('Failing <b>Gazette</b>');
    const hostileTitles = await section(page, ids.hostile).locator('ul.source-items li a').allTextContents();
    expect(hostileTitles).toEqual(['<img src=x onerror="window.__pwned=2;alert(2)"> Budget row', '</a><script>window.__pwned=4</script>Deficit']);
    expect(await section(page, ids.hostile).locator('ul.source-items li .url').nth(1).textContent()).toContain('window.__pwned=3');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(seen).toEqual({ dialogs: [], errors: [], csp: [] });
    expect(await page.locator('main img, main svg, main iframe, main b, main script').count()).toBe(0);
    expect(await page.locator('[onerror], [onload]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('sources-page.png'), fullPage: true });

    // A latest article opens its review page with the claims the workers extracted.
    await Promise.all([page.waitForURL(/\/articles\/[0-9a-f]+$/), ledgerItems.first().click()]);
    expect(await page.locator('h1.article-title').textContent()).toBe('Harbour council report ledger-wall');
    expect(await page.locator('#status').textContent()).toContain('done');
    expect(await page.locator('mark.m').count()).toBeGreaterThan(0);
    expect(seen.errors).toEqual([]);
    await page.close();
  });
});

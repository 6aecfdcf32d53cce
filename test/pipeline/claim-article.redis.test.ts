import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripArticle } from '../../src/extractors/strip/index.js';
import type { Article } from '../../src/model/article.js';
import type { ClaimArticle, ClaimRecord } from '../../src/model/claim.js';
import { jsonLines, runCli } from '../helpers/cli.js';
import { type Origin, startOrigin } from '../helpers/origin.js';
import { configEnv, openTestPipeline, testConfig, type TestPipeline } from '../helpers/pipeline.js';

// A real news page (NJ.com, see its meta.json) with a site name, publication and modification times.
const PAGE = readFileSync(new URL('../fixtures/pages/nj-meth-campaign/source.html', import.meta.url));

/** What every record of the page must say about its article, from the stripper's own reading of it. */
function expectArticleContext(context: ClaimArticle, article: Article, url: string, articleId: string): void {
  expect(context).toMatchObject({
    id: articleId,
    url,
    canonicalUrl: article.canonicalUrl,
    title: article.title,
    siteName: article.siteName,
    publishedAt: article.publishedAt,
    modifiedAt: article.modifiedAt,
    language: article.language.detected ?? article.language.declared,
  });
  expect(Number.isNaN(Date.parse(context.fetchedAt ?? ''))).toBe(false);
}

describe('claim records carry their article', () => {
  let origin: Origin;
  let test: TestPipeline;
  let env: Record<string, string>;

  beforeAll(async () => {
    origin = await startOrigin(['127.0.0.1'], (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PAGE);
    });
    const config = testConfig();
    test = openTestPipeline(config, { workers: false });
    env = configEnv(config);
  });

  afterAll(async () => {
    await test.close();
    await origin.close();
  });

  it('in run --jsonl, feed --jsonl and the API, with the same context in every record', async () => {
    const url = origin.url('127.0.0.1', '/2019/11/meth-campaign.html');
    const stripped = stripArticle(PAGE.toString('utf8'), { url });
    const run = await runCli(['run', '--jsonl', url], env);
    expect(run.code).toBe(0);
    const printed = jsonLines<ClaimRecord & { input: string }>(run.stdout);
    expect(printed.length).toBeGreaterThan(0);
    const articleId = printed[0]?.articleId ?? '';
    for (const record of printed) expectArticleContext(record.article, stripped, url, articleId);
    const fetchedAt = printed[0]?.article.fetchedAt;
    expect(new Set(printed.map((record) => record.article.fetchedAt))).toEqual(new Set([fetchedAt]));

    const feed = jsonLines<ClaimRecord & { streamId: string }>((await runCli(['feed', '--jsonl'], env)).stdout);
    expect(feed.map((record) => record.id)).toEqual(printed.map((record) => record.id));
    for (const record of feed) expect(record.article).toEqual(printed[0]?.article);

    const view = await test.pipeline.store.getArticle(articleId);
    for (const claim of view?.claims ?? []) expect(claim.article).toEqual(printed[0]?.article);
    const page = await test.pipeline.store.listClaims({ article: articleId });
    for (const item of page.claims) expect(item.claim.article).toEqual(printed[0]?.article);
  }, 90_000);

  it('in extract --jsonl, with the input as a file URL', async () => {
    const path = new URL('../fixtures/pages/nj-meth-campaign/source.html', import.meta.url);
    const run = await runCli(['extract', '--jsonl', path.pathname], {});
    expect(run.code).toBe(0);
    const [line] = jsonLines<{ claims: ClaimRecord[] }>(run.stdout);
    const stripped = stripArticle(PAGE.toString('utf8'));
    expect(line?.claims.length).toBeGreaterThan(0);
    for (const claim of line?.claims ?? []) expectArticleContext(claim.article, stripped, path.href, claim.articleId);
  }, 60_000);
});

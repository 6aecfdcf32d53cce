import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Origin, articlePage, startOrigin } from '../helpers/origin.js';
import { renderArticlePage } from '../../src/review/html.js';
import { renderReviewForTerminal } from '../../src/review/terminal.js';
import { type TestPipeline, openTestPipeline, testConfig, waitFinished } from '../helpers/pipeline.js';

describe('a failed URL queued again', () => {
  let origin: Origin;
  let test: TestPipeline;
  let fixed = false;

  beforeAll(async () => {
    origin = await startOrigin(['127.0.0.1'], (request, response) => {
      if (request.url === '/robots.txt' || !fixed) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not yet');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(articlePage(request.url?.startsWith('/same/') ? 'same story' : (request.url ?? '')));
    });
    test = openTestPipeline(testConfig());
  });

  afterAll(async () => {
    await test.close();
    await origin.close();
  });

  it('is processed again once its cause is fixed, not called a duplicate', async () => {
    const url = origin.url('127.0.0.1', '/story/requeue');
    const first = await test.pipeline.enqueueUrls([url]);
    const id = first.results[0]?.articleId ?? '';
    expect((await waitFinished(test.pipeline, [id]))[0]).toMatchObject({ status: 'failed', failure: { code: 'FETCH_HTTP_STATUS' } });
    fixed = true;
    const again = await test.pipeline.enqueueUrls([url]);
    expect(again).toMatchObject({ accepted: 1, duplicate: 0 });
    const [view] = await waitFinished(test.pipeline, [id]);
    expect(view).toMatchObject({ status: 'done', version: 2, failure: null });
    expect(view?.claimCount).toBeGreaterThan(0);
    // A done article stays a duplicate.
    expect(await test.pipeline.enqueueUrls([url])).toMatchObject({ accepted: 0, duplicate: 1 });
  });

  it('names the article a duplicate stands for, in review and on the web page', async () => {
    fixed = true;
    const first = (await test.pipeline.enqueueUrls([origin.url('127.0.0.1', '/same/one')])).results[0]?.articleId ?? '';
    await waitFinished(test.pipeline, [first]);
    const second = (await test.pipeline.enqueueUrls([origin.url('127.0.0.1', '/same/two')])).results[0]?.articleId ?? '';
    const [view] = await waitFinished(test.pipeline, [second]);
    expect(view).toMatchObject({ status: 'done', duplicateOf: first });
    expect(renderReviewForTerminal(view!, { color: false })).toContain(`same story as article ${first}`);
    expect(renderArticlePage(view!)).toContain(`href="/articles/${first}"`);
  });
});

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import type { ClaimRecord } from '../../src/model/claim.js';
import { type RunningServer, startReviewServer } from '../../src/server/start.js';
import type { FeedClaim } from '../../src/store/articles.js';
import { type Origin, articlePage, startOrigin } from '../helpers/origin.js';
import { openTestPipeline, testConfig, type TestPipeline, waitFinished } from '../helpers/pipeline.js';

interface OpenApi {
  openapi: string;
  components: { schemas: Record<string, { $id?: string }> };
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
}

function hasWords(claim: ClaimRecord, words: string[]): boolean {
  const text = `${claim.content?.text ?? ''}\n${claim.sentence.text}\n${claim.speaker?.text ?? ''}\n${claim.speakerActor?.canonical ?? ''}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

describe('search, CSV pages and the OpenAPI description of the API', () => {
  let origin: Origin;
  let test: TestPipeline;
  let server: RunningServer;
  let api: string;
  let feed: FeedClaim[];
  let doc: OpenApi;
  const exercised = new Set<string>();
  const validators = new Map<string, ValidateFunction>();
  let ajv: Ajv2020;

  /** Requests `path`, checks the status, and validates the JSON body against what the description says for it. */
  async function call(method: 'GET' | 'POST', template: string, path: string, status: number, body?: unknown): Promise<unknown> {
    const response = await fetch(`${api}${path}`, body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status, path).toBe(status);
    const documented = doc.paths[template]?.[method.toLowerCase()]?.responses[String(status)]?.content?.['application/json']?.schema;
    expect(documented, `${method} ${template} ${status} is documented`).toBeDefined();
    const key = `${method} ${template} ${status}`;
    exercised.add(`${method} ${template}`);
    let validate = validators.get(key);
    if (validate === undefined) {
      validate = ajv.compile(documented as object);
      validators.set(key, validate);
    }
    const parsed = (await response.json()) as unknown;
    expect(validate(parsed), `${key}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    return parsed;
  }

  beforeAll(async () => {
    origin = await startOrigin(['127.0.0.1'], (request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(articlePage(`search ${request.url}`));
    });
    test = openTestPipeline(testConfig());
    const report = await test.pipeline.enqueueUrls([1, 2, 3].map((n) => origin.url('127.0.0.1', `/story/${n}`)));
    await waitFinished(test.pipeline, report.results.map((result) => result.articleId as string), 60_000);
    feed = await test.pipeline.store.readFeed('0', { count: 1000 });
    server = await startReviewServer(test.pipeline, { host: '127.0.0.1', port: 0, token: null, logger: createLogger('silent') });
    api = server.origin;
    doc = (await (await fetch(`${api}/api/openapi.json`)).json()) as OpenApi;
    ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    for (const schema of Object.values(doc.components.schemas)) ajv.addSchema(schema);
  }, 90_000);

  afterAll(async () => {
    await server.close();
    await test.close();
    await origin.close();
  });

  it('is OpenAPI 3.1 with the published schemas as components', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.values(doc.components.schemas).map((schema) => schema.$id)).toContain('https://claimfeed.dev/schema/claim-record/2.json');
  });

  it('q= finds the claims holding every word, newest first, and validates as documented', async () => {
    const words = ['harbour', 'wall'];
    const expected = feed.filter((entry) => hasWords(entry.claim, words)).reverse();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(feed.length);
    const page = (await call('GET', '/api/claims', '/api/claims?q=Harbour%20WALL&limit=500', 200)) as { claims: FeedClaim[] };
    expect(page.claims.map((entry) => entry.claim.id)).toEqual(expected.map((entry) => entry.claim.id));
    const narrowed = (await call('GET', '/api/claims', '/api/claims?q=harbour&kind=figure', 200)) as { claims: FeedClaim[] };
    for (const entry of narrowed.claims) expect(entry.claim.kind === 'figure' && hasWords(entry.claim, ['harbour'])).toBe(true);
    await call('GET', '/api/claims', `/api/claims?q=${'x'.repeat(201)}`, 400);
  });

  it('format=csv answers the same page as CSV, the next cursor in a header', async () => {
    const json = (await (await fetch(`${api}/api/claims?kind=attributed&limit=3`)).json()) as { claims: FeedClaim[]; next: string | null };
    const response = await fetch(`${api}/api/claims?kind=attributed&limit=3&format=csv`);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('x-next-cursor')).toBe(json.next);
    const lines = (await response.text()).split('\r\n').filter((line) => line !== '');
    expect(lines[0]?.startsWith('claim_id,kind,feed_id,')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(json.claims.map((entry) => entry.claim.id));
    await call('GET', '/api/claims', '/api/claims?format=xml', 400);
  });

  it('every endpoint answers what the description says', async () => {
    const list = (await call('GET', '/api/articles', '/api/articles?limit=10', 200)) as { articles: Array<{ id: string }> };
    await call('GET', '/api/articles/{id}', `/api/articles/${list.articles[0]?.id}`, 200);
    await call('GET', '/api/articles/{id}', '/api/articles/nope', 404);
    await call('GET', '/api/articles', '/api/articles?limit=0', 400);
    await call('GET', '/api/claims', '/api/claims', 200);
    await call('GET', '/api/failures', '/api/failures', 200);
    await call('GET', '/healthz', '/healthz', 200);
    await call('POST', '/api/articles', '/api/articles', 202, { urls: [origin.url('127.0.0.1', '/story/1'), 'ftp://nowhere/'] });
    await call('POST', '/api/articles', '/api/articles', 400, { links: [] });
    const jsonPaths = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => Object.values(operation.responses).some((response) => response.content?.['application/json'] !== undefined))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(jsonPaths.filter((path) => !exercised.has(path) && path !== 'GET /api/openapi.json')).toEqual([]);
  });

  it('the review page searches, escapes the query and links the description', async () => {
    const index = await (await fetch(`${api}/`, { headers: { accept: 'text/html' } })).text();
    expect(index).toContain('action="/claims"');
    expect(index).toContain('href="/api/openapi.json"');
    const page = await (await fetch(`${api}/claims?q=${encodeURIComponent('harbour wall')}`, { headers: { accept: 'text/html' } })).text();
    const ids = [...page.matchAll(/data-claim-id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(feed.filter((entry) => hasWords(entry.claim, ['harbour', 'wall'])).reverse().map((entry) => entry.claim.id));
    const hostile = await (await fetch(`${api}/claims?q=${encodeURIComponent('<script>alert(1)</script>')}`, { headers: { accept: 'text/html' } })).text();
    expect(hostile).not.toContain('<script>alert(1)</script>');
    expect(hostile).toContain('&lt;script&gt;');
  });
});

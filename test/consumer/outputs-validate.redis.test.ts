import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { type RunningServer, startReviewServer } from '../../src/server/start.js';
import { jsonLines, runCli } from '../helpers/cli.js';
import { type Origin, articlePage, startOrigin } from '../helpers/origin.js';
import { configEnv, openTestPipeline, testConfig, type TestPipeline } from '../helpers/pipeline.js';
import { expectValid } from '../helpers/schemas.js';

function expectAllValid(name: string, lines: readonly unknown[]): void {
  expect(lines.length).toBeGreaterThan(0);
  lines.forEach((line, index) => expectValid(name, line, `line ${index + 1}`));
}

/** The first `claim` event of a Server-Sent Events stream, as parsed JSON. */
async function firstClaimEvent(url: string): Promise<unknown> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended before a claim event');
      text += decoder.decode(value, { stream: true });
      const event = /event: claim\ndata: (.*)\n\n/.exec(text);
      if (event) return JSON.parse(event[1] as string) as unknown;
    }
  } finally {
    controller.abort();
  }
}

describe('every line and body we print validates against the published schemas', () => {
  let dir: string;
  let origin: Origin;
  let test: TestPipeline;
  let env: Record<string, string>;
  let server: RunningServer;
  let api: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimfeed-schemas-'));
    origin = await startOrigin(['127.0.0.1'], (request, response) => {
      if (request.url === '/gone') {
        response.writeHead(410, { 'content-type': 'text/html' });
        response.end('gone');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(articlePage(`schemas ${request.url}`));
    });
    const config = testConfig();
    test = openTestPipeline(config, { workers: false });
    env = configEnv(config);
    server = await startReviewServer(test.pipeline, { host: '127.0.0.1', port: 0, token: null, logger: createLogger('silent') });
    api = server.origin;
    const file = join(dir, 'page.html');
    writeFileSync(file, articlePage('schemas-file'));
    const run = await runCli(['run', '--jsonl', file, origin.url('127.0.0.1', '/a'), origin.url('127.0.0.1', '/gone')], env);
    expect(run.code).toBe(1);
    writeFileSync(join(dir, 'run.jsonl'), run.stdout);
  }, 60_000);

  afterAll(async () => {
    await server.close();
    await test.close();
    await origin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('run --jsonl: claim lines and error lines', async () => {
    const { readFileSync } = await import('node:fs');
    const lines = jsonLines(readFileSync(join(dir, 'run.jsonl'), 'utf8')) as Array<Record<string, unknown>>;
    expect(lines.filter((line) => 'error' in line).length).toBe(1);
    expect(lines.filter((line) => 'kind' in line).length).toBeGreaterThan(2);
    expectAllValid('run-line', lines);
  });

  it('feed --jsonl, from the start and through a consumer group', async () => {
    const plain = jsonLines((await runCli(['feed', '--jsonl'], env)).stdout);
    expectAllValid('feed-line', plain);
    const grouped = jsonLines((await runCli(['feed', '--jsonl', '--group', 'schema-readers', '--consumer', 'one'], env)).stdout);
    expect(grouped.length).toBe(plain.length);
    expectAllValid('feed-line', grouped);
  }, 90_000);

  it('extract --jsonl: result lines and error lines', async () => {
    const text = join(dir, 'article.txt');
    writeFileSync(text, 'Mayor Lena Okafor said on Tuesday that the city will spend $40 million on ferries.\n');
    const run = await runCli(['extract', '--jsonl', join(dir, 'page.html'), text, join(dir, 'missing.html')], {});
    const lines = jsonLines(run.stdout) as Array<Record<string, unknown>>;
    expect(lines.map((line) => 'error' in line)).toEqual([false, false, true]);
    expectAllValid('extract-line', lines);
  }, 90_000);

  it('API bodies: articles, claims, failures, health, errors and the claim stream', async () => {
    const get = async (path: string, status = 200): Promise<unknown> => {
      const response = await fetch(`${api}${path}`);
      expect(response.status, path).toBe(status);
      return response.json() as Promise<unknown>;
    };
    const list = (await get('/api/articles')) as { articles: Array<{ id: string; status: string }> };
    expectValid('api#/$defs/articleList', list);
    expect(new Set(list.articles.map((article) => article.status))).toEqual(new Set(['done', 'failed']));
    for (const article of list.articles) expectValid('api#/$defs/articleView', await get(`/api/articles/${article.id}`), article.status);
    const claims = (await get('/api/claims?limit=500')) as { claims: unknown[] };
    expect(claims.claims.length).toBeGreaterThan(2);
    expectValid('api#/$defs/claimPage', claims);
    expectValid('api#/$defs/claimPage', await get(`/api/claims?article=${list.articles.find((article) => article.status === 'done')?.id}&kind=figure`));
    expectValid('api#/$defs/failureList', await get('/api/failures'));
    expectValid('api#/$defs/health', await get('/healthz'));
    expectValid('api#/$defs/error', await get('/api/articles/nope', 404));
    expectValid('api#/$defs/error', await get('/api/claims?kind=opinion', 400));
    const post = (body: unknown): Promise<Response> => fetch(`${api}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const refused = await post({ urls: 'https://news.example/a' });
    expect(refused.status).toBe(400);
    expectValid('api#/$defs/error', await refused.json());
    const accepted = await post({ urls: [origin.url('127.0.0.1', '/b'), origin.url('127.0.0.1', '/a'), 'ftp://x/'] });
    expect(accepted.status).toBe(202);
    const queued = (await accepted.json()) as { articles: Array<{ outcome: string }> };
    expect(queued.articles.map((article) => article.outcome)).toEqual(['accepted', 'duplicate', 'rejected']);
    expectValid('api#/$defs/enqueueResponse', queued);
    expectValid('api#/$defs/claimEvent', await firstClaimEvent(`${api}/api/claims/stream?from=0-0`));
  }, 60_000);
});

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extractors/claims/index.js';
import { stripArticle } from '../../src/extractors/strip/index.js';
import { type Origin, articlePage, startOrigin } from '../helpers/origin.js';
import { feedClaimIds, openTestPipeline, testConfig, type TestPipeline, waitFinished } from '../helpers/pipeline.js';
import { repoRoot } from '../helpers/shared.js';

const run = promisify(execFile);
const PAGE = join(repoRoot, 'test', 'fixtures', 'pages', 'seed-article', 'source.html');

// A user's project: its own package.json depending on claimfeed, its own code importing it by name.
const USER_FILES: Record<string, string> = {
  'extract.mjs': `
import { readFileSync } from 'node:fs';
import { stripArticle, extractClaims, claimArticleOf } from 'claimfeed';
const article = stripArticle(readFileSync(process.argv[2], 'utf8'), { url: 'https://news.example/seed' });
const { claims } = extractClaims(article.text, { articleId: 'seed', article: claimArticleOf('seed', article, { url: 'https://news.example/seed', fetchedAt: null }) });
process.stdout.write(JSON.stringify(claims.map((claim) => ({ id: claim.id, title: claim.article.title }))));
`,
  'enqueue.mjs': `
import { createEnqueueClient } from 'claimfeed';
const client = createEnqueueClient({ redisUrl: process.env.TEST_REDIS_URL, prefix: process.env.TEST_PREFIX });
const report = await client.enqueue(process.argv.slice(2));
await client.close();
process.stdout.write(JSON.stringify(report));
`,
  // Records each claim it takes (synchronously, so a kill cannot lose a line), then works on it a while.
  'reader.mjs': `
import { appendFileSync } from 'node:fs';
import { readFeed } from 'claimfeed';
const [out, delayMs] = [process.argv[2], Number(process.argv[3])];
for await (const item of readFeed({ redisUrl: process.env.TEST_REDIS_URL, prefix: process.env.TEST_PREFIX, group: 'desk', consumer: 'reader-1', follow: false, batchSize: 5, filters: { kind: process.env.TEST_KIND || undefined } })) {
  appendFileSync(out, item.streamId + ' ' + item.claim.id + ' ' + item.claim.kind + '\\n');
  await new Promise((resolve) => setTimeout(resolve, delayMs));
}
`,
  'typed.ts': `
import { readFeed, extractClaims, type ClaimRecord, type FeedItem } from 'claimfeed';
const claims: ClaimRecord[] = extractClaims('Ann Lee said prices rose 5%.', { articleId: 'a' }).claims;
const title: string | null = claims[0]?.article.title ?? null;
async function first(): Promise<FeedItem | undefined> {
  for await (const item of readFeed({ group: 'g', filters: { kind: 'figure', since: new Date() } })) return item;
  return undefined;
}
void title;
void first;
`,
};

function lines(path: string): string[] {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((line) => line !== '') : [];
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('claimfeed used as a library by a project that installs it', () => {
  let app: string;
  let origin: Origin;
  let test: TestPipeline;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    app = mkdtempSync(join(tmpdir(), 'claimfeed-user-'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'newsroom-tool', private: true, type: 'module', dependencies: { claimfeed: `file:${repoRoot}` } }));
    for (const [name, text] of Object.entries(USER_FILES)) writeFileSync(join(app, name), text);
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app, timeout: 120_000 });
    origin = await startOrigin(['127.0.0.1'], (request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(articlePage(`library ${request.url}`));
    });
    test = openTestPipeline(testConfig());
    env = { ...process.env, TEST_REDIS_URL: test.config.redis.url, TEST_PREFIX: test.config.redis.prefix };
  }, 180_000);

  afterAll(async () => {
    await test.close();
    await origin.close();
    rmSync(app, { recursive: true, force: true });
  });

  it('strips and extracts through the package name, as the repository does', async () => {
    const { stdout } = await run(process.execPath, ['extract.mjs', PAGE], { cwd: app, timeout: 60_000 });
    const article = stripArticle(readFileSync(PAGE, 'utf8'), { url: 'https://news.example/seed' });
    const expected = extractClaims(article.text, { articleId: 'seed' }).claims.map((claim) => ({ id: claim.id, title: article.title }));
    expect(expected.length).toBeGreaterThan(0);
    expect(JSON.parse(stdout)).toEqual(expected);
  });

  it('type-checks a TypeScript user of the package against its exported types', async () => {
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node', '--typeRoots', join(repoRoot, 'node_modules', '@types'), 'typed.ts'];
    const result = await run(process.execPath, [tsc, ...args], { cwd: app, timeout: 120_000 }).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    expect(result.stdout).toBe('');
    expect('failed' in result).toBe(false);
  }, 120_000);

  it('enqueues, then reads the feed in a group; a reader killed mid-feed loses and skips nothing', async () => {
    const urls = Array.from({ length: 8 }, (_, index) => origin.url('127.0.0.1', `/story/${index}`));
    const enqueued = JSON.parse((await run(process.execPath, ['enqueue.mjs', ...urls], { cwd: app, env, timeout: 60_000 })).stdout) as { accepted: number; results: Array<{ articleId: string }> };
    expect(enqueued.accepted).toBe(8);
    await waitFinished(test.pipeline, enqueued.results.map((result) => result.articleId), 60_000);
    const feed = await feedClaimIds(test.pipeline);
    expect(feed.length).toBeGreaterThan(20);

    const out = join(app, 'taken.txt');
    const first = spawn(process.execPath, ['reader.mjs', out, '50'], { cwd: app, env, stdio: 'ignore' });
    const firstExit = exitOf(first);
    const deadline = Date.now() + 60_000;
    while (lines(out).length < 8 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    first.kill('SIGKILL');
    await firstExit;
    const beforeKill = lines(out).length;
    expect(beforeKill).toBeGreaterThanOrEqual(8);
    expect(beforeKill).toBeLessThan(feed.length);

    const second = spawn(process.execPath, ['reader.mjs', out, '0'], { cwd: app, env, stdio: 'ignore' });
    expect(await exitOf(second)).toBe(0);
    const taken = lines(out).map((line) => line.split(' ')[1] as string);
    // Every claim, in feed order; at most the one in hand at the kill comes twice.
    expect([...new Set(taken)]).toEqual(feed);
    expect(taken.length - feed.length).toBeLessThanOrEqual(1);
    const pending = (await test.pipeline.redis.xpending(test.pipeline.store.feedStreamKey, 'desk')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
  }, 120_000);

  it('applies filters and acknowledges what they leave out', async () => {
    const out = join(app, 'figures.txt');
    const entries = await test.pipeline.redis.xrange(test.pipeline.store.feedStreamKey, '-', '+');
    const figures = entries.filter(([, fields]) => (JSON.parse(fields[fields.indexOf('claim') + 1] ?? '{}') as { kind?: string }).kind === 'figure').map(([id]) => id);
    expect(figures.length).toBeGreaterThan(0);
    await test.pipeline.redis.xgroup('DESTROY', test.pipeline.store.feedStreamKey, 'desk');
    const child = spawn(process.execPath, ['reader.mjs', out, '0'], { cwd: app, env: { ...env, TEST_KIND: 'figure' }, stdio: 'ignore' });
    expect(await exitOf(child)).toBe(0);
    expect(lines(out).map((line) => line.split(' ')[0])).toEqual(figures);
    const pending = (await test.pipeline.redis.xpending(test.pipeline.store.feedStreamKey, 'desk')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
  }, 60_000);
});

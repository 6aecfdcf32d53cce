import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pingRedis } from '../../src/queue/connection.js';
import { startPrivateRedis } from '../../src/queue/private-redis.js';
import { runCli } from '../helpers/cli.js';
import { type Origin, articlePage, startOrigin } from '../helpers/origin.js';
import { configEnv, openTestPipeline, testConfig, type TestPipeline } from '../helpers/pipeline.js';

describe('claimfeed run', () => {
  let dir: string;
  let origin: Origin;
  let test: TestPipeline;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimfeed-run-'));
    origin = await startOrigin(['127.0.0.1'], (request, response) => {
      if (request.url === '/mirror') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(articlePage('run-story'));
        return;
      }
      if (request.url === '/gone') {
        response.writeHead(410, { 'content-type': 'text/html' });
        response.end('gone');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(articlePage(`run ${request.url}`));
    });
    const config = testConfig();
    test = openTestPipeline(config, { workers: false });
    env = configEnv(config);
  });

  afterAll(async () => {
    await test.close();
    await origin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('processes a FILE and a URL with in-process workers, prints the claims and exits', async () => {
    const file = join(dir, 'page.html');
    writeFileSync(file, articlePage('run-file'));
    const url = origin.url('127.0.0.1', '/article/run');
    const first = await runCli(['run', '--jsonl', file, url], env);
    expect(first.code).toBe(0);
    const records = first.stdout.trim().split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { input: string; id: string; articleId: string });
    expect(new Set(records.map((record) => record.input))).toEqual(new Set([file, url]));
    const stored = await test.pipeline.store.getArticle(records[0]?.articleId ?? '');
    expect(stored?.status).toBe('done');
    expect(records.filter((record) => record.articleId === stored?.id).map((record) => record.id)).toEqual(stored?.claims.map((claim) => claim.id));
    // A second run is a no-op for the pipeline and prints the stored claims again.
    const second = await runCli(['run', '--jsonl', file, url], env);
    expect(second.stdout).toBe(first.stdout);
  });

  it('prints the claims of the story a duplicate page stands for, without adding them to the feed twice', async () => {
    const original = join(dir, 'story.html');
    const copy = join(dir, 'story-copy.html');
    writeFileSync(original, articlePage('run-story'));
    writeFileSync(copy, articlePage('run-story'));
    const first = await runCli(['run', '--jsonl', original], env);
    expect(first.code, first.stderr).toBe(0);
    const originalClaims = jsonLines(first.stdout);
    expect(originalClaims.length).toBeGreaterThan(0);
    const originalId = originalClaims[0]?.articleId;
    const feedLength = await test.pipeline.redis.xlen(test.pipeline.store.feedStreamKey);

    const mirror = origin.url('127.0.0.1', '/mirror');
    const second = await runCli(['run', '--jsonl', copy, mirror], env);
    expect(second.code, second.stderr).toBe(0);
    const duplicates = jsonLines(second.stdout);
    for (const input of [copy, mirror]) {
      const forInput = duplicates.filter((record) => record.input === input);
      expect(forInput.map((record) => record.id)).toEqual(originalClaims.map((record) => record.id));
      expect(forInput.every((record) => record.duplicateOf === originalId && record.articleId === originalId)).toBe(true);
    }
    expect(await test.pipeline.redis.xlen(test.pipeline.store.feedStreamKey)).toBe(feedLength);

    // Readable output names the article the claims come from; a repeat run prints them again.
    const readable = await runCli(['run', copy], env);
    expect(readable.code, readable.stderr).toBe(0);
    const lines = readable.stdout.trim().split('\n');
    expect(lines[0]).toContain(`same story as ${originalId}`);
    expect(lines[0]).toContain(`${originalClaims.length} claim`);
    expect(lines.filter((line) => line.startsWith('- '))).toHaveLength(originalClaims.length);
    expect(await test.pipeline.redis.xlen(test.pipeline.store.feedStreamKey)).toBe(feedLength);
  });

  it('exits 1 and names the error when an input fails', async () => {
    const result = await runCli(['run', origin.url('127.0.0.1', '/gone'), join(dir, 'missing.html')], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FETCH_HTTP_STATUS');
    expect(result.stderr).toContain('INPUT_NOT_FOUND');
  });
});

function jsonLines(stdout: string): Array<{ input: string; id: string; articleId: string; duplicateOf?: string }> {
  return stdout
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { input: string; id: string; articleId: string; duplicateOf?: string });
}

describe('private redis-server', () => {
  it('starts from PATH with AOF persistence in the data folder and stops', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'claimfeed-private-'));
    const server = await startPrivateRedis(dataDir);
    try {
      expect(await pingRedis(server.url)).toBe(true);
    } finally {
      await server.stop();
    }
    expect(await pingRedis(server.url, 300)).toBe(false);
    expect(readdirSync(dataDir).some((name) => name.startsWith('appendonly'))).toBe(true);
    expect(existsSync(dataDir)).toBe(true);
    rmSync(dataDir, { recursive: true, force: true });
  });
});

import { spawn } from 'node:child_process';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForUrl } from '../../src/model/ids.js';
import { ArticleStore } from '../../src/store/articles.js';
import { BIN, exited, runCli } from '../helpers/cli.js';
import { dropPrefix, testPrefix, testRedis, TEST_REDIS_URL } from '../helpers/redis.js';
import { claimsFor, extractionLogFor, strippedFixture } from '../helpers/review-fixtures.js';
import { testConfig } from '../helpers/pipeline.js';

const URL_A = 'https://ledger.example/news/harbour-flood-plan';

/** Starts `claimfeed serve|up` and resolves with its origin once it prints where it listens. */
function startServer(args: readonly string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.resume();
  const origin = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /review pages (http:\/\/\S+?)\//.exec(out);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening: ${out}`)));
  });
  return { child, origin };
}

describe('review, serve and up from the command line', { timeout: 60_000 }, () => {
  let redis: Redis;
  let prefix: string;
  let env: Record<string, string>;
  let id: string;

  beforeAll(async () => {
    redis = testRedis();
    prefix = testPrefix();
    env = { REDIS_URL: TEST_REDIS_URL, CLAIMFEED_REDIS_PREFIX: prefix, CLAIMFEED_LOG_LEVEL: 'warn', NO_COLOR: '' };
    const store = new ArticleStore(redis, prefix);
    id = articleIdForUrl(URL_A, testConfig().dedup.trackingParams);
    const article = strippedFixture('harbour-budget.html', URL_A);
    const claims = claimsFor(id, article.text, [
      { speaker: 'Mayor Elena Ruiz', cue: 'said', content: 'This wall is cheaper than the next flood.' },
      { content: 'approved a $12 million plan to raise the sea wall', figures: ['$12 million'] },
    ]);
    await store.register(id, URL_A, { refresh: false, source: 'url' });
    await store.complete(id, { article, claims, log: extractionLogFor(id, URL_A, article, claims), fields: { title: article.title ?? '' } });
  });

  afterAll(async () => {
    await dropPrefix(redis, prefix);
    redis.disconnect();
  });

  it('prints the article with plain markers when stdout is not a terminal', async () => {
    const result = await runCli(['review', `${URL_A}?utm_source=x`], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stdout).toContain('<<{{Mayor Elena Ruiz}}>> ((said))');
    expect(result.stdout).toContain('[approved a ##$12 million## plan to raise the sea wall]');
    expect(result.stdout).toContain('Claims (2)');
    expect(result.stdout).toMatch(/Removed blocks \(\d+\)/);
  });

  it('colours on request, prints the raw log with --json, and fails clearly for unknown ids', async () => {
    const coloured = await runCli(['review', '--color', id], env);
    expect(coloured.stdout).toMatch(/\u001b\[[0-9;]*32;1m\$12 million\u001b\[0m/);
    const json = await runCli(['review', '--json', id], env);
    const log = JSON.parse(json.stdout) as { articleId: string; claims: unknown[] };
    expect(log.articleId).toBe(id);
    expect(log.claims).toHaveLength(2);
    const missing = await runCli(['review', 'no-such-article'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NOT_FOUND');
  });

  it('serve answers on loopback and stops on SIGTERM; beyond loopback it needs a token', async () => {
    const { child, origin } = startServer(['serve', '--port', '0'], env);
    const base = await origin;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok', redis: 'ok' });
    expect(((await (await fetch(`${base}/api/articles/${id}`)).json()) as { status: string }).status).toBe('done');
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);

    const refused = await runCli(['serve', '--host', '0.0.0.0', '--port', '0'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('SERVER_TOKEN_REQUIRED');
  });

  it('up runs workers and server together', async () => {
    const { child, origin } = startServer(['up', '--port', '0'], env);
    const base = await origin;
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('claimfeed_queue_jobs{stage="fetch",state="waiting"} 0');
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rss2 } from '../helpers/feeds.js';
import { runCli } from '../helpers/cli.js';
import { type NewsOrigin, startNewsOrigin } from '../helpers/news-origin.js';
import { type TestPipeline, configEnv, openTestPipeline, testConfig } from '../helpers/pipeline.js';

describe('claimfeed sources (built CLI, real Redis and origin)', () => {
  let origin: NewsOrigin;
  let test: TestPipeline;
  let env: Record<string, string>;

  beforeAll(async () => {
    origin = await startNewsOrigin();
    test = openTestPipeline(testConfig(), { workers: false });
    env = { ...configEnv(test.config), CLAIMFEED_SOURCES_MIN_EVERY_MS: '1000' };
    origin.docs.set('/world', { type: 'text/html', body: '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" title="World" href="/world/rss"></head><body>x</body></html>' });
    origin.docs.set('/world/rss', { type: 'application/rss+xml', body: rss2([{ link: '/story/w1', title: 'Port strike ends', date: Date.now() - 3_600_000 }], 'World desk') });
  });

  afterAll(async () => {
    await test.close();
    await origin.close();
  });

  it.each([
    [['sources'], /give a subcommand/],
    [['sources', 'add'], /give the URL/],
    [['sources', 'add', 'not a url'], /not a URL/],
    [['sources', 'add', 'https://e.example/rss', '--every', 'soon'], /--every takes a duration/],
    [['sources', 'add', 'https://e.example/rss', '--every', '10ms'], /--every must be at least 1 s/],
    [['sources', 'add', 'https://e.example/rss', '--since', '2d', '--backfill', '5'], /not both/],
    [['sources', 'add', 'https://e.example/rss', '--backfill', '-1'], /whole number/],
    [['sources', 'show'], /give the id/],
    [['sources', 'list', 'extra'], /unexpected argument/],
  ])('%j is refused before connecting (exit 2)', async (args, message) => {
    const result = await runCli(args, { ...env, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/REDIS_UNAVAILABLE/);
  });

  it('add prints what the URL resolved to; list, poll, show and remove', async () => {
    const added = await runCli(['sources', 'add', origin.url('127.0.0.1', '/world'), '--every', '5m', '--since', '1d'], env);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`following ${origin.url('127.0.0.1', '/world/rss')}`);
    expect(added.stdout).toContain(`found by the page's <link rel="alternate"> of ${origin.url('127.0.0.1', '/world')}`);
    expect(added.stdout).toMatch(/polls every 5m/);
    const id = /id ([0-9a-f]{12})/.exec(added.stdout)?.[1] ?? '';

    const list = await runCli(['sources', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)).toMatchObject({ sources: [{ id, name: 'World desk', format: 'rss', everyMs: 300_000 }] });

    const poll = await runCli(['sources', 'poll', id], env);
    expect(poll.code).toBe(0);
    expect(poll.stdout).toMatch(new RegExp(`^${id} new-items items=1 new=1`));

    const show = await runCli(['sources', 'show', id], env);
    expect(show.stdout).toContain('Port strike ends');
    expect(show.stdout).toContain('1 queued of 1 seen');

    expect((await runCli(['sources', 'remove', id], env)).stdout).toContain(`removed ${id}`);
    const gone = await runCli(['sources', 'show', id], env);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/NOT_FOUND/);
  });
});

import { writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { configEnv, testConfig } from '../helpers/pipeline.js';
import { dropPrefix, testRedis } from '../helpers/redis.js';

/**
 * Usage errors as a new user makes them, with a real Redis answering: each is reported and the
 * process exits with code 2 (a CLI that opened Redis before checking its flags used to hang).
 * A run still going after 10 s is killed and shows up as code null.
 */
const config = testConfig();
const env = configEnv(config);
const HANG_MS = 10_000;

afterAll(async () => {
  const redis = testRedis();
  await dropPrefix(redis, config.redis.prefix);
  redis.disconnect();
});

describe('CLI usage errors', () => {
  const cases: Array<[string[], RegExp]> = [
    [['feed', '--limit', 'abc'], /--limit must be a whole number/],
    [['worker', '--concurrency', 'abc'], /--concurrency must be a whole number/],
    [['serve', '--port', 'abc'], /--port must be a whole number/],
    [['up', '--port', '80x'], /--port must be a whole number/],
    [['serve', '--port', '70000'], /--port must be between 0 and 65535/],
    [['feed', '--from', 'abc'], /USAGE: --from must be a feed entry id/],
    [['feed', '--from', '1-18446744073709551616'], /USAGE: --from must be a feed entry id/],
    [['feed', '--consumer', 'me'], /--consumer .* give --group NAME too/],
    [['feed', '--limt', '3'], /unknown option --limt; did you mean --limit\?/],
    [['fead'], /unknown command "fead"; did you mean "feed"\?/],
    [['run', 'example.com/story'], /give the full URL: https:\/\/example\.com\/story/],
    [['failures', '--limit', '0'], /--limit must be between 1/],
  ];
  for (const [args, message] of cases) {
    it(`claimfeed ${args.join(' ')} says what is wrong and exits 2`, async () => {
      const result = await runCli(args, env, undefined, HANG_MS);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/INTERNAL/);
      expect(result.code).toBe(2);
    });
  }

  it('failures --json prints [] when nothing failed', async () => {
    const result = await runCli(['failures', '--json'], env, undefined, HANG_MS);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('enqueue says when no worker is running', async () => {
    const result = await runCli(['enqueue', 'https://news.example/no-worker-story'], env, undefined, HANG_MS);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('accepted 1');
    expect(result.stderr).toMatch(/no worker is running/);
  });

  it('caps what a local .gz input inflates to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimfeed-gz-'));
    try {
      const file = join(dir, 'bomb.html.gz');
      writeFileSync(file, gzipSync(Buffer.alloc(80 * 1024 * 1024, 0x20)));
      const result = await runCli(['strip', '--jsonl', file], {}, undefined, 60_000);
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'INPUT_TOO_LARGE' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

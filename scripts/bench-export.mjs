#!/usr/bin/env node
// Export benchmark: `claimfeed export` of 100,000 claims. Seeds the feed of a throwaway prefix in
// Redis (REDIS_URL, default 127.0.0.1:6379) with real claim records (the seed article's, through
// the real stripper and extractor, given fresh ids and articles), runs the built CLI as a user
// would, measures wall time and peak RSS (/usr/bin/time), checks the row count, and deletes the
// prefix. Targets: <= 10 s and <= 200 MB RSS for each format.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractClaims } from '../dist/extractors/claims/index.js';
import { stripArticle } from '../dist/extractors/strip/index.js';
import { claimArticleOf } from '../dist/model/claim-article.js';
import { createRedis, dropPrefix, requireRedis } from '../dist/queue/connection.js';
import { storeKeys } from '../dist/store/keys.js';

const CLAIMS = Number(process.argv[2] ?? 100_000);
const TARGET_SECONDS = 10;
const TARGET_MB = 200;
const root = fileURLToPath(new URL('..', import.meta.url));
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
await requireRedis(redisUrl);
const prefix = `{bench-export-${randomUUID()}}`;
const redis = createRedis(redisUrl);
const feed = storeKeys(prefix).feed;

const html = readFileSync(join(root, 'test/fixtures/pages/seed-article/source.html'), 'utf8');
const article = stripArticle(html, { url: 'https://news.example/seed' });
const template = extractClaims(article.text, { articleId: 'seed' }).claims;
if (template.length === 0) throw new Error('the seed article gave no claims');

try {
  let seeded = 0;
  const seedStarted = performance.now();
  while (seeded < CLAIMS) {
    const batch = redis.pipeline();
    for (let i = 0; i < 2000 && seeded < CLAIMS; i++, seeded++) {
      const articleId = `bench-${Math.floor(seeded / template.length)}`;
      const base = template[seeded % template.length];
      const context = claimArticleOf(articleId, article, { url: `https://news.example/${articleId}`, fetchedAt: new Date().toISOString() });
      const claim = { ...base, id: `claim-${seeded.toString(16).padStart(16, '0')}`, articleId, article: context };
      batch.xadd(feed, '*', 'id', claim.id, 'articleId', articleId, 'claim', JSON.stringify(claim));
    }
    await batch.exec();
  }
  const bytes = Number((await redis.call('MEMORY', 'USAGE', feed)) ?? 0);
  console.log(`seeded ${seeded} claims (${template.length} per article, ${(bytes / 1e6).toFixed(0)} MB in Redis) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  let failed = false;
  for (const format of ['csv', 'jsonl']) {
    const out = join(tmpdir(), `claimfeed-export-${process.pid}.${format}`);
    const started = performance.now();
    const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, join(root, 'bin/claimfeed.js'), 'export', '--format', format, '--out', out], {
      env: { ...process.env, REDIS_URL: redisUrl, CLAIMFEED_REDIS_PREFIX: prefix },
      encoding: 'utf8',
    });
    const seconds = (performance.now() - started) / 1000;
    const [maxRssKb, userSeconds, systemSeconds] = (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
    const rssMb = maxRssKb / 1024;
    const cpuSeconds = userSeconds + systemSeconds;
    const text = readFileSync(out, 'utf8');
    const rows = text.split('\n').filter((line) => line.trim() !== '').length - (format === 'csv' ? 1 : 0);
    const size = statSync(out).size;
    rmSync(out, { force: true });
    // A CSV cell may hold a line break, so count CSV rows by claim ids instead.
    const counted = format === 'csv' ? (text.match(/\r\nclaim-/g) ?? []).length : rows;
    const ok = run.status === 0 && counted === CLAIMS && seconds <= TARGET_SECONDS && rssMb <= TARGET_MB;
    failed ||= !ok;
    console.log(`export ${format}: ${counted} rows, ${(size / 1e6).toFixed(0)} MB, ${seconds.toFixed(2)} s (${Math.round(CLAIMS / seconds)} claims/s, CPU ${cpuSeconds.toFixed(2)} s), peak RSS ${rssMb.toFixed(0)} MB  [target <= ${TARGET_SECONDS} s, <= ${TARGET_MB} MB: ${ok ? 'ok' : 'MISSED'}]${run.status === 0 ? '' : ` exit ${run.status}: ${run.stderr.slice(0, 300)}`}`);
  }
  console.log(`load average ${(await import('node:os')).loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  process.exitCode = failed ? 1 : 0;
} finally {
  await dropPrefix(redis, prefix);
  redis.disconnect();
}

#!/usr/bin/env node
// Sources benchmark, end to end through Redis: a local origin serves N feeds on H loopback hosts
// (127.0.1.x), a fraction of them gaining a new item every poll period; one process runs the
// source poll worker (the per-source BullMQ job schedulers), one runs `claimfeed worker` (fetch +
// process). Reports: every new item queued exactly once (article page fetched once, one article
// per item, old items not queued), item → claims-in-feed latency (median, p95), requests per
// unchanged poll (conditional GET answered 304), poll-process CPU per poll, and its RSS per round.
// With --polls N, rounds go on past --rounds until N polls have been counted (RSS flat over them);
// with --gc, the poll process collects garbage before each sample, so a growing heap shows apart
// from memory the allocator merely keeps.
//
//   npm run bench:sources -- [--sources 1000] [--hosts 100] [--every-seconds 5] [--rounds 10] [--change 0.05] [--polls N] [--gc]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './bench-options.mjs';
import { listenOnAddresses } from './loopback-origin.mjs';
import { repoRoot } from './shared-dir.mjs';

const args = parseArgs(process.argv.slice(2));
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const dist = (path) => join(repoRoot, 'dist', path);

if (args.role === 'poller') await runPoller();
else await runBench();

/** The child that runs only the source poll worker, so its CPU and RSS are the scheduler's. */
async function runPoller() {
  const { loadConfig } = await import(dist('config/load.js'));
  const { Pipeline } = await import(dist('queue/pipeline.js'));
  const { createLogger } = await import(dist('log.js'));
  const { startSourceWorker } = await import(dist('workers/source-poll-stage.js'));
  const pipeline = Pipeline.create(loadConfig());
  const worker = startSourceWorker(pipeline, createLogger('warn'));
  process.on('message', async (message) => {
    if (message === 'sample') {
      globalThis.gc?.();
      const memory = process.memoryUsage();
      process.send({ cpu: process.cpuUsage(), rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external });
    }
    if (message === 'stop') {
      await worker.close();
      await pipeline.close();
      process.exit(0);
    }
  });
  process.send({ ready: true });
}

async function runBench() {
  const SOURCES = Number(args.sources ?? 1000);
  const HOSTS = Number(args.hosts ?? 100);
  const EVERY_MS = Number(args['every-seconds'] ?? 5) * 1000;
  const ROUNDS = Number(args.rounds ?? 10);
  const CHANGE = Number(args.change ?? 0.05);
  const POLLS = Number(args.polls ?? 0);
  const prefix = `{bench-sources-${randomUUID()}}`;
  const env = {
    ...process.env,
    REDIS_URL,
    CLAIMFEED_REDIS_PREFIX: prefix,
    CLAIMFEED_FETCH_ALLOW_PRIVATE_NETWORKS: '1',
    // 10 sources per host polled every few seconds: a 100 ms gap per host instead of 1 s.
    CLAIMFEED_FETCH_HOST_MIN_DELAY_MS: '100',
    CLAIMFEED_SOURCES_MIN_EVERY_MS: '1000',
    CLAIMFEED_LOG_LEVEL: 'warn',
  };
  const { loadConfig } = await import(dist('config/load.js'));
  const { Pipeline } = await import(dist('queue/pipeline.js'));
  const { dropPrefix } = await import(dist('queue/connection.js'));
  const { SourceRegistry } = await import(dist('queue/source-registry.js'));
  const config = loadConfig({ env });
  const pipeline = Pipeline.create(config);
  const registry = new SourceRegistry(pipeline);

  const hosts = Array.from({ length: HOSTS }, (_, index) => `127.0.1.${index + 1}`);
  const feeds = Array.from({ length: SOURCES }, (_, n) => ({ host: hosts[n % HOSTS], path: `/feeds/${n}.xml`, version: 1, items: oldItems(n) }));
  const origin = await startOrigin(hosts, feeds);
  log(`origin: ${SOURCES} feeds on ${HOSTS} loopback hosts, port ${origin.port}; period ${EVERY_MS / 1000} s, ${ROUNDS} rounds${POLLS > 0 ? ` or more, until ${POLLS} polls` : ''}, ${Math.round(CHANGE * 100)}% of feeds gain an item per round`);

  const workers = spawn(process.execPath, [join(repoRoot, 'bin', 'claimfeed.js'), 'worker'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const poller = spawn(process.execPath, [...(args.gc ? ['--expose-gc'] : []), fileURLToPath(import.meta.url), '--role', 'poller'], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise((resolve) => poller.once('message', resolve));
  const sample = () => new Promise((resolve) => {
    poller.once('message', resolve);
    poller.send('sample');
  });

  let started = Date.now();
  for (let start = 0; start < SOURCES; start += 50) {
    await Promise.all(feeds.slice(start, start + 50).map((feed) => registry.add(origin.url(feed.host, feed.path), { everyMs: EVERY_MS })));
  }
  log(`added ${SOURCES} sources in ${((Date.now() - started) / 1000).toFixed(1)} s (each resolved with one GET)`);
  // Let the first polls (old items only, nothing queued) pass before counting.
  await sleep(EVERY_MS + 1000);
  const base = { cpu: (await sample()).cpu, counters: await registry.store.counters(), hits: origin.stats() };
  const rssByRound = [];
  const published = [];
  started = Date.now();
  for (let round = 0; round < ROUNDS || (rssByRound.at(-1)?.polls ?? 0) < POLLS; round++) {
    const roundStart = started + round * EVERY_MS;
    if (roundStart > Date.now()) await sleep(roundStart - Date.now());
    for (const feed of feeds) {
      if (Math.random() >= CHANGE) continue;
      const n = published.length;
      const item = { path: `/story/${n}`, title: `Harbour report ${n}`, date: Date.now() };
      feed.items.unshift(item);
      feed.items.length = Math.min(feed.items.length, 20);
      feed.version++;
      published.push({ url: origin.url(feed.host, item.path), path: item.path, at: item.date });
    }
    const counters = await registry.store.counters();
    const memory = await sample();
    rssByRound.push({ round, polls: totalPolls(counters) - totalPolls(base.counters), rssMb: Math.round(memory.rss / 1048576), heapMb: Math.round(memory.heapUsed / 1048576), externalMb: Math.round(memory.external / 1048576) });
  }
  // Drain: one more period for the last items to be polled, then the pipeline.
  const { articleIdForUrl } = await import(dist('model/ids.js'));
  const ids = published.map((item) => articleIdForUrl(item.url, config.dedup.trackingParams));
  const deadline = Date.now() + EVERY_MS + 60_000;
  let summaries = [];
  for (;;) {
    summaries = await Promise.all(ids.map((id) => pipeline.store.summary(id)));
    if (summaries.every((summary) => summary !== null && (summary.status === 'done' || summary.status === 'failed')) || Date.now() > deadline) break;
    await sleep(500);
  }
  const end = { cpu: (await sample()).cpu, counters: await registry.store.counters(), hits: origin.stats() };
  poller.send('stop');
  workers.kill('SIGTERM');
  await Promise.all([new Promise((resolve) => poller.once('exit', resolve)), new Promise((resolve) => workers.once('exit', resolve))]);

  const polls = Object.fromEntries(Object.keys(end.counters.polls).map((outcome) => [outcome, end.counters.polls[outcome] - base.counters.polls[outcome]]));
  const pollCount = Object.values(polls).reduce((sum, value) => sum + value, 0);
  const cpuMs = (end.cpu.user + end.cpu.system - base.cpu.user - base.cpu.system) / 1000;
  const feedRequests = end.hits.feedRequests - base.hits.feedRequests;
  const notModified = end.hits.notModified - base.hits.notModified;
  const storyHits = published.map((item) => origin.storyHits(item.path));
  const done = summaries.filter((summary) => summary?.status === 'done').length;
  const missing = summaries.filter((summary) => summary === null).length;
  const latencies = published.flatMap((item, index) => {
    const finished = summaries[index]?.finishedAt;
    return finished ? [Date.parse(finished) - item.at] : [];
  }).sort((a, b) => a - b);
  // Where the time goes: until the poll queued the item, then through fetch and process.
  const toQueued = published.flatMap((item, index) => (summaries[index] ? [Date.parse(summaries[index].enqueuedAt) - item.at] : [])).sort((a, b) => a - b);
  const queuedToDone = summaries.flatMap((summary) => (summary?.finishedAt ? [Date.parse(summary.finishedAt) - Date.parse(summary.enqueuedAt)] : [])).sort((a, b) => a - b);
  const rounds = rssByRound.length;
  const rssAt = (entry) => `${entry.rssMb} MB (heap ${entry.heapMb} MB${args.gc ? ' after GC' : ''}, external ${entry.externalMb} MB) after ${entry.polls} polls`;
  const articleCount = (await pipeline.store.statusCounts()).total;
  await registry.close();
  await dropPrefix(pipeline.redis, prefix);
  await pipeline.close();
  await origin.close();

  const once = storyHits.every((hits) => hits === 1) && missing === 0 && articleCount === published.length;
  log('');
  log('bench:sources results');
  log(`  scale                       ${SOURCES} sources on ${HOSTS} loopback hosts, period ${EVERY_MS / 1000} s (scaled down from 10 min), ${rounds} rounds`);
  log(`  polls                       ${pollCount} (${Object.entries(polls).filter(([, value]) => value > 0).map(([key, value]) => `${key} ${value}`).join(', ')})`);
  log(`  new items                   ${published.length} published, ${end.counters.newItems - base.counters.newItems} queued, ${done} done, ${missing} never queued; article pages fetched once each: ${storyHits.every((hits) => hits === 1)} (max ${Math.max(0, ...storyHits)}); articles in store ${articleCount} → exactly once: ${once}`);
  log(`  item → claims in feed       median ${(percentile(latencies, 0.5) / 1000).toFixed(1)} s, p95 ${(percentile(latencies, 0.95) / 1000).toFixed(1)} s, max ${((latencies.at(-1) ?? 0) / 1000).toFixed(1)} s (target median ≤ period + 5 s = ${EVERY_MS / 1000 + 5} s)`);
  log(`    of which item → queued    median ${(percentile(toQueued, 0.5) / 1000).toFixed(1)} s, p95 ${(percentile(toQueued, 0.95) / 1000).toFixed(1)} s; queued → done median ${(percentile(queuedToDone, 0.5) / 1000).toFixed(1)} s, p95 ${(percentile(queuedToDone, 0.95) / 1000).toFixed(1)} s`);
  log(`  unchanged polls             ${polls['not-modified']} answered 304 by ${notModified} conditional requests (${(notModified / Math.max(1, polls['not-modified'])).toFixed(2)} per unchanged poll); feed requests per poll ${(feedRequests / Math.max(1, pollCount)).toFixed(2)}; robots.txt requests ${end.hits.robots}`);
  log(`  poll process CPU            ${(cpuMs / Math.max(1, pollCount)).toFixed(2)} ms per poll (user+sys of the process running only the poll worker, ${pollCount} polls)`);
  log(`  poll process RSS by round   ${rssByRound.map((entry) => `${entry.polls}:${entry.rssMb}`).join(' ')} (polls so far:MB)`);
  if (rounds > 0) log(`  poll process RSS            start ${rssAt(rssByRound[0])}, middle ${rssAt(rssByRound[Math.floor(rounds / 2)])}, end ${rssAt(rssByRound[rounds - 1])}; max ${Math.max(...rssByRound.map((entry) => entry.rssMb))} MB`);
  log(`  load average                ${loadavg().map((value) => value.toFixed(1)).join(' ')}`);
  process.stdout.write(`${JSON.stringify({ sources: SOURCES, hosts: HOSTS, everyMs: EVERY_MS, rounds: ROUNDS, polls, published: published.length, done, missing, once, latencyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) }, notModified, cpuMsPerPoll: cpuMs / Math.max(1, pollCount), rssByRound })}\n`);
  process.exit(once ? 0 : 1);
}

/** Three items from five days ago per feed: the first poll must not queue them (since 2 days). */
function oldItems(n) {
  const old = Date.now() - 5 * 86_400_000;
  return [0, 1, 2].map((k) => ({ path: `/old/${n}-${k}`, title: `Archive ${n}-${k}`, date: old - k * 3_600_000 }));
}

async function startOrigin(hosts, feeds) {
  const byKey = new Map(feeds.map((feed) => [`${feed.host}${feed.path}`, feed]));
  const storyHits = new Map();
  const stats = { feedRequests: 0, notModified: 0, robots: 0 };
  const origin = await listenOnAddresses(hosts, (host) => (request, response) => {
    const path = request.url ?? '/';
    const feed = byKey.get(`${host}${path}`);
    if (feed) {
      stats.feedRequests++;
      const etag = `"v${feed.version}"`;
      if (request.headers['if-none-match'] === etag) {
        stats.notModified++;
        response.writeHead(304, { etag });
        return response.end();
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag });
      return response.end(rss(feed));
    }
    if (path === '/robots.txt') {
      stats.robots++;
      response.writeHead(200, { 'content-type': 'text/plain' });
      return response.end('User-agent: *\nDisallow: /private/\n');
    }
    if (path.startsWith('/story/') || path.startsWith('/old/')) {
      storyHits.set(path, (storyHits.get(path) ?? 0) + 1);
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return response.end(articlePage(path));
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  return {
    ...origin,
    stats: () => ({ ...stats }),
    storyHits: (path) => storyHits.get(path) ?? 0,
  };
}

function rss(feed) {
  const items = feed.items.map((item) => `<item><title>${item.title}</title><link>${item.path}</link><pubDate>${new Date(item.date).toUTCString()}</pubDate></item>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Feed ${feed.path}</title><link>/</link>\n${items}\n</channel></rss>`;
}

function articlePage(id) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour council report ${id}</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour council report ${id}</h1>
<p>The city council approved a $12 million plan on Tuesday to raise the harbour wall by 1.5 metres, report ${id} said.</p>
<p>"This wall is cheaper than the next flood," said Mayor Elena Ruiz, adding that 4,000 homes flooded in 2019.</p>
<p>According to the port authority, shipping traffic fell 8% last year while insurance claims rose to $40 million.</p>
</article><footer>Copyright The Ledger.</footer></body></html>`;
}

function totalPolls(counters) {
  return Object.values(counters.polls).reduce((sum, value) => sum + value, 0);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function log(line) {
  process.stderr.write(`${line}\n`);
}

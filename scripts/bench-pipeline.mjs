#!/usr/bin/env node
// Pipeline benchmark, end to end through Redis: a local origin serves the
// ../shared/bench/article-extraction pages under many distinct URLs on 100 loopback host names,
// N worker processes (`claimfeed worker`) fetch, strip, extract and emit, and this script
// reports articles/s, enqueue→feed latency at a fixed offered load, peak RSS per process (the
// kernel's high-water mark, VmHWM, read when the run ends), RSS over the run per process
// (sampled every --sample-seconds: RSS at 10%, 50% and 100% of the articles, the highest
// sample, first- vs last-quarter mean, and the slope over the second half, which is ~0 when
// memory is flat), and the BullMQ no-op ceiling measured on the same Redis in the same run.
//
//   npm run bench:pipeline -- [--urls 2000] [--workers 1,2] [--rate 20] [--rate-seconds 30] [--hosts 100] [--sample-seconds 2]
//   npm run bench:pipeline -- --urls 10000 --workers 2     # the 10,000-article memory run
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { parseArgs } from './bench-options.mjs';
import { listenOnAddresses } from './loopback-origin.mjs';
import { repoRoot, sharedDir } from './shared-dir.mjs';

const args = parseArgs(process.argv.slice(2));
const URLS = Number(args.urls ?? 2000);
const WORKER_COUNTS = String(args.workers ?? '1,2').split(',').map(Number);
const RATE = Number(args.rate ?? 20);
const RATE_SECONDS = Number(args['rate-seconds'] ?? 30);
const HOSTS = Number(args.hosts ?? 100);
const SAMPLE_MS = Number(args['sample-seconds'] ?? 2) * 1000;
// --split: one fetch-stage process plus N process-stage processes, instead of N doing both.
const SPLIT = args.split === 'true';
// --pin: each worker process on a CPU of its own (taskset), so 1 → N processes compares 1 → N
// cores; unpinned, one process already spreads over both CPUs of a 2-CPU machine.
const PIN = args.pin === 'true';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const { loadConfig } = await import(join(repoRoot, 'dist/config/load.js'));
const { Pipeline } = await import(join(repoRoot, 'dist/queue/pipeline.js'));
const { dropPrefix } = await import(join(repoRoot, 'dist/queue/connection.js'));

const pagesDir = join(sharedDir(), 'bench', 'article-extraction', 'html');
const pages = readdirSync(pagesDir).filter((name) => name.endsWith('.html.gz')).sort().map((name) => gunzipSync(readFileSync(join(pagesDir, name))).toString('utf8'));
const hosts = Array.from({ length: HOSTS }, (_, index) => `127.0.1.${index + 1}`);
const origin = await startOrigin(hosts, pages);
log(`origin: ${pages.length} pages on ${hosts.length} loopback hosts, port ${origin.port}`);
log(`workers: \`claimfeed worker\` with its defaults, ${Math.max(1, availableParallelism() - 1)} process-stage thread(s) each (process.concurrency 0: one per CPU but one)`);

const results = { noop: null, runs: [], latency: null };
let lastCpuSeconds = [];
let lastMainThreadCpuSeconds = [];
results.noop = await noopCeiling(4000);
log(`BullMQ no-op ceiling: ${results.noop.jobsPerSecond.toFixed(0)} jobs/s (concurrency 50, one process); each article is 2 jobs`);

let serial = 0;
for (const workers of WORKER_COUNTS) {
  const count = workers === 1 && WORKER_COUNTS.length > 1 ? Math.max(1000, Math.round(URLS / 2)) : URLS;
  results.runs.push(await throughputRun(workers, count));
}
results.latency = await latencyRun(Math.max(...WORKER_COUNTS));
await origin.close();

log('');
log('bench:pipeline results');
log(`  BullMQ no-op ceiling          ${results.noop.jobsPerSecond.toFixed(0)} jobs/s (≈ ${(results.noop.jobsPerSecond / 2).toFixed(0)} articles/s at 2 jobs each)`);
for (const run of results.runs) {
  log(`  ${run.workers} worker process${run.workers === 1 ? ' ' : 'es'}${SPLIT ? ' + 1 fetch process' : ''}${PIN ? ' (one CPU each)' : ''}         ${run.articlesPerSecond.toFixed(1)} articles/s (${run.done} done, ${run.failed} failed, ${run.duplicates} duplicates, ${run.claims} claims, ${run.seconds.toFixed(1)} s); peak RSS per worker ${run.peakRssMb.join(', ')}`);
  for (const line of rssOverTimeLines(run.rssOverTime)) log(`      ${line}`);
  log(`      worker CPU ${run.workerCpuMsPerArticle} ms per article (all stages, all threads; of which the main thread, which only starts and watches the queue thread, ${run.mainThreadCpuMsPerArticle} ms) → ${(2000 / run.workerCpuMsPerArticle).toFixed(0)} articles/s if 2 cores were ours; machine load average ${run.loadAverage.toFixed(1)}`);
}
const lat = results.latency;
log(`  latency at ${lat.offeredRate}/s offered (${lat.workers} workers, ${lat.count} URLs): p50 ${lat.p50Ms} ms, p95 ${lat.p95Ms} ms, max ${lat.maxMs} ms; peak RSS per worker ${lat.peakRssMb.join(', ')}`);
for (const line of rssOverTimeLines(lat.rssOverTime)) log(`      ${line}`);
log(`  bench process peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
log(`  (peak RSS per worker: VmHWM, the kernel's high-water mark of the worker process's resident memory over all its threads,`);
log(`  read from /proc/<pid>/status after the last article and before SIGTERM, so no spike between samples is missed;`);
log(`  RSS over the run: VmRSS sampled every ${SAMPLE_MS / 1000} s, whose highest sample is at most the peak)`);
process.stdout.write(`${JSON.stringify(results)}\n`);
process.exit(0);

async function throughputRun(workerCount, count) {
  const prefix = `{bench-${randomUUID()}}`;
  const config = benchConfig(prefix);
  const pipeline = Pipeline.create(config);
  const workers = startWorkers(workerCount, prefix);
  await waitReady(workers);
  const urls = Array.from({ length: count }, (_, n) => origin.url(hosts[n % hosts.length], `/p/${n % pages.length}/${serial++}`));
  const started = Date.now();
  const sampler = sampleRss(workers, pipeline, started);
  await pipeline.enqueueUrls(urls);
  const counts = await waitAllFinished(pipeline, count);
  const seconds = (Date.now() - started) / 1000;
  const rssOverTime = await sampler.stop();
  const rss = await stopWorkers(workers);
  const cpu = lastCpuSeconds.reduce((sum, value) => sum + value, 0);
  const mainCpu = lastMainThreadCpuSeconds.reduce((sum, value) => sum + value, 0);
  const summary = await summarize(pipeline, prefix);
  await dropPrefix(pipeline.redis, prefix);
  await pipeline.close();
  const run = { workers: workerCount, urls: count, seconds, articlesPerSecond: (counts.done + counts.failed) / seconds, done: counts.done, failed: counts.failed, peakRssMb: rss, workerCpuMsPerArticle: Math.round((cpu * 1000) / Math.max(1, counts.done + counts.failed)), mainThreadCpuMsPerArticle: Math.round((mainCpu * 1000) / Math.max(1, counts.done + counts.failed)), loadAverage: loadavg()[0], ...summary, rssOverTime };
  log(`run: ${workerCount} worker(s), ${count} URLs: ${run.articlesPerSecond.toFixed(1)} articles/s, failures ${JSON.stringify(summary.failureCodes)}`);
  return run;
}

async function latencyRun(workerCount) {
  const prefix = `{bench-${randomUUID()}}`;
  const config = benchConfig(prefix);
  const pipeline = Pipeline.create(config);
  const workers = startWorkers(workerCount, prefix);
  await waitReady(workers);
  // Warm up: the worker threads load the extractors on their first job; measure steady state.
  const warmup = Array.from({ length: workerCount * 4 }, (_, n) => origin.url(hosts[n % hosts.length], `/p/${n % pages.length}/${serial++}`));
  await pipeline.enqueueUrls(warmup);
  await waitAllFinished(pipeline, warmup.length);
  const warmIds = new Set((await allArticles(pipeline, warmup.length)).map((article) => article.id));
  const count = RATE * RATE_SECONDS;
  const gap = 1000 / RATE;
  const started = Date.now();
  const sampler = sampleRss(workers, pipeline, started, warmup.length);
  for (let n = 0; n < count; n++) {
    const due = started + n * gap;
    if (due > Date.now()) await sleep(due - Date.now());
    await pipeline.enqueueUrls([origin.url(hosts[n % hosts.length], `/p/${n % pages.length}/${serial++}`)]);
  }
  await waitAllFinished(pipeline, count + warmup.length);
  const rssOverTime = await sampler.stop();
  const rss = await stopWorkers(workers);
  const latencies = [];
  for (const article of await allArticles(pipeline, count + warmup.length)) {
    if (article.finishedAt && !warmIds.has(article.id)) latencies.push(Date.parse(article.finishedAt) - Date.parse(article.enqueuedAt));
  }
  latencies.sort((a, b) => a - b);
  await dropPrefix(pipeline.redis, prefix);
  await pipeline.close();
  return { workers: workerCount, offeredRate: RATE, count, p50Ms: percentile(latencies, 0.5), p95Ms: percentile(latencies, 0.95), maxMs: latencies[latencies.length - 1] ?? null, peakRssMb: rss, rssOverTime };
}

function benchConfig(prefix) {
  return loadConfig({ env: {}, overrides: { 'redis.url': REDIS_URL, 'redis.prefix': prefix, 'fetch.allowPrivateNetworks': true, 'log.level': 'warn' } });
}

function workerEnv(prefix) {
  return { ...process.env, REDIS_URL, CLAIMFEED_REDIS_PREFIX: prefix, CLAIMFEED_FETCH_ALLOW_PRIVATE_NETWORKS: '1', CLAIMFEED_LOG_LEVEL: 'warn' };
}

function startWorkers(count, prefix) {
  const stageArgs = SPLIT ? [['--stages', 'fetch'], ...Array.from({ length: count }, () => ['--stages', 'process'])] : Array.from({ length: count }, () => []);
  return stageArgs.map((stages, index) => {
    const command = [process.execPath, join(repoRoot, 'bin', 'claimfeed.js'), 'worker', ...stages];
    // taskset execs the worker, so the child's pid (sampled for RSS and CPU) is the worker's.
    const [file, ...argv] = PIN ? ['taskset', '-c', String(index % availableParallelism()), ...command] : command;
    const child = spawn(file, argv, { env: workerEnv(prefix), stdio: ['ignore', 'ignore', 'pipe'] });
    child.label = stages.length === 0 ? 'fetch+process' : stages[1];
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
      for (const line of text.split('\n')) if (line.includes('"level":"error"')) process.stderr.write(`worker ${child.pid}: ${line.slice(0, 300)}\n`);
    });
    return child;
  });
}

async function waitReady(workers) {
  // The worker threads load the extractors lazily; give the processes a moment to connect.
  await sleep(1500);
  for (const child of workers) if (child.exitCode !== null) throw new Error(`worker ${child.pid} exited with ${child.exitCode}`);
}

async function stopWorkers(workers) {
  const peaks = workers.map((child) => `${peakRssMb(child.pid)} MB (${child.label})`);
  lastCpuSeconds = workers.map((child) => cpuSeconds(child.pid));
  lastMainThreadCpuSeconds = workers.map((child) => cpuSeconds(child.pid, `/proc/${child.pid}/task/${child.pid}/stat`));
  await Promise.all(
    workers.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
  return peaks;
}

/**
 * Samples each worker's RSS every SAMPLE_MS with the articles finished so far; stop() returns,
 * per worker, the samples ([seconds, articles, MB]) and their summary (see summarizeRss).
 */
function sampleRss(workers, pipeline, started, articlesBefore = 0) {
  const series = workers.map(() => []);
  let pending = Promise.resolve();
  const take = async () => {
    const counts = await pipeline.store.statusCounts();
    const articles = counts.done + counts.failed - articlesBefore;
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    workers.forEach((child, index) => {
      const mb = currentRssMb(child.pid);
      if (mb !== null) series[index].push([seconds, articles, mb]);
    });
  };
  const tick = () => {
    pending = pending.then(take, take);
  };
  tick();
  const timer = setInterval(tick, SAMPLE_MS);
  return {
    async stop() {
      clearInterval(timer);
      tick();
      await pending.catch(() => undefined);
      return workers.map((child, index) => ({ pid: child.pid, label: child.label, ...summarizeRss(series[index]), samples: series[index] }));
    },
  };
}

/**
 * RSS when 10%, 50% and 100% of the articles were done; the highest sample; the mean of the
 * first and of the last quarter of the samples; and the least-squares slope over the second half of the articles, in
 * MB per 1000 articles (warm-up, when the threads load the extractors, is in the first half).
 */
function summarizeRss(samples) {
  if (samples.length === 0) return { at10: null, at50: null, at100: null, maxSampledMb: null, firstQuarterMb: null, lastQuarterMb: null, slopeMbPer1000: null };
  const total = samples[samples.length - 1][1];
  const at = (fraction) => (samples.find(([, articles]) => articles >= fraction * total) ?? samples[samples.length - 1])[2];
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const mean = (rows) => Math.round(rows.reduce((sum, row) => sum + row[2], 0) / rows.length);
  const half = samples.filter(([, articles]) => articles >= total / 2);
  let slope = null;
  if (half.length >= 3) {
    const mx = half.reduce((sum, row) => sum + row[1], 0) / half.length;
    const my = half.reduce((sum, row) => sum + row[2], 0) / half.length;
    const sxx = half.reduce((sum, row) => sum + (row[1] - mx) ** 2, 0);
    const sxy = half.reduce((sum, row) => sum + (row[1] - mx) * (row[2] - my), 0);
    if (sxx > 0) slope = Math.round((sxy / sxx) * 1000 * 10) / 10;
  }
  return { at10: at(0.1), at50: at(0.5), at100: at(1), maxSampledMb: Math.max(...samples.map((row) => row[2])), firstQuarterMb: mean(samples.slice(0, quarter)), lastQuarterMb: mean(samples.slice(-quarter)), slopeMbPer1000: slope };
}

function rssOverTimeLines(rssOverTime) {
  return rssOverTime.map(
    (worker) =>
      `RSS over the run, worker ${worker.pid} (${worker.label}): ${worker.at10} / ${worker.at50} / ${worker.at100} MB at 10/50/100% of articles, highest sample ${worker.maxSampledMb} MB; mean of first quarter ${worker.firstQuarterMb} MB, last quarter ${worker.lastQuarterMb} MB; second-half slope ${worker.slopeMbPer1000 ?? 'n/a'} MB per 1000 articles (${worker.samples.length} samples)`,
  );
}

function currentRssMb(pid) {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** user + system CPU of a process and all its threads, from /proc (clock ticks at 100 Hz). */
function cpuSeconds(pid, statFile = `/proc/${pid}/stat`) {
  try {
    const fields = readFileSync(statFile, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function peakRssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

async function waitAllFinished(pipeline, count) {
  let last = -1;
  let lastChange = Date.now();
  for (;;) {
    const counts = await pipeline.store.statusCounts();
    const finished = counts.done + counts.failed;
    if (finished >= count) return counts;
    if (finished !== last) {
      last = finished;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > 120_000) throw new Error(`stuck at ${finished}/${count}: ${JSON.stringify(counts)}`);
    await sleep(100);
  }
}

/** The newest `limit` articles (all by default), read page by page: the store serves at most 500 at once. */
async function allArticles(pipeline, limit = Infinity) {
  const all = [];
  while (all.length < limit) {
    const page = await pipeline.store.listArticles({ limit: Math.min(500, limit - all.length), offset: all.length });
    all.push(...page);
    if (page.length < 500) break;
  }
  return all;
}

async function summarize(pipeline, prefix) {
  const articles = await allArticles(pipeline);
  const failureCodes = {};
  let duplicates = 0;
  let claims = 0;
  for (const article of articles) {
    if (article.failure) failureCodes[article.failure.code] = (failureCodes[article.failure.code] ?? 0) + 1;
    if (article.duplicateOf) duplicates++;
    claims += article.claimCount;
  }
  void prefix;
  return { failureCodes, duplicates, claims };
}

async function noopCeiling(jobs) {
  const prefix = `{bench-${randomUUID()}}`;
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue('noop', { connection, prefix });
  let done = 0;
  let finish;
  const finished = new Promise((resolve) => (finish = resolve));
  const worker = new Worker('noop', async () => null, { connection, prefix, concurrency: 50, autorun: false });
  worker.on('completed', () => {
    if (++done === jobs) finish();
  });
  const batch = Array.from({ length: jobs }, (_, n) => ({ name: 'noop', data: { v: 1, articleId: `a${n}`, version: 1 }, opts: { removeOnComplete: true } }));
  for (let start = 0; start < batch.length; start += 1000) await queue.addBulk(batch.slice(start, start + 1000));
  const started = Date.now();
  void worker.run();
  await finished;
  const seconds = (Date.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await dropPrefix(connection, prefix);
  connection.disconnect();
  return { jobs, seconds, jobsPerSecond: jobs / seconds };
}

async function startOrigin(addresses, pageList) {
  // The origin shares the CPUs with the workers it serves: each page is cut once where the
  // copy marks go, so serving a copy is joining bytes rather than scanning and re-encoding HTML.
  const templates = pageList.map(copyTemplate);
  const handler = (request, response) => {
    const match = /^\/p\/(\d+)\/(\d+)$/.exec(request.url ?? '');
    if (!match) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    const template = templates[Number(match[1]) % templates.length];
    // A distinct copy per URL, so the content-hash dedup does not skip the work.
    const body = uniqueCopy(template, match[2]);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body);
  };
  return listenOnAddresses(addresses, () => handler);
}

/**
 * A page as the UTF-8 pieces between the places a copy is marked: after every paragraph tag
 * ("[copy] "), or, in a page without one, after the body tag (a paragraph "Copy N of this report.").
 */
function copyTemplate(page) {
  const pieces = [];
  let last = 0;
  for (const tag of page.matchAll(/<p(?:\s[^>]*)?>/gi)) {
    pieces.push(page.slice(last, tag.index + tag[0].length));
    last = tag.index + tag[0].length;
  }
  let mark = (copy) => `[${copy}] `;
  if (pieces.length === 0) {
    const body = /<body[^>]*>/i.exec(page);
    if (body) pieces.push(page.slice(0, (last = body.index + body[0].length)));
    mark = (copy) => `<p>Copy ${copy} of this report.</p>`;
  }
  pieces.push(page.slice(last));
  return { pieces: pieces.map((piece) => Buffer.from(piece, 'utf8')), mark };
}

/** Marks every paragraph with the copy number, so each URL's text is distinct. */
function uniqueCopy(template, copy) {
  const { pieces } = template;
  if (pieces.length === 1) return pieces[0];
  const mark = Buffer.from(template.mark(copy), 'utf8');
  const parts = [pieces[0]];
  for (let index = 1; index < pieces.length; index++) parts.push(mark, pieces[index]);
  return Buffer.concat(parts);
}


function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function log(line) {
  process.stderr.write(`${line}\n`);
}

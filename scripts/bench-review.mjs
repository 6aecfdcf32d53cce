#!/usr/bin/env node
// Review page benchmark: server time of GET /articles/:id for an article with 100 claims.
// Builds a long synthetic news page, runs the real stripper and claim extractor on it, stores
// the result in Redis (REDIS_URL, default 127.0.0.1:6379) under a throwaway prefix, starts the
// review server in this process and times repeated requests. Target: p95 < 300 ms.
import { randomUUID } from 'node:crypto';
import { stripArticle } from '../dist/extractors/strip/index.js';
import { extractClaims } from '../dist/extractors/claims/index.js';
import { createRedis, dropPrefix, requireRedis } from '../dist/queue/connection.js';
import { createReviewServer } from '../dist/server/app.js';
import { ServerMetrics } from '../dist/server/metrics.js';
import { createStoreBackend } from '../dist/server/store-backend.js';
import { ArticleStore } from '../dist/store/articles.js';
import { newExtractionLog } from '../dist/workers/extraction-log.js';

const CLAIMS = 100;
const REQUESTS = Number(process.argv[2] ?? 60);
const TARGET_MS = 300;

// Varied, made-up sentences: attributed statements and unattributed figures in equal measure.
const PEOPLE = ['Mayor Elena Ruiz', 'Councillor James Okafor', 'Finance Minister Ana Costa', 'Dr. Priya Raman', 'Chief Executive Tom Becker', 'Senator Laila Haddad'];
const ORGS = ['the port authority', 'the city council', 'the national statistics office', 'the harbour trust', 'the regional health board'];
const THINGS = ['the flood wall', 'the ferry service', 'the new hospital wing', 'the school programme', 'the bridge repair'];
function paragraph(i) {
  const person = PEOPLE[i % PEOPLE.length];
  const org = ORGS[i % ORGS.length];
  const thing = THINGS[i % THINGS.length];
  const sentences = [
    `"We expect ${thing} to be finished within ${(i % 20) + 2} months," ${person} said on Tuesday.`,
    `According to ${org}, spending on ${thing} rose ${(i % 9) + 2} percent to $${(i % 40) + 5} million last year.`,
    `${person} said that ${1000 + i * 37} residents had signed the petition.`,
    `Traffic on the route fell ${(i % 7) + 1}.${i % 10} percent in ${2000 + (i % 24)}, the figures show.`,
  ];
  return `<p>${sentences[i % 4]} ${sentences[(i + 1) % 4]}</p>`;
}

function buildArticle() {
  for (let paragraphs = 30; paragraphs < 400; paragraphs += 10) {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour budget: a long report</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Harbour budget: a long report</h1>
${Array.from({ length: paragraphs }, (_, i) => paragraph(i)).join('\n')}
</article><footer>Copyright The Ledger.</footer></body></html>`;
    const article = stripArticle(html, { url: 'https://ledger.example/news/long-report' });
    const extraction = extractClaims(article.text, { articleId: 'bench-review' });
    if (extraction.claims.length >= CLAIMS) return { article, extraction, claims: extraction.claims.slice(0, CLAIMS) };
  }
  throw new Error(`could not build an article with ${CLAIMS} claims`);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
await requireRedis(redisUrl);
const redis = createRedis(redisUrl);
const prefix = `{bench-review-${randomUUID()}}`;
const store = new ArticleStore(redis, prefix);
const id = 'bench-review';
const server = createReviewServer(
  { backend: createStoreBackend({ store, stageQueues: [], enqueue: async () => [] }), metrics: new ServerMetrics([], { followQueues: false }) },
  { host: '127.0.0.1', port: 0, token: null },
);
try {
  const { article, extraction, claims } = buildArticle();
  const log = {
    ...newExtractionLog(id, article.url, 1, 'url'),
    strip: { title: article.title, canonicalUrl: article.canonicalUrl, language: article.language.declared, textChars: article.text.length, blockCount: article.blocks.length, removed: article.removed, sources: article.sources },
    claims: claims.map((claim) => ({ id: claim.id, kind: claim.kind, ruleIds: claim.ruleIds, sentence: claim.sentence, speaker: claim.speaker?.text ?? null, figures: claim.figures })),
    figures: extraction.figures, actors: extraction.actors, attributions: extraction.attributions, rejected: extraction.rejected,
  };
  await store.register(id, article.url, { refresh: false, source: 'url' });
  await store.complete(id, { article, claims, log, fields: { title: article.title ?? '' } });
  const { port } = await server.listen();
  const url = `http://127.0.0.1:${port}/articles/${id}`;

  const serverMs = [];
  const clientMs = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS + 5; i++) {
    const started = process.hrtime.bigint();
    const response = await fetch(url);
    const body = await response.text();
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
    const timing = /app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
    if (i < 5) continue; // warm-up: JIT and connection set-up
    serverMs.push(Number(timing?.[1] ?? NaN));
    clientMs.push(elapsed);
    bytes = Buffer.byteLength(body);
  }
  serverMs.sort((a, b) => a - b);
  clientMs.sort((a, b) => a - b);
  const fmt = (values) => `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${values[values.length - 1].toFixed(1)} ms`;
  process.stdout.write(`bench:review article: ${claims.length} claims, ${article.text.length} chars of text, ${article.blocks.length} blocks; page ${(bytes / 1024).toFixed(0)} KiB\n`);
  process.stdout.write(`bench:review GET /articles/:id server time (Server-Timing, store read + render) over ${REQUESTS} requests: ${fmt(serverMs)}\n`);
  process.stdout.write(`bench:review GET /articles/:id client time on loopback (whole response): ${fmt(clientMs)}\n`);
  const p95 = percentile(serverMs, 95);
  process.stdout.write(`bench:review target p95 < ${TARGET_MS} ms: ${p95 < TARGET_MS ? 'met' : 'MISSED'}\n`);
  process.exitCode = p95 < TARGET_MS ? 0 : 1;
} finally {
  await server.close();
  await dropPrefix(redis, prefix);
  redis.disconnect();
}

#!/usr/bin/env node
// Claim-extraction benchmark: the shared scorer runs the package's bin once with every document
// of the dev set, then of the seed gold, and prints the per-layer tables and docs/s of each run
// (start-up included). Then extractClaims runs in this process over the same texts for a
// throughput figure without start-up, normalised to 700-word articles.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, sharedDir } from './shared-dir.mjs';

const shared = sharedDir();
const bin = join(repoRoot, 'bin', 'claimfeed.js');
const scorer = join(shared, 'bench', 'score-claims.mjs');
const extra = process.argv.slice(2);
const datasets = [join(shared, 'bench', 'claims', 'dev.jsonl'), join(shared, 'examples', 'seed-article.gold.jsonl')];
let status = 0;
for (const data of datasets) {
  process.stdout.write(`\n== ${data}\n`);
  const result = spawnSync(process.execPath, [scorer, '--cmd', `node ${JSON.stringify(bin)} extract --jsonl`, '--data', data, ...extra], { stdio: 'inherit' });
  if (result.status !== 0) status = result.status ?? 1;
}

const { extractClaims } = await import(pathToFileURL(join(repoRoot, 'dist', 'extractors', 'claims', 'index.js')).href);
const texts = datasets.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line).text));
const words = texts.reduce((sum, text) => sum + text.split(/\s+/).filter(Boolean).length, 0);
extractClaims(texts[0] ?? '', { articleId: 'warm-up' });
const rounds = 5;
const started = process.hrtime.bigint();
for (let round = 0; round < rounds; round++) texts.forEach((text, index) => extractClaims(text, { articleId: `bench-${index}` }));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const wordsPerSecond = (words * rounds) / seconds;
process.stdout.write(
  `\n== in-process extractClaims: ${texts.length} texts x ${rounds}, ${(wordsPerSecond / 1000).toFixed(1)}k words/s = ${(wordsPerSecond / 700).toFixed(0)} docs/s for 700-word articles\n`,
);
process.exit(status);

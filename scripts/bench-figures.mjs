#!/usr/bin/env node
// Figures benchmark: scores the built figure extractor with the shared claims scorer on the dev
// set and on the seed article, then times extraction alone on the seed text (ms per 700 words).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, sharedDir } from './shared-dir.mjs';

const shared = sharedDir();
const scorer = join(shared, 'bench', 'score-claims.mjs');
const cmd = `node ${JSON.stringify(join(repoRoot, 'scripts', 'score-figures.mjs'))}`;
const runs = [
  ['dev', []],
  ['seed', ['--data', join(shared, 'examples', 'seed-article.gold.jsonl')]],
];
let status = 0;
for (const [name, extra] of runs) {
  process.stdout.write(`== ${name}\n`);
  const result = spawnSync(process.execPath, [scorer, '--cmd', cmd, '--layers', 'figures', ...extra], { stdio: 'inherit' });
  status ||= result.status ?? 1;
}

const { extractFigures } = await import(join(repoRoot, 'dist', 'extractors', 'figures', 'index.js'));
const seed = JSON.parse(readFileSync(join(shared, 'examples', 'seed-article.gold.jsonl'), 'utf8').split('\n')[0]).text;
const words = seed.split(/\s+/).filter(Boolean).length;
extractFigures(seed); // rule tables load on first use; time the steady state
const rounds = 2000;
const started = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) extractFigures(seed);
const ms = Number(process.hrtime.bigint() - started) / 1e6 / rounds;
process.stdout.write(`speed: ${ms.toFixed(3)} ms per seed article (${words} words), ${((ms * 700) / words).toFixed(3)} ms per 700 words\n`);
process.exit(status);

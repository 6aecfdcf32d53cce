#!/usr/bin/env node
// Figures benchmark: scores the built figure extractor with the shared claims scorer on the dev
// set and on the seed article, then times extraction alone on the seed text (ms per 700 words).
// With --stress: only times hostile texts (a short unit repeated to 64 KB and to 1 MB, such as
// "1.1.1.1…" or "1 or 1 or …") and prints the worst time per size; scanning must stay linear.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, sharedDir } from './shared-dir.mjs';

if (process.argv.includes('--stress')) {
  const { extractFigures } = await import(join(repoRoot, 'dist', 'extractors', 'figures', 'index.js'));
  extractFigures('warm-up: 1 cup'); // rule tables load on first use
  // Each unit stresses one path: dotted chains, lists, glued letters and signs, currency and
  // percent prefixes, fractions, coordination, ranges, rates, compounds, scales, times, names.
  const units = ['1.', '1.1.', '1,', '1 ', '1a', 'a1', '1-', '1/', '$1', 'US$1', '1%', '½', '12:', '1 or ', 'between 1 and ', '1 per ', '1-year-', '1 million ', 'No. 1 ', 'one '];
  for (const size of [64 * 1024, 1024 * 1024]) {
    let worst = { ms: 0, unit: '' };
    for (const unit of units) {
      const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
      const started = process.hrtime.bigint();
      const { figures, rejected } = extractFigures(text);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      process.stdout.write(`stress ${String(size / 1024).padStart(5)} KB  ${JSON.stringify(unit).padEnd(18)} ${ms.toFixed(0).padStart(6)} ms  (${figures.length} figures, ${rejected.length} rejected)\n`);
      if (ms > worst.ms) worst = { ms, unit };
    }
    process.stdout.write(`stress ${String(size / 1024).padStart(5)} KB  worst ${worst.ms.toFixed(0)} ms (${JSON.stringify(worst.unit)} repeated)\n`);
  }
  process.exit(0);
}

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

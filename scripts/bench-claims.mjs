#!/usr/bin/env node
// Claim-extraction benchmark: the shared scorer runs the package's bin once with every document
// of the dev set, then of the seed gold, and prints the per-layer tables and docs/s of each run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
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
process.exit(status);

#!/usr/bin/env node
// Main-text extraction benchmark: the shared scorer runs the package's bin once with every
// page path, then prints precision, recall, F1 and the throughput of that one process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, sharedDir } from './shared-dir.mjs';

const shared = sharedDir();
const bin = join(repoRoot, 'bin', 'claimfeed.js');
const extra = process.argv.slice(2);
const started = process.hrtime.bigint();
const result = spawnSync(
  process.execPath,
  [join(shared, 'bench', 'score-extraction.mjs'), '--cmd', `node ${JSON.stringify(bin)} strip --jsonl`, ...extra],
  { stdio: 'inherit' },
);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(`bench:strip wall time ${seconds.toFixed(1)} s (scorer included)\n`);
process.exit(result.status ?? 1);

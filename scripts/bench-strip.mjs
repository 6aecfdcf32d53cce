#!/usr/bin/env node
// Main-text extraction benchmark: the shared scorer runs the package's bin once with every
// page path, then prints precision, recall, F1 and the throughput of that one process.
// Extra arguments go to the scorer (--per-page FILE, --worst N, --limit N ...).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, sharedDir } from './shared-dir.mjs';

const shared = sharedDir();
const bin = join(repoRoot, 'bin', 'claimfeed.js');
const extra = process.argv.slice(2);
const result = spawnSync(
  process.execPath,
  [join(shared, 'bench', 'score-extraction.mjs'), '--cmd', `node ${JSON.stringify(bin)} strip --jsonl`, '--json', ...extra],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 },
);
const lines = (result.stdout ?? '').trimEnd().split('\n');
const last = lines.at(-1) ?? '';
let summary = null;
try {
  summary = JSON.parse(last);
  lines.pop();
} catch {
  // The scorer printed no JSON summary (a usage or data error): show what it said.
}
process.stdout.write(`${lines.join('\n')}\n`);
if (summary) {
  const f = (value) => (typeof value === 'number' ? value.toFixed(3) : 'n/a');
  const rate = (value) => (typeof value === 'number' ? value.toFixed(1) : 'n/a');
  const own = typeof summary.extractor_s === 'number' && summary.extractor_s > 0 ? summary.pages / summary.extractor_s : null;
  process.stdout.write(
    `\nbench:strip  F1 ${f(summary.f1)}  precision ${f(summary.precision)}  recall ${f(summary.recall)}  |  ` +
      `${summary.pages} pages in ${summary.wall_s.toFixed(2)} s = ${rate(summary.pages_per_s)} pages/s (one process, start-up included); ` +
      `decode+strip alone ${rate(own)} pages/s; load average ${summary.load_before.toFixed(1)} on ${summary.cpus} CPUs\n`,
  );
}
process.exit(result.status ?? 1);

#!/usr/bin/env node
// Main-text extraction benchmark on both public page sets. Each shared scorer runs the package's
// bin once with every page path of its set, then this prints F1, precision, recall and the
// throughput of that one process, set by set:
//   article-extraction  full-text truth, 4-token shingles (score-extraction.mjs)
//   article-snippets    must-contain / must-not-contain snippets (score-snippets.mjs)
// Options: --set extraction|snippets runs one set only; --worst N, --limit N, --verbose go to
// both scorers; --per-page FILE and --save-output FILE (snippets only) get the set's name
// inserted before the extension when both sets run (per-page.extraction.jsonl, ...);
// --filter K=V goes to the snippet scorer only.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { extname, join } from 'node:path';
import { repoRoot, sharedDir } from './shared-dir.mjs';

const COMMON_OPTIONS = ['--worst', '--limit', '--per-page', '--bootstrap', '--seed', '--timeout', '--verbose'];
const SETS = {
  extraction: { name: 'article-extraction', scorer: 'score-extraction.mjs', accepts: new Set(COMMON_OPTIONS) },
  snippets: { name: 'article-snippets', scorer: 'score-snippets.mjs', accepts: new Set([...COMMON_OPTIONS, '--filter', '--save-output']) },
};
const FILE_OPTIONS = new Set(['--per-page', '--save-output']);
const VALUE_OPTIONS = new Set(['--set', '--worst', '--limit', '--per-page', '--save-output', '--filter', '--bootstrap', '--seed', '--timeout']);
const FLAG_OPTIONS = new Set(['--verbose']);
const USAGE = 'usage: npm run bench:strip -- [--set extraction|snippets] [--worst N] [--limit N] [--per-page FILE] [--save-output FILE] [--filter K=V] [--verbose]';

function parseArgs(argv) {
  const options = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (FLAG_OPTIONS.has(arg)) options.set(arg, true);
    else if (VALUE_OPTIONS.has(arg) && i + 1 < argv.length) options.set(arg, argv[++i]);
    else {
      process.stderr.write(`unknown or incomplete argument "${arg}"\n${USAGE}\n`);
      process.exit(1);
    }
  }
  const only = options.get('--set');
  if (only !== undefined && !(only in SETS)) {
    process.stderr.write(`--set takes extraction or snippets, got "${only}"\n${USAGE}\n`);
    process.exit(1);
  }
  return { options, sets: only === undefined ? Object.keys(SETS) : [only] };
}

/** FILE → FILE with ".<set>" before its extension, so two scorers never write one file. */
function perSetPath(file, setKey) {
  const ext = extname(file);
  return ext ? `${file.slice(0, -ext.length)}.${setKey}${ext}` : `${file}.${setKey}`;
}

function scorerArgs(setKey, options, several) {
  const set = SETS[setKey];
  const args = [];
  for (const [name, value] of options) {
    if (!set.accepts.has(name)) continue;
    if (value === true) args.push(name);
    else args.push(name, several && FILE_OPTIONS.has(name) ? perSetPath(value, setKey) : value);
  }
  return args;
}

function runSet(setKey, options, several) {
  const shared = sharedDir();
  const set = SETS[setKey];
  const bin = join(repoRoot, 'bin', 'claimfeed.js');
  const result = spawnSync(
    process.execPath,
    [
      join(shared, 'bench', set.scorer),
      '--cmd', `node ${JSON.stringify(bin)} strip --jsonl`,
      '--data', join(shared, 'bench', set.name),
      '--json',
      ...scorerArgs(setKey, options, several),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 27 },
  );
  const lines = (result.stdout ?? '').trimEnd().split('\n');
  let summary = null;
  try {
    summary = JSON.parse(lines.at(-1) ?? '');
    lines.pop();
  } catch {
    // The scorer printed no JSON summary (a usage or data error): show what it said.
  }
  process.stdout.write(`\n== ${set.name} ==\n${lines.join('\n')}\n`);
  return { set, summary, status: result.status ?? 1 };
}

function summaryLine(set, summary) {
  const f = (value) => (typeof value === 'number' ? value.toFixed(3) : 'n/a');
  const rate = (value) => (typeof value === 'number' ? value.toFixed(1) : 'n/a');
  const own = typeof summary.extractor_s === 'number' && summary.extractor_s > 0 ? summary.pages / summary.extractor_s : null;
  return (
    `bench:strip ${set.name.padEnd(18)}  F1 ${f(summary.f1)}  precision ${f(summary.precision)}  recall ${f(summary.recall)}  |  ` +
    `${summary.pages} pages in ${summary.wall_s.toFixed(2)} s = ${rate(summary.pages_per_s)} pages/s (one process, start-up included); ` +
    `decode+strip alone ${rate(own)} pages/s; load average ${summary.load_before.toFixed(1)} on ${cpus().length} CPUs`
  );
}

const { options, sets } = parseArgs(process.argv.slice(2));
const runs = sets.map((key) => runSet(key, options, sets.length > 1));
process.stdout.write('\n');
for (const { set, summary } of runs) {
  process.stdout.write(`${summary ? summaryLine(set, summary) : `bench:strip ${set.name}: no summary (see above)`}\n`);
}
process.exit(runs.reduce((worst, run) => Math.max(worst, run.status), 0));

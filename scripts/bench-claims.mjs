#!/usr/bin/env node
// Claim-extraction benchmark: the shared scorer runs the package's bin once with every document
// of the dev set, then of the seed gold, and prints the per-layer tables and docs/s of each run
// (start-up included). The dev run's output is recorded and scored again per origin (the scorer's
// by-source rows give span overlap only), and GUM's actors documents per genre (news and
// interviews together first), so each gets its own value + unit, typed and content + speaker +
// cue F1 without a second extraction. Then extractClaims runs in this process
// over the same texts for a throughput figure without start-up, normalised to 700-word articles.
// Extra arguments go to the scorer (e.g. --layers figures).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, sharedDir } from './shared-dir.mjs';

const shared = sharedDir();
const bin = join(repoRoot, 'bin', 'claimfeed.js');
const scorer = join(shared, 'bench', 'score-claims.mjs');
const recorder = join(repoRoot, 'scripts', 'recorded-command.mjs');
const extra = process.argv.slice(2);
const devFile = join(shared, 'bench', 'claims', 'dev.jsonl');
const seedFile = join(shared, 'examples', 'seed-article.gold.jsonl');
const work = mkdtempSync(join(tmpdir(), 'bench-claims-'));
const devRecording = join(work, 'dev-output.jsonl');
const seedRecording = join(work, 'seed-output.jsonl');
const extractCommand = `node ${JSON.stringify(bin)} extract --jsonl`;
let status = 0;

function score(data, command, args, inherit, countsForStatus = true) {
  const result = spawnSync(process.execPath, [scorer, '--cmd', command, '--data', data, ...args], {
    stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0 && countsForStatus) status = result.status ?? 1;
  return result;
}

const recorded = (file) => `node ${JSON.stringify(recorder)} record ${JSON.stringify(file)} -- ${extractCommand}`;
process.stdout.write(`\n== ${devFile}\n`);
score(devFile, recorded(devRecording), extra, true);
process.stdout.write(`\n== ${seedFile}\n`);
score(seedFile, recorded(seedRecording), extra, true);

// Compact summary: the recorded outputs scored again with --json, for the whole set and per origin.
const pct = (x) => (x == null ? '   - ' : (100 * x).toFixed(1).padStart(5));
const prf = (m) => `P ${pct(m.p)} R ${pct(m.r)} F1 ${pct(m.f1)}`;
function summaryLines(label, r) {
  const lines = [];
  const name = (layer) => `${layer}/${label}`.padEnd(31);
  if (r.figures) lines.push(`${name('figures')} ${String(r.figures.docs).padStart(4)} docs  span ${prf(r.figures.overlap)}  value+unit ${prf(r.figures.value_unit)}`);
  if (r.actors) lines.push(`${name('actors')} ${String(r.actors.docs).padStart(4)} docs  span ${prf(r.actors.overlap)}  typed ${prf(r.actors.typed)}`);
  if (r.attributions) lines.push(`${name('attributions')} ${String(r.attributions.docs).padStart(4)} docs  content ${prf(r.attributions.content)}  content+speaker+cue ${prf(r.attributions.full)} (${r.attributions.full.tp} of ${r.attributions.full.gold} fully right)`);
  return lines;
}
function rescore(label, data, recordingFile) {
  const result = score(data, `node ${JSON.stringify(recorder)} replay ${JSON.stringify(recordingFile)}`, [...extra, '--json'], false, false);
  return result.status === 0 ? summaryLines(label, JSON.parse(result.stdout)) : []; // the scorer said why on stderr
}

function rescoreSubset(label, docs) {
  const subset = join(work, `${label.replace(/[^\w+-]+/g, '_')}.jsonl`);
  writeFileSync(subset, docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n');
  return rescore(label, subset, devRecording);
}

// GUM documents are named GUM_<genre>_<name>: news and interviews score apart from the other
// genres (biographies, travel guides, academic prose ...), and the held-out entity documents are news.
const GUM_GENRE = /^gum-GUM_([a-z]+)_/;
const NEWS_GENRES = ['news', 'interview'];
function originGroups(docs) {
  const genres = new Map();
  const news = [];
  for (const doc of docs) {
    const genre = GUM_GENRE.exec(doc.id ?? '')?.[1];
    if (genre === undefined) continue;
    if (!genres.has(genre)) genres.set(genre, []);
    genres.get(genre).push(doc);
    if (NEWS_GENRES.includes(genre)) news.push(doc);
  }
  if (genres.size === 0) return [];
  return [[NEWS_GENRES.join('+'), news], ...[...genres].sort(([a], [b]) => a.localeCompare(b))].filter(([, group]) => group.length > 0);
}

const summary = [];
const devDocs = readFileSync(devFile, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));
if (existsSync(devRecording)) {
  summary.push(...rescore('dev', devFile, devRecording));
  const layersArg = extra.indexOf('--layers');
  const layers = layersArg >= 0 ? (extra[layersArg + 1] ?? '').split(',') : null;
  const scored = devDocs.filter((doc) => layers === null || ['figures', 'actors', 'attributions'].some((layer) => layers.includes(layer) && Array.isArray(doc[layer])));
  for (const origin of [...new Set(scored.map((doc) => doc.origin ?? 'unknown'))]) {
    const ofOrigin = devDocs.filter((doc) => (doc.origin ?? 'unknown') === origin);
    summary.push(...rescoreSubset(`dev ${origin}`, ofOrigin));
    for (const [group, docs] of originGroups(ofOrigin)) summary.push(...rescoreSubset(`dev ${origin} ${group}`, docs));
  }
}
if (existsSync(seedRecording)) summary.push(...rescore('seed', seedFile, seedRecording));
rmSync(work, { recursive: true, force: true });
process.stdout.write(`\n== summary (dev per layer, dev per origin, seed)\n${summary.join('\n')}\n`);

const { extractClaims } = await import(pathToFileURL(join(repoRoot, 'dist', 'extractors', 'claims', 'index.js')).href);
const texts = [devFile, seedFile].flatMap((file) => readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line).text));
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

#!/usr/bin/env node
// Claim audit: prints the claim records of a sample of pages in a form a reader can judge one by
// one (kind, speaker, cue, content, figures, the sentence), so each can be marked right or wrong.
// Pages are drawn from the given files or folders by a seeded shuffle, in turn from each, so the
// same seed gives the same pages and another seed a fresh set to check that a fix was not tuned
// to the first.
//
//   node scripts/audit-claims.mjs [--pages N] [--seed S] [--per-page M] FILE|DIR...
//
// Defaults: the shared benchmark pages (article-extraction and article-snippets), 20 pages,
// seed 1, at most 12 claims per page (spread evenly over the article when there are more).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, sharedDir } from './shared-dir.mjs';

const usage = 'usage: node scripts/audit-claims.mjs [--pages N] [--seed S] [--per-page M] [FILE|DIR...]\n';
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(usage);
  process.exit(0);
}
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  args.splice(at, 2);
  if (!Number.isInteger(value) || value < 0) {
    process.stderr.write(`${name} needs a whole number\n${usage}`);
    process.exit(2);
  }
  return value;
};
const pageCount = option('--pages', 20);
const seed = option('--seed', 1);
const perPage = option('--per-page', 12);

const unknown = args.find((arg) => arg.startsWith('-'));
if (unknown !== undefined) {
  process.stderr.write(`unknown option ${unknown}\n${usage}`);
  process.exit(2);
}
const missing = args.find((arg) => !existsSync(arg));
if (missing !== undefined) {
  process.stderr.write(`no such file or folder: ${missing}\n${usage}`);
  process.exit(2);
}
const inputs = args.length > 0
  ? args
  : [join(sharedDir(), 'bench', 'article-extraction', 'html'), join(sharedDir(), 'bench', 'article-snippets', 'html')];
// Each input (a folder or a file) is shuffled on its own and the sample takes from each in turn,
// so a small news folder is not crowded out by a large mixed one.
const groups = inputs.map((input) => (statSync(input).isDirectory()
  ? readdirSync(input).filter((name) => /\.html?(\.gz)?$/.test(name)).sort().map((name) => join(input, name))
  : [input]));

// mulberry32: a small seeded generator, so a sample can be drawn again exactly.
function generator(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(seed);
for (const pages of groups) {
  for (let i = pages.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pages[i], pages[j]] = [pages[j], pages[i]];
  }
}
const chosen = [];
for (let round = 0; chosen.length < pageCount && groups.some((pages) => round < pages.length); round++) {
  for (const pages of groups) if (round < pages.length && chosen.length < pageCount) chosen.push(pages[round]);
}

const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'claimfeed.js'), 'extract', '--jsonl', ...chosen], {
  encoding: 'utf8',
  maxBuffer: 1 << 28,
});
const lines = result.stdout.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line));

const oneLine = (text) => text.replace(/\s+/g, ' ').trim();
const quoted = (span) => (span ? `“${oneLine(span.text)}”` : '—');
function evenly(list, most) {
  if (list.length <= most) return list;
  return Array.from({ length: most }, (_, i) => list[Math.floor((i * list.length) / most)]);
}

let shown = 0;
let total = 0;
for (const [pageIndex, line] of lines.entries()) {
  process.stdout.write(`\n### page ${pageIndex + 1}: ${line.input}\n`);
  if (line.error) {
    process.stdout.write(`  error ${line.error.code}: ${line.error.message}\n`);
    continue;
  }
  const article = line.claims[0]?.article ?? {};
  process.stdout.write(`  title: ${oneLine(line.article?.title ?? article.title ?? '')}\n  language: ${line.article?.language?.detected ?? article.language ?? '?'}\n`);
  const notes = (line.rejected ?? []).filter((entry) => entry.layer === 'claim' || entry.ruleId?.startsWith('attribution.language'));
  for (const note of notes) process.stdout.write(`  log: ${note.ruleId} ${quoted(note)}\n`);
  total += line.claims.length;
  const sample = evenly(line.claims, perPage);
  process.stdout.write(`  claims: ${line.claims.length}${sample.length < line.claims.length ? ` (showing ${sample.length})` : ''}\n`);
  for (const claim of sample) {
    shown++;
    process.stdout.write(`  [${shown}] ${claim.kind}  ruleIds: ${claim.ruleIds.join(', ')}\n`);
    if (claim.kind === 'attributed') {
      const actor = claim.speakerActor ? ` (→ ${claim.speakerActor.canonical}, ${claim.speakerActor.type})` : '';
      process.stdout.write(`      speaker ${quoted(claim.speaker)}${actor}  cue ${quoted(claim.cue)}${claim.direct ? '  direct' : ''}\n      content ${quoted(claim.content)}\n`);
    }
    for (const figure of claim.figures) {
      // a range shows both ends: its value is only their midpoint
      const amount = figure.low !== undefined && figure.high !== undefined ? `${figure.low}–${figure.high}` : figure.value;
      process.stdout.write(`      figure ${quoted(figure)} = ${amount} ${figure.unit ?? ''}${figure.per ? ` per ${figure.per}` : ''} (${figure.kind}${figure.change ? `, ${figure.change}` : ''})\n`);
    }
    process.stdout.write(`      sentence ${quoted(claim.sentence)}\n`);
  }
}
process.stdout.write(`\n${lines.length} pages, ${total} claims, ${shown} shown\n`);
if (result.status !== 0 && lines.length === 0) process.stderr.write(result.stderr);

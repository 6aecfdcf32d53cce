#!/usr/bin/env node
// Language detection on both public page sets: strips every page with the package's bin, then
// compares the language read from the text (`detected`) and the language the claim layers use
// (the declared one weighed against the text) with the language the main text is written in.
//
//   node scripts/bench-language.mjs [--list] [--from-dir DIR]
//
// The expected language is the page's `lang` in article-snippets/snippets.json, or English for
// article-extraction, except where `language-labels.json` beside this script says otherwise:
// pages whose label is missing or names the site's language rather than the text's (a German
// post on a site declared English). --list prints every page read wrong; --from-dir reuses the
// strip output (extraction.jsonl, snippets.jsonl) written there by an earlier run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, sharedDir } from './shared-dir.mjs';

const args = process.argv.slice(2);
const list = args.includes('--list');
const fromAt = args.indexOf('--from-dir');
const outDir = fromAt >= 0 ? args[fromAt + 1] : null;

const language = await import(join(repoRoot, 'dist', 'extractors', 'strip', 'language.js'));
const { loadStripRules } = await import(join(repoRoot, 'dist', 'rules', 'strip-rules.js'));
const table = loadStripRules().languages;
const labels = JSON.parse(readFileSync(new URL('./language-labels.json', import.meta.url), 'utf8'));
const bench = join(sharedDir(), 'bench');
const snippets = JSON.parse(readFileSync(join(bench, 'article-snippets', 'snippets.json'), 'utf8'));

const SETS = {
  extraction: { dir: join(bench, 'article-extraction', 'html'), expected: (id) => labels.extraction[id] ?? 'en' },
  snippets: { dir: join(bench, 'article-snippets', 'html'), expected: (id) => labels.snippets[id] ?? snippets[id]?.lang ?? null },
};

const primary = (code) => (code ? code.toLowerCase().split(/[-_]/)[0] : null);
// Where detection knows no declared language, the claim layers took the declared one as it stood.
const weighs = language.UNDETERMINED_LANGUAGE !== undefined;
const textLanguage = (text, detected) => (weighs ? language.detectLanguage(text, table) : detected);
const claimLanguage = weighs
  ? (text, declared) => language.languageCode(language.detectLanguage(text, table, declared) ?? declared, table)
  : (text, declared, detected) => primary(declared) ?? detected;

function stripAll(key) {
  const { dir } = SETS[key];
  const saved = outDir ? join(outDir, `${key}.jsonl`) : null;
  if (saved && existsSync(saved)) return readFileSync(saved, 'utf8');
  const files = readdirSync(dir).filter((name) => /\.html?(\.gz)?$/.test(name)).sort().map((name) => join(dir, name));
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'claimfeed.js'), 'strip', '--jsonl', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (saved) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(saved, result.stdout);
  }
  return result.stdout;
}

for (const key of Object.keys(SETS)) {
  const counts = { pages: 0, unlabelled: 0, detected: 0, detectedNull: 0, claims: 0, claimsNull: 0 };
  const wrong = [];
  const confusion = new Map();
  for (const line of stripAll(key).trim().split('\n')) {
    const row = JSON.parse(line);
    const id = row.input.split('/').pop().replace(/\.html?(\.gz)?$/, '');
    const expected = SETS[key].expected(id);
    if (!expected) {
      counts.unlabelled++;
      continue;
    }
    counts.pages++;
    const text = row.text ?? '';
    const declared = row.language?.declared ?? null;
    const detected = row.error ? null : primary(textLanguage(text, row.language?.detected ?? null));
    const claims = row.error ? null : claimLanguage(text, declared, detected);
    if (detected === expected) counts.detected++;
    else if (detected === null) counts.detectedNull++;
    if (claims === expected) counts.claims++;
    else if (claims === null) counts.claimsNull++;
    if (detected !== expected) confusion.set(`${expected}→${detected}`, (confusion.get(`${expected}→${detected}`) ?? 0) + 1);
    if (detected !== expected || claims !== expected) wrong.push({ id, expected, declared, detected, claims, error: row.error?.code, text: text.slice(0, 70).replace(/\s+/g, ' ') });
  }
  const share = (n) => `${n}/${counts.pages} (${((100 * n) / counts.pages).toFixed(1)}%)`;
  console.log(`${key}: ${counts.pages} labelled pages${counts.unlabelled ? `, ${counts.unlabelled} unlabelled` : ''}`);
  console.log(`  detected from the text   right ${share(counts.detected)}, none ${counts.detectedNull}`);
  console.log(`  language the claims use  right ${share(counts.claims)}, none ${counts.claimsNull}`);
  console.log(`  detection errors (expected→detected): ${[...confusion].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  if (list) for (const page of wrong) console.log(`  ${page.id.slice(0, 16)} expected ${page.expected} declared ${page.declared} detected ${page.detected} claims ${page.claims}${page.error ? ` ${page.error}` : ''}  ${JSON.stringify(page.text)}`);
}

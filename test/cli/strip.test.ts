import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/shared.js';

const bin = resolve(repoRoot, 'bin', 'claimfeed.js');
const pagesDir = resolve(repoRoot, 'test', 'fixtures', 'pages');
const seedPage = resolve(pagesDir, 'seed-article', 'source.html');
const dir = mkdtempSync(join(tmpdir(), 'claimfeed-strip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface StripLine {
  input: string;
  title?: string | null;
  text?: string;
  byline?: string | null;
  publishedAt?: string | null;
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

function runStrip(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, 'strip', ...args], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const jsonLines = (stdout: string): StripLine[] => stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as StripLine);

describe('claimfeed strip', () => {
  it('prints one JSON line per input, title and text first, and reports each failure without stopping', () => {
    const empty = join(dir, 'empty.html');
    writeFileSync(empty, '');
    const binary = join(dir, 'garbage.bin');
    writeFileSync(binary, Buffer.from(Array.from({ length: 5000 }, (_, index) => (index * 7919) % 256)));
    const missing = join(dir, 'missing.html');
    const run = runStrip(['--jsonl', seedPage, empty, missing, binary, seedPage]);
    expect(run.status).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => line.input)).toEqual([seedPage, empty, missing, binary, seedPage]);
    expect(Object.keys(lines[0] as object).slice(0, 3)).toEqual(['input', 'title', 'text']);
    expect(lines[0]).toMatchObject({ title: 'Biden administration leans on Mexico as migrant crossings hit a record', byline: 'Internewscast Staff' });
    expect(lines[0]?.text).toContain('The Biden administration is increasingly leaning on Mexico');
    expect(lines[1]?.error?.code).toBe('INPUT_EMPTY');
    expect(lines[2]?.error?.code).toBe('INPUT_NOT_FOUND');
    expect(lines[3]?.error?.code).toBe('INPUT_BINARY');
    expect(lines[4]?.text).toBe(lines[0]?.text);
  });

  it('exits 0 when every input succeeds, and prints readable text without --jsonl', () => {
    const run = runStrip([seedPage]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('# Biden administration leans on Mexico as migrant crossings hit a record');
    expect(run.stdout).toContain('The issue of immigration now looms so large between the U.S. and Mexico');
    expect(run.stdout).not.toContain('You May Also Like');
  });

  it('takes thousands of file arguments in one call', () => {
    const page = join(dir, 'small.html');
    writeFileSync(page, '<html><head><title>Small page</title></head><body><p>The council approved the budget after a long debate, officials said, and the vote was close.</p></body></html>');
    const run = runStrip(['--jsonl', ...Array.from({ length: 3000 }, () => page)]);
    expect(run.status).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(3000);
    expect(lines.every((line) => line.text?.startsWith('The council approved the budget'))).toBe(true);
  });

  it('spreads a batch over threads with --jobs and prints the same lines in input order, failures included', () => {
    const pages = readdirSync(pagesDir).map((slug) => join(pagesDir, slug, 'source.html'));
    const empty = join(dir, 'empty-for-jobs.html');
    writeFileSync(empty, '');
    const inputs = Array.from({ length: 4 }, (_, round) => [...pages, round === 1 ? empty : join(dir, `missing-${round}.html`)]).flat();
    const withoutMs = (stdout: string): string => stdout.replace(/"ms":[\d.]+/g, '"ms":0');
    const one = runStrip(['--jsonl', '--jobs', '1', ...inputs]);
    const three = runStrip(['--jsonl', '--jobs', '3', ...inputs]);
    expect(three.status).toBe(1);
    expect(one.status).toBe(1);
    expect(jsonLines(three.stdout).map((line) => line.input)).toEqual(inputs);
    expect(withoutMs(three.stdout)).toBe(withoutMs(one.stdout));
    expect(jsonLines(three.stdout).filter((line) => line.error).map((line) => line.error?.code)).toEqual(['INPUT_NOT_FOUND', 'INPUT_EMPTY', 'INPUT_NOT_FOUND', 'INPUT_NOT_FOUND']);
  });

  it('reports a page with no article text as ARTICLE_EMPTY, with the steps tried, and goes on', () => {
    const shell = join(dir, 'shell.html');
    writeFileSync(shell, '<html><head><title>Sign in</title></head><body><nav><a href="/">Home</a> <a href="/login">Sign in</a></nav><p>Loading…</p></body></html>');
    const run = runStrip(['--jsonl', shell, seedPage]);
    expect(run.status).toBe(1);
    const [empty, seed] = jsonLines(run.stdout);
    expect(empty?.error?.code).toBe('ARTICLE_EMPTY');
    expect(empty?.error?.details?.tried).toEqual(expect.arrayContaining([expect.objectContaining({ step: 'best container', chars: expect.any(Number) })]));
    expect(seed?.text).toContain('The Biden administration is increasingly leaning on Mexico');
  });

  it('refuses a --jobs that is not a whole number of at least 1', () => {
    const run = runStrip(['--jsonl', '--jobs', '0', seedPage]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--jobs');
  });
});


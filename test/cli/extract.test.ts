import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validatorFor } from '../helpers/schemas.js';
import { repoRoot } from '../helpers/shared.js';

const bin = resolve(repoRoot, 'bin', 'claimfeed.js');
const validateClaim = validatorFor('claim-record');
const dir = mkdtempSync(join(tmpdir(), 'claimfeed-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARTICLE = [
  'Harbor City will spend $40 million on new ferries, Mayor Lena Okafor said on Tuesday.',
  '',
  'The Port Authority of Harbor City (PAHC) told reporters that ridership rose 12% last year. “We cannot keep up,” Okafor said. “The boats are full by seven.”',
  '',
  'According to the transit union, drivers want a new contract. Okafor also said the council would vote in May.',
].join('\n');

interface ExtractLine {
  input: string;
  error?: { code: string; message: string };
  actors?: Array<{ start: number; end: number; text: string; type: string; canonical: string }>;
  attributions?: Array<{ speaker: { text: string } | null; cue: { text: string } | null; content: { start: number; end: number; text: string } }>;
  claims?: Array<{ article: { language: string | null } }>;
  article?: { language: { declared: string | null; detected: string | null } };
}

function runExtract(...paths: string[]): { status: number | null; lines: ExtractLine[]; stderr: string } {
  const run = spawnSync(process.execPath, [bin, 'extract', '--jsonl', ...paths], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 60_000 });
  const lines = run.stdout.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as ExtractLine);
  return { status: run.status, lines, stderr: run.stderr };
}

function expectValidClaims(line: ExtractLine): void {
  expect(Array.isArray(line.claims)).toBe(true);
  for (const claim of line.claims ?? []) {
    const valid = validateClaim(claim);
    expect(valid, JSON.stringify(validateClaim.errors)).toBe(true);
  }
}

describe('claimfeed extract --jsonl', () => {
  it('reads .txt inputs as the article text: offsets index the file text, claims match the schema', () => {
    const path = join(dir, 'article.txt');
    writeFileSync(path, ARTICLE);
    const { status, lines } = runExtract(path);
    expect(status).toBe(0);
    const line = lines[0] as ExtractLine;
    expect(line.input).toBe(path);
    for (const actor of line.actors ?? []) expect(ARTICLE.slice(actor.start, actor.end)).toBe(actor.text);
    for (const attribution of line.attributions ?? []) expect(ARTICLE.slice(attribution.content.start, attribution.content.end)).toBe(attribution.content.text);
    const speakers = (line.attributions ?? []).map((attribution) => attribution.speaker?.text);
    expect(speakers).toContain('Mayor Lena Okafor');
    expect(speakers).toContain('the transit union');
    const okafor = (line.actors ?? []).filter((actor) => actor.text === 'Okafor');
    expect(okafor.length).toBeGreaterThan(0);
    for (const mention of okafor) expect(mention.canonical).toBe('Lena Okafor');
    expect((line.claims ?? []).length).toBeGreaterThan(0);
    expect(line.article?.language).toEqual({ declared: null, detected: 'en' });
    expect(line.claims?.[0]?.article.language).toBe('en');
    expectValidClaims(line);
  });

  it('gives a typed error per bad input and goes on with the rest', () => {
    const empty = join(dir, 'empty.txt');
    const binary = join(dir, 'binary.txt');
    const good = join(dir, 'good.txt');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x00, 0xff, 0xfe, 0x00, 0x10]));
    writeFileSync(good, ARTICLE);
    const { status, lines } = runExtract(empty, join(dir, 'missing.txt'), binary, good);
    expect(status).toBe(1);
    expect(lines.map((line) => line.error?.code ?? 'ok')).toEqual(['INPUT_EMPTY', 'INPUT_NOT_FOUND', 'INPUT_BINARY', 'ok']);
    expectValidClaims(lines[3] as ExtractLine);
  });

  it('survives 2 MB without a sentence break and unbalanced quotes', () => {
    const run = join(dir, 'run-on.txt');
    const quotes = join(dir, 'quotes.txt');
    const phrase = 'and the Harbor City council said “the ferries of the Port Authority and Mayor Okafor want more money ';
    writeFileSync(run, phrase.repeat(Math.ceil((2 * 1024 * 1024) / phrase.length)));
    writeFileSync(quotes, '“We will not stop, the mayor said. ” ” “ He told reporters “that the vote, according to, said.\n\n“““ ,,, said');
    const { status, lines } = runExtract(run, quotes);
    expect(status).toBe(0);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.error).toBeUndefined();
      expectValidClaims(line);
    }
  });
});

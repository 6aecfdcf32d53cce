import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIM_ROW_COLUMNS, type ClaimRow, claimRow } from '../../src/export/claim-row.js';
import { csvRecord } from '../../src/export/csv.js';
import type { ClaimRecord } from '../../src/model/claim.js';
import type { FeedClaim } from '../../src/store/articles.js';
import { jsonLines, runCli } from '../helpers/cli.js';
import { type Origin, articlePage, startOrigin } from '../helpers/origin.js';
import { configEnv, openTestPipeline, testConfig, type TestPipeline, waitFinished } from '../helpers/pipeline.js';
import { expectValid } from '../helpers/schemas.js';

/** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index++;
    } else cell += char;
  }
  return rows;
}

function names(claim: ClaimRecord): string[] {
  return [claim.speakerActor?.canonical, claim.speaker?.text, ...claim.actors.flatMap((actor) => [actor.canonical, actor.text])].flatMap((name) => (name ? [name.toLowerCase()] : []));
}

describe('feed filters and export', () => {
  let dir: string;
  let origin: Origin;
  let test: TestPipeline;
  let env: Record<string, string>;
  let feed: FeedClaim[];
  let articleIds: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimfeed-export-'));
    origin = await startOrigin(['127.0.0.1'], (request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(articlePage(`export ${request.url}`));
    });
    test = openTestPipeline(testConfig());
    env = configEnv(test.config);
    const report = await test.pipeline.enqueueUrls([1, 2, 3].map((n) => origin.url('127.0.0.1', `/story/${n}`)));
    articleIds = report.results.map((result) => result.articleId as string);
    await waitFinished(test.pipeline, articleIds, 60_000);
    feed = await test.pipeline.store.readFeed('0', { count: 1000 });
    expect(feed.length).toBeGreaterThan(6);
  }, 90_000);

  afterAll(async () => {
    await test.close();
    await origin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('feed takes --kind, --actor, --article, --since and --until, as the API does', async () => {
    const ids = async (...flags: string[]): Promise<string[]> => jsonLines<{ id: string }>((await runCli(['feed', '--jsonl', ...flags], env)).stdout).map((line) => line.id);
    const figures = feed.filter((entry) => entry.claim.kind === 'figure').map((entry) => entry.claim.id);
    expect(figures.length).toBeGreaterThan(0);
    expect(await ids('--kind', 'figure')).toEqual(figures);
    const ruiz = feed.filter((entry) => names(entry.claim).includes('elena ruiz')).map((entry) => entry.claim.id);
    expect(ruiz.length).toBeGreaterThan(0);
    expect(ruiz.length).toBeLessThan(feed.length);
    expect(await ids('--actor', 'ELENA RUIZ')).toEqual(ruiz);
    const second = articleIds[1] as string;
    expect(await ids('--article', second, '--kind', 'attributed')).toEqual(feed.filter((entry) => entry.claim.articleId === second && entry.claim.kind === 'attributed').map((entry) => entry.claim.id));
    const firstMs = Number(feed[0]?.streamId.split('-')[0]);
    expect(await ids('--since', new Date(firstMs).toISOString())).toEqual(feed.map((entry) => entry.claim.id));
    expect(await ids('--until', String(firstMs - 1))).toEqual([]);
    expect(await ids('--since', String(Date.now() + 60_000))).toEqual([]);
    // Through a consumer group too: what the filter leaves out is acknowledged with the rest.
    expect(await ids('--group', 'figures-desk', '--kind', 'figure')).toEqual(figures);
    const pending = (await test.pipeline.redis.xpending(test.pipeline.store.feedStreamKey, 'figures-desk')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
  }, 180_000);

  it('refuses bad filters before connecting to anything', async () => {
    const nowhere = { ...env, REDIS_URL: 'redis://127.0.0.1:1' };
    for (const flags of [['feed', '--kind', 'opinion'], ['feed', '--since', 'last week'], ['export', '--format', 'xlsx'], ['export', '--format', 'csv', '--until', 'soon'], ['export']]) {
      const result = await runCli(flags, nowhere);
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/USAGE: --(kind|since|format|until)/);
    }
  }, 90_000);

  it('export --format csv writes one row per claim with the article fields, to --out', async () => {
    const out = join(dir, 'claims.csv');
    const result = await runCli(['export', '--format', 'csv', '--out', out], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    expect(header).toEqual([...CLAIM_ROW_COLUMNS]);
    expect(rows.length).toBe(feed.length);
    rows.forEach((row, index) => {
      const entry = feed[index] as FeedClaim;
      const cell = (column: keyof ClaimRow): string => row[CLAIM_ROW_COLUMNS.indexOf(column as (typeof CLAIM_ROW_COLUMNS)[number])] as string;
      expect(cell('claim_id')).toBe(entry.claim.id);
      expect(cell('feed_id')).toBe(entry.streamId);
      expect(cell('article_url')).toBe(entry.claim.article.url);
      expect(cell('article_title')).toBe(entry.claim.article.title);
      expect(cell('article_language')).toBe(entry.claim.article.language);
      expect(cell('figures')).toBe(entry.claim.figures.map((figure) => figure.text).join('; '));
      expect(cell('figure_count')).toBe(String(entry.claim.figures.length));
      expect(cell('content')).toBe(entry.claim.content?.text ?? '');
    });
  }, 60_000);

  it('export --format jsonl with filters streams flat rows that validate against the export schema', async () => {
    const result = await runCli(['export', '--format', 'jsonl', '--kind', 'attributed', '--actor', 'elena ruiz'], env);
    expect(result.code).toBe(0);
    const rows = jsonLines<ClaimRow>(result.stdout);
    const expected = feed.filter((entry) => entry.claim.kind === 'attributed' && names(entry.claim).includes('elena ruiz'));
    expect(rows.map((row) => row.claim_id)).toEqual(expected.map((entry) => entry.claim.id));
    rows.forEach((row, index) => {
      expectValid('export-row', row, `row ${index + 1}`);
      expect(row.article_site_name).toBe((expected[index] as FeedClaim).claim.article.siteName);
    });
    expect(result.stderr).toBe('');
  }, 60_000);

  it('CSV cells that a spreadsheet would run as formulas are shown as text', () => {
    const entry = feed[0] as FeedClaim;
    const claim: ClaimRecord = { ...entry.claim, content: { start: 0, end: 20, text: '=HYPERLINK("http://x")' }, speaker: { start: 0, end: 3, text: '+1,"a"' } };
    const [row] = parseCsv(csvRecord(claimRow({ streamId: entry.streamId, claim })));
    expect(row?.[CLAIM_ROW_COLUMNS.indexOf('content')]).toBe('\'=HYPERLINK("http://x")');
    expect(row?.[CLAIM_ROW_COLUMNS.indexOf('speaker')]).toBe('\'+1,"a"');
    expect(row?.[CLAIM_ROW_COLUMNS.indexOf('claim_id')]).toBe(entry.claim.id);
  });
});

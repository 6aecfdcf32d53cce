import { describe, expect, it } from 'vitest';
import { CLAIM_ROW_COLUMNS } from '../../src/export/claim-row.js';
import type { ClaimArticle, ClaimRecord, Figure } from '../../src/model/claim.js';
import type { FailureRecord } from '../../src/model/extraction-log.js';
import type { ExtractArticle, ExtractErrorLine, ExtractResultLine, FeedLine, RunClaimLine, RunErrorLine } from '../../src/model/lines.js';
import type { QueuedArticle } from '../../src/server/backend.js';
import type { ArticleSummary, ClaimPage } from '../../src/store/articles.js';
import { expectValid, loadSchemas, validatorFor } from '../helpers/schemas.js';

/**
 * The exported types and the published schemas name the same fields: each fixture below is a
 * `Required<T>` object literal, so the compiler holds it to exactly the type's keys, and the
 * test holds the schema to exactly the fixture's keys and values.
 */
const schemas = loadSchemas();

function definition(name: string): Record<string, unknown> {
  const [file, pointer] = name.split('#');
  let node: unknown = schemas.get(file as string);
  for (const part of (pointer ?? '').split('/').filter((segment) => segment !== '')) node = (node as Record<string, unknown>)[part];
  return node as Record<string, unknown>;
}

/** The property names a schema (or the claimFields it extends) allows. */
function schemaKeys(name: string): string[] {
  const schema = definition(name);
  const own = Object.keys((schema['properties'] as Record<string, unknown> | undefined) ?? {});
  const extended = typeof schema['$ref'] === 'string' && schema['$ref'].endsWith('#/$defs/claimFields') ? schemaKeys('claim-record#/$defs/claimFields') : [];
  return [...new Set([...extended, ...own])].sort();
}

const SPAN = { start: 0, end: 5, text: 'Rents' };
const FIGURE: Required<Figure> = { ...SPAN, value: 9, unit: 'percent', kind: 'percent', per: 'year', qualifier: 'about', low: 8, high: 10, change: 'up', ruleIds: ['r'] };
const ARTICLE: Required<ClaimArticle> = {
  id: 'a1',
  url: 'https://news.example/a',
  canonicalUrl: 'https://news.example/a',
  title: 'Rents',
  siteName: 'News',
  publishedAt: '2026-01-01T00:00:00.000Z',
  modifiedAt: null,
  language: 'en',
  fetchedAt: '2026-01-02T00:00:00.000Z',
};
const CLAIM: Required<ClaimRecord> = {
  schemaVersion: 2,
  id: 'claim-0123456789abcdef',
  articleId: 'a1',
  article: ARTICLE,
  kind: 'attributed',
  sentence: SPAN,
  speaker: SPAN,
  speakerActor: { actorId: 'x', canonical: 'Union', type: 'group' },
  cue: SPAN,
  content: SPAN,
  direct: false,
  figures: [FIGURE],
  actors: [{ ...SPAN, type: 'group', canonical: 'Union', actorId: 'x', ruleIds: ['r'] }],
  ruleIds: ['r'],
  extractorVersion: 'v',
};
const EXTRACT_ARTICLE: Required<ExtractArticle> = {
  url: null,
  title: 'Rents',
  byline: null,
  publishedAt: null,
  modifiedAt: null,
  siteName: null,
  language: { declared: 'en', detected: 'en' },
  canonicalUrl: null,
  sources: { title: 'heading' },
  charset: 'utf-8',
  textLength: 5,
};
const FAILURE: Required<FailureRecord> = {
  articleId: 'a1',
  url: 'https://news.example/a',
  code: 'FETCH_HTTP_STATUS',
  message: 'HTTP 410',
  permanent: true,
  stage: 'fetch',
  attempts: 1,
  at: '2026-01-02T00:00:00.000Z',
  details: { status: 410 },
};
const SUMMARY: Required<ArticleSummary> = {
  id: 'a1',
  url: 'https://news.example/a',
  status: 'failed',
  version: 1,
  source: 'url',
  enqueuedAt: '2026-01-02T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  finishedAt: null,
  title: null,
  claimCount: 0,
  duplicateOf: null,
  failure: FAILURE,
  etag: null,
  lastModified: null,
};

const FIXTURES: Array<[string, object]> = [
  ['claim-record', CLAIM],
  ['claim-record#/$defs/claimArticle', ARTICLE],
  ['claim-record#/$defs/figure', FIGURE],
  ['feed-line', { ...CLAIM, streamId: '1-0' } satisfies Required<FeedLine>],
  ['run-line#/oneOf/0', { ...CLAIM, input: 'x.html', duplicateOf: 'a0' } satisfies Required<RunClaimLine>],
  ['run-line#/oneOf/1', { input: 'x.html', articleId: null, status: 'rejected', error: { code: 'INPUT_NOT_FOUND', message: 'no' } } satisfies Required<RunErrorLine>],
  [
    'extract-line#/oneOf/0',
    { input: 'x.html', article: EXTRACT_ARTICLE, figures: [FIGURE], actors: CLAIM.actors, attributions: [], embeddedAttributions: [], claims: [CLAIM], rejected: [] } satisfies Required<ExtractResultLine>,
  ],
  ['extract-line#/oneOf/0/properties/article', EXTRACT_ARTICLE],
  ['extract-line#/oneOf/1', { input: 'x.html', error: { code: 'INPUT_NOT_FOUND', message: 'no' } } satisfies Required<ExtractErrorLine>],
  ['api#/$defs/articleSummary', SUMMARY],
  ['api#/$defs/failureRecord', FAILURE],
  ['api#/$defs/queuedArticle', { id: null, url: 'ftp://x', outcome: 'rejected', status: 'rejected', error: { code: 'INVALID_URL', message: 'no' } } satisfies Required<QueuedArticle>],
  ['api#/$defs/claimPage', { claims: [{ streamId: '1-0', claim: CLAIM }], next: null } satisfies Required<ClaimPage>],
];

describe('exported types match the published schemas', () => {
  it.each(FIXTURES)('%s: same field names, and a typed value validates', (name, fixture) => {
    expect(schemaKeys(name)).toEqual(Object.keys(fixture).sort());
    expectValid(name, fixture);
  });

  it('export-row: the CSV columns are the JSON Lines fields, in order', () => {
    expect(Object.keys(definition('export-row')['properties'] as object)).toEqual([...CLAIM_ROW_COLUMNS]);
  });

  it('a record with a field the schema does not know is refused', () => {
    expect(validatorFor('claim-record')({ ...CLAIM, extra: 1 })).toBe(false);
    expect(validatorFor('feed-line')({ ...CLAIM, streamId: '1-0', input: 'x' })).toBe(false);
    expect(validatorFor('claim-record')({ ...CLAIM, article: { ...ARTICLE, url: 5 } })).toBe(false);
    expect(validatorFor('claim-record')({ ...CLAIM, schemaVersion: 1 })).toBe(false);
  });
});

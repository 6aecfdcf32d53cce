import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimRecord } from '../../src/model/claim.js';
import { bareClaimArticle } from '../../src/model/claim-article.js';
import type { ExtractionLog } from '../../src/model/extraction-log.js';
import { ArticleStore } from '../../src/store/articles.js';
import { deleteBody, getBody, putBody } from '../../src/store/bodies.js';
import { FeedConsumer } from '../../src/store/feed.js';
import { newExtractionLog } from '../../src/workers/extraction-log.js';
import { dropPrefix, testPrefix, testRedis } from '../helpers/redis.js';

function claim(id: string, articleId: string, speaker: string): ClaimRecord {
  return {
    schemaVersion: 2,
    id,
    articleId,
    article: bareClaimArticle(articleId),
    kind: 'attributed',
    sentence: { start: 0, end: 10, text: 'sentence' },
    speaker: { start: 0, end: speaker.length, text: speaker },
    speakerActor: { actorId: 'a1', canonical: speaker, type: 'person' },
    cue: null,
    content: null,
    direct: false,
    figures: [],
    actors: [],
    ruleIds: ['test'],
    extractorVersion: 'test',
  };
}

function emptyLog(articleId: string): ExtractionLog {
  return newExtractionLog(articleId, 'https://example.org/a', 1, 'url');
}

describe('article store', () => {
  let redis: Redis;
  let prefix: string;
  let store: ArticleStore;

  beforeEach(() => {
    redis = testRedis();
    prefix = testPrefix();
    store = new ArticleStore(redis, prefix);
  });
  afterEach(async () => {
    await dropPrefix(redis, prefix);
    redis.disconnect();
  });

  it('registers once, counts statuses, and re-registers only with refresh', async () => {
    expect(await store.register('a1', 'https://example.org/a', { refresh: false, source: 'url' })).toBe(1);
    expect(await store.register('a1', 'https://example.org/a', { refresh: false, source: 'url' })).toBe(0);
    expect((await store.statusCounts()).queued).toBe(1);
    await store.markStatus('a1', 'fetching');
    expect(await store.statusCounts()).toMatchObject({ queued: 0, fetching: 1, total: 1 });
    expect(await store.register('a1', 'https://example.org/a', { refresh: true, source: 'url' })).toBe(2);
    expect((await store.getArticle('a1'))?.status).toBe('queued');
  });

  it('adds each claim to the feed once however often an article completes', async () => {
    await store.register('a1', 'https://example.org/a', { refresh: false, source: 'url' });
    const claims = [claim('c1', 'a1', 'Ana Diaz'), claim('c2', 'a1', 'Bo Lee')];
    const result = { article: null, claims, log: emptyLog('a1'), fields: { title: 'T' } };
    expect(await store.complete('a1', result)).toBe(2);
    expect(await store.complete('a1', result)).toBe(0);
    expect(await redis.xlen(store.feedStreamKey)).toBe(2);
    const view = await store.getArticle('a1');
    expect(view).toMatchObject({ status: 'done', claimCount: 2, title: 'T' });
    expect(view?.claims.map((item) => item.id)).toEqual(['c1', 'c2']);
    const byActor = await store.listClaims({ actor: 'bo lee' });
    expect(byActor.claims.map((item) => item.claim.id)).toEqual(['c2']);
    const byArticle = await store.listClaims({ article: 'a1', limit: 1 });
    expect(byArticle.claims).toHaveLength(1);
    expect(byArticle.next).not.toBeNull();
    const page1 = await store.listClaims({ limit: 1 });
    const page2 = await store.listClaims({ limit: 1, cursor: page1.next ?? '' });
    expect([page1.claims[0]?.claim.id, page2.claims[0]?.claim.id]).toEqual(['c2', 'c1']);
  });

  it('stores the claim list, each feed entry and the log as the JSON of what was completed, non-ASCII text included', async () => {
    await store.register('u1', 'https://example.org/u', { refresh: false, source: 'url' });
    const claims = [claim('c1', 'u1', 'José Núñez'), claim('c2', 'u1', 'Zoë “Z” Ørsted')];
    const article = { title: 'Crème brûlée — a “tale”', text: 'naïve café 😀' };
    const log = { ...emptyLog('u1'), rejected: [{ text: 'façade', reason: 'test' }] } as unknown as ExtractionLog;
    await store.complete('u1', { article: article as never, claims, log, fields: {} });
    expect(await redis.get(store.keys.claims('u1'))).toBe(JSON.stringify(claims));
    expect(await redis.get(store.keys.articleJson('u1'))).toBe(JSON.stringify(article));
    expect(await redis.get(store.keys.log('u1'))).toBe(JSON.stringify(log));
    expect(await redis.get(store.keys.logVersion('u1', 1))).toBe(JSON.stringify(log));
    const entries = await redis.xrange(store.feedStreamKey, '-', '+');
    expect(entries.map(([, fields]) => fields)).toEqual(claims.map((item) => ['id', item.id, 'articleId', 'u1', 'claim', JSON.stringify(item)]));
    expect((await store.getArticle('u1'))?.claims).toEqual(claims);
  });

  it('reads a fetched body back byte for byte until it is deleted', async () => {
    const bytes = Buffer.concat([Buffer.from('<p>Ça coûte 5 €</p>', 'utf8'), Buffer.from([0xff, 0x00, 0xe9]), Buffer.alloc(200_000, 'a')]);
    const fetch = null;
    await putBody(redis, store.keys, 'b1', { bytes, contentType: 'text/html; charset=utf-8', finalUrl: 'https://example.org/ç', fetch }, 60);
    const body = await getBody(redis, store.keys, 'b1');
    expect(body?.bytes.equals(bytes)).toBe(true);
    expect(body).toMatchObject({ contentType: 'text/html; charset=utf-8', finalUrl: 'https://example.org/ç', fetch: null });
    await deleteBody(redis, store.keys, 'b1');
    expect(await getBody(redis, store.keys, 'b1')).toBeNull();
  });

  it('keeps one extraction log per version, the newest as getArticle().log, dropping versions beyond retention', async () => {
    const kept = new ArticleStore(redis, prefix, { articleTtlSeconds: 3600, feedMaxLength: 1000, feedMaxAgeHours: 1, logVersions: 2 });
    const url = 'https://example.org/v';
    for (let round = 1; round <= 3; round++) {
      const version = await kept.register('v1', url, { refresh: round > 1, source: 'url' });
      expect(version).toBe(round);
      const log = { ...emptyLog('v1'), version, url: `${url}?edition=${version}` };
      await kept.complete('v1', { article: null, claims: [claim(`c${version}`, 'v1', 'Ana Diaz')], log, fields: {} });
    }
    expect((await kept.getArticle('v1'))?.log).toMatchObject({ version: 3, url: `${url}?edition=3` });
    expect((await kept.listLogVersions('v1')).map((entry) => entry.version)).toEqual([3, 2]);
    expect((await kept.getLog('v1', 2))?.url).toBe(`${url}?edition=2`);
    expect(await kept.getLog('v1', 1)).toBeNull();
    expect((await kept.getLog('v1'))?.version).toBe(3);

    // A failed refresh is a version too; the last good log stays readable.
    const failedVersion = await kept.register('v1', url, { refresh: true, source: 'url' });
    const failure = { articleId: 'v1', url, code: 'FETCH_HTTP_STATUS' as const, message: 'status 500', permanent: false, stage: 'fetch' as const, attempts: 4, at: new Date().toISOString() };
    await kept.fail(failure, { ...emptyLog('v1'), version: failedVersion, outcome: 'failed', failure });
    expect((await kept.listLogVersions('v1')).map((entry) => [entry.version, entry.outcome])).toEqual([
      [4, 'failed'],
      [3, 'done'],
    ]);
    expect((await kept.getLog('v1', 3))?.url).toBe(`${url}?edition=3`);
  });

  it('lists failures with their code', async () => {
    await store.register('a2', 'https://example.org/b', { refresh: false, source: 'url' });
    const failure = { articleId: 'a2', url: 'https://example.org/b', code: 'FETCH_HTTP_STATUS' as const, message: 'status 404', permanent: true, stage: 'fetch' as const, attempts: 1, at: new Date().toISOString() };
    await store.fail(failure, { ...emptyLog('a2'), outcome: 'failed', failure });
    expect(await store.listFailures()).toEqual([failure]);
    expect((await store.statusCounts()).failed).toBe(1);
    expect((await store.getArticle('a2'))?.log?.failure?.code).toBe('FETCH_HTTP_STATUS');
  });

  it('hands entries a consumer never acknowledged to another consumer of the group', async () => {
    await store.register('a1', 'https://example.org/a', { refresh: false, source: 'url' });
    await store.complete('a1', { article: null, claims: [claim('c1', 'a1', 'X Y')], log: emptyLog('a1'), fields: {} });
    const first = new FeedConsumer(redis, store.feedStreamKey, 'g', 'first', 50);
    await first.ensureGroup();
    expect((await first.read()).map((item) => item.claim.id)).toEqual(['c1']);
    // "first" dies without acking; "second" takes the entry over once it has been idle.
    const second = new FeedConsumer(redis, store.feedStreamKey, 'g', 'second', 50);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const taken = await second.read();
    expect(taken.map((item) => item.claim.id)).toEqual(['c1']);
    await second.ack(taken.map((item) => item.streamId));
    expect(await second.read()).toEqual([]);
  });
});

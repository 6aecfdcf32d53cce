import { ClaimfeedError } from '../errors.js';
import type { AddSourceOptions, AddedSource, SourceDetails } from '../queue/source-registry.js';
import { renderSourcesPage } from '../review/sources-page.js';
import { parseDuration, parseSince } from '../sources/policy.js';
import { isRecord } from '../rules/table.js';
import type { RecentItem, SourceRecord } from '../store/sources.js';
import { bearerToken, requireToken } from './auth.js';
import { readJsonBody, sendHtml, sendJson } from './http.js';
import type { Router } from './router.js';

/** What the source endpoints need: `SourceRegistry` in production. */
export interface SourceApi {
  add(url: string, options: AddSourceOptions): Promise<AddedSource>;
  list(): Promise<Array<SourceRecord & { nextPollAt: string | null }>>;
  show(id: string): Promise<SourceDetails>;
  remove(id: string): Promise<SourceRecord>;
  pollSoon(id: string): Promise<SourceRecord>;
  recentItems(id: string): Promise<RecentItem[]>;
}

/**
 * `GET/POST /api/sources`, `GET/DELETE /api/sources/:id`, `POST /api/sources/:id/poll` and the
 * `/sources` page. Writes need the token like every other write endpoint.
 */
export function addSourceRoutes(router: Router, sources: SourceApi, options: { token: string | null; maxBodyBytes: number }): void {
  const { token, maxBodyBytes } = options;
  router
    .add('GET', '/sources', async ({ res }) => {
      const list = await sources.list();
      const rows = await Promise.all(list.map(async (source) => ({ source, recentItems: await sources.recentItems(source.id) })));
      sendHtml(res, 200, renderSourcesPage(rows));
    })
    .add('GET', '/api/sources', async ({ res }) => {
      sendJson(res, 200, { sources: await sources.list() });
    })
    .add('POST', '/api/sources', async ({ req, res }) => {
      requireToken(bearerToken(req), token);
      const { url, options: addOptions } = parseAddBody(await readJsonBody(req, maxBodyBytes));
      const added = await sources.add(url, addOptions).catch((error: unknown) => {
        // The URL could not be followed (refused, unreachable, not a feed): the caller's to fix.
        if (error instanceof ClaimfeedError && /^(FETCH|SOURCE)_/.test(error.code)) throw new ClaimfeedError('BAD_REQUEST', `${error.code}: ${error.message}`, { details: { code: error.code } });
        throw error;
      });
      sendJson(res, added.added ? 201 : 200, added);
    })
    .add('GET', '/api/sources/:id', async ({ res, params }) => {
      sendJson(res, 200, await sources.show(params['id'] as string));
    })
    .add('DELETE', '/api/sources/:id', async ({ req, res, params }) => {
      requireToken(bearerToken(req), token);
      const removed = await sources.remove(params['id'] as string);
      sendJson(res, 200, { removed: removed.id, feedUrl: removed.feedUrl });
    })
    .add('POST', '/api/sources/:id/poll', async ({ req, res, params }) => {
      requireToken(bearerToken(req), token);
      const source = await sources.pollSoon(params['id'] as string);
      sendJson(res, 202, { queued: source.id });
    });
}

/** `{"url", "every"?: "10m", "since"?: "2d" | ISO date, "backfill"?: N, "name"?}`. */
function parseAddBody(body: unknown): { url: string; options: AddSourceOptions } {
  if (!isRecord(body)) throw new ClaimfeedError('BAD_REQUEST', 'Expected a JSON object {"url": "https://…"}');
  if (typeof body.url !== 'string' || body.url.trim() === '') throw new ClaimfeedError('BAD_REQUEST', '"url" must be a non-empty string');
  const options: AddSourceOptions = {};
  try {
    if (body.every !== undefined) options.everyMs = typeof body.every === 'number' ? body.every : parseDuration(String(body.every), '"every"');
    if (body.since !== undefined && body.backfill !== undefined) throw new ClaimfeedError('USAGE', 'give "since" or "backfill", not both');
    if (body.since !== undefined) options.sinceMs = parseSince(String(body.since));
    if (body.backfill !== undefined) {
      if (!Number.isInteger(body.backfill) || (body.backfill as number) < 0) throw new ClaimfeedError('USAGE', '"backfill" must be a whole number');
      options.backfill = body.backfill as number;
    }
  } catch (error) {
    throw error instanceof ClaimfeedError && error.code === 'USAGE' ? new ClaimfeedError('BAD_REQUEST', error.message) : error;
  }
  if (body.name !== undefined) {
    if (typeof body.name !== 'string') throw new ClaimfeedError('BAD_REQUEST', '"name" must be a string');
    options.name = body.name;
  }
  return { url: body.url.trim(), options };
}

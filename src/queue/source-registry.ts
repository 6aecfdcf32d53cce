import { ClaimfeedError } from '../errors.js';
import type { LookupFunction } from '../fetch/address-guard.js';
import { SourceFetcher } from '../fetch/source-fetch.js';
import { canonicalizeUrl, hashId } from '../model/ids.js';
import { type ResolvedSource, resolveSource } from '../sources/resolve.js';
import { type PollRecord, type RecentItem, type SourceRecord, type SourceStore, sourceStoreFor } from '../store/sources.js';
import type { Pipeline } from './pipeline.js';
import { SourceSchedules } from './source-schedules.js';

export interface AddSourceOptions {
  /** @defaultValue config.sources.everyMs */
  everyMs?: number;
  /** First poll: items published at or after this (epoch ms). @defaultValue now − config.sources.sinceHours */
  sinceMs?: number;
  /** First poll: the newest N items instead of a time window. */
  backfill?: number;
  name?: string;
}

export interface AddedSource {
  source: SourceRecord;
  /** False when the resolved feed was already followed (its name and period were updated). */
  added: boolean;
  /** Items in the document now (for a sitemap index: the sitemaps it lists). */
  listed: number;
}

export interface SourceDetails {
  source: SourceRecord;
  nextPollAt: string | null;
  recentItems: RecentItem[];
  recentPolls: PollRecord[];
}

/**
 * Following sources: what `sources add|list|show|remove` and /api/sources do. Adding resolves
 * the URL (feed, sitemap or page autodiscovery) through the guarded fetch path, stores the
 * source, upserts its schedule and queues its first poll.
 */
export class SourceRegistry {
  readonly store: SourceStore;
  readonly schedules: SourceSchedules;
  private fetcher: SourceFetcher | null = null;

  constructor(
    private readonly pipeline: Pipeline,
    private readonly options: { lookup?: LookupFunction } = {},
  ) {
    this.store = sourceStoreFor(pipeline.config, pipeline.redis, pipeline.store.keys);
    this.schedules = new SourceSchedules(pipeline.redis, pipeline.config);
  }

  /** Throws USAGE for a period under `sources.minEveryMs` (checked before anything is fetched). */
  checkEvery(everyMs: number): void {
    const min = this.pipeline.config.sources.minEveryMs;
    if (everyMs < min) throw new ClaimfeedError('USAGE', `--every must be at least ${min / 1000} s (sources.minEveryMs), got ${everyMs / 1000} s`);
  }

  async add(url: string, options: AddSourceOptions = {}): Promise<AddedSource> {
    const config = this.pipeline.config;
    const everyMs = options.everyMs ?? config.sources.everyMs;
    this.checkEvery(everyMs);
    const given = canonicalizeUrl(url, []);
    this.fetcher ??= new SourceFetcher(config, this.pipeline.redis, this.pipeline.store.keys, this.options.lookup);
    const limits = { maxBytes: config.fetch.maxBytes, maxItems: config.sources.maxItems };
    const resolved: ResolvedSource = await resolveSource(given, this.fetcher.body, limits);
    const id = sourceIdFor(resolved.feedUrl);
    const added = await this.store.add({
      id,
      url: given,
      feedUrl: resolved.feedUrl,
      format: resolved.format,
      resolvedBy: resolved.resolvedBy,
      name: options.name ?? resolved.title,
      everyMs,
      since: options.backfill === undefined ? String(options.sinceMs ?? Date.now() - config.sources.sinceHours * 3_600_000) : null,
      backfill: options.backfill ?? null,
    });
    await this.schedules.upsert(id, everyMs);
    if (added) await this.schedules.pollNow(id, false);
    const source = await this.store.get(id);
    if (source === null) throw new ClaimfeedError('INTERNAL', `Source ${id} vanished while being added`);
    return { source, added, listed: resolved.parsed.kind === 'items' ? resolved.parsed.items.length : resolved.parsed.sitemaps.length };
  }

  async list(): Promise<Array<SourceRecord & { nextPollAt: string | null }>> {
    const [sources, next] = await Promise.all([this.store.list(), this.schedules.nextPolls()]);
    return sources.map((source) => ({ ...source, nextPollAt: isoOrNull(next.get(source.id)) }));
  }

  async show(id: string): Promise<SourceDetails> {
    const source = await this.require(id);
    const [recentItems, recentPolls, next] = await Promise.all([this.store.recentItems(id), this.store.recentPolls(id), this.schedules.nextPolls()]);
    return { source, nextPollAt: isoOrNull(next.get(id)), recentItems, recentPolls };
  }

  async remove(id: string): Promise<SourceRecord> {
    const source = await this.require(id);
    await this.schedules.remove(id);
    await this.store.remove(id);
    return source;
  }

  async recentItems(id: string): Promise<RecentItem[]> {
    return this.store.recentItems(id);
  }

  /** Queues a poll now for the worker (the API); the CLI polls in its own process instead. */
  async pollSoon(id: string): Promise<SourceRecord> {
    const source = await this.require(id);
    await this.schedules.pollNow(id, true);
    return source;
  }

  async close(): Promise<void> {
    await this.schedules.close();
    await this.fetcher?.close();
  }

  private async require(id: string): Promise<SourceRecord> {
    const source = await this.store.get(id);
    if (source === null) throw new ClaimfeedError('NOT_FOUND', `No source with id "${id}" (see "claimfeed sources list")`);
    return source;
  }
}

/** A source's id: from its feed URL, so following a page and following its feed are one source. */
function sourceIdFor(feedUrl: string): string {
  return hashId(canonicalizeUrl(feedUrl, [])).slice(0, 12);
}

function isoOrNull(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

import { hostname } from 'node:os';
import { ClaimfeedError } from '../errors.js';
import type { ClaimRecord } from '../model/claim.js';
import { createRedis } from '../queue/connection.js';
import { ArticleStore, type FeedClaim } from '../store/articles.js';
import { type ClaimFilters, feedEntryMatches, parseFilterTime } from '../store/claim-filters.js';
import { FeedConsumer } from '../store/feed.js';
import { type ConnectionOptions, clientConfig } from './config.js';

/** The feed filters a caller gives: times as ISO strings, epoch ms or Dates. */
export interface FeedFilters extends Omit<ClaimFilters, 'since' | 'until'> {
  since?: string | number | Date;
  until?: string | number | Date;
}

export interface ReadFeedOptions extends ConnectionOptions {
  /** Read as a member of this consumer group: what is acknowledged is not delivered again to the group. Without a group, the feed is read from `from`, nothing acknowledged. */
  group?: string;
  /** This reader's name in the group; a reader restarted under the same name gets back what it had not acknowledged. @defaultValue `<hostname>-<pid>` */
  consumer?: string;
  filters?: FeedFilters;
  /** Where a new group (or a read without group) starts: "0" for the whole retained feed, "$" for new claims only, or a stream id. @defaultValue "0" */
  from?: string;
  /** Entries fetched per Redis read; the next read happens only when the caller has taken these. @defaultValue 10 */
  batchSize?: number;
  /** Wait for new claims at the end of the feed (until `signal` aborts); false ends the loop there. @defaultValue true */
  follow?: boolean;
  /** How long one wait for new claims lasts before `signal` is checked again. @defaultValue 1000 */
  waitMs?: number;
  /** Acknowledge a claim when the caller asks for the next one. False: call `item.ack()` yourself. @defaultValue true */
  autoAck?: boolean;
  /** Entries a dead group member left unacknowledged this long are taken over. @defaultValue config `feed.claimIdleMs` */
  claimIdleMs?: number;
  signal?: AbortSignal;
}

/** One claim from the feed. */
export interface FeedItem {
  /** The feed entry id ("1700000000000-0"). */
  streamId: string;
  claim: ClaimRecord;
  /** Marks the claim as handled for the group (a no-op without a group). Idempotent. */
  ack(): Promise<void>;
}

/**
 * The claim feed as an async iterator: `for await (const item of readFeed({ group, consumer }))`.
 * At-least-once: with a group, a claim is acknowledged when the loop asks for the next one
 * (or when `ack()` is called), so a reader killed mid-claim gets that claim again on restart,
 * and no claim is skipped. Leaving the loop (`break`, a throw) does not acknowledge the claim
 * in hand; call `item.ack()` before `break` when it is done. Entries not matching `filters` are
 * acknowledged unseen. Redis is read only when the caller pulls, `batchSize` entries at a time.
 */
export async function* readFeed(options: ReadFeedOptions = {}): AsyncGenerator<FeedItem, void, undefined> {
  const filters = checkFilters(options.filters ?? {});
  const batchSize = positiveInteger(options.batchSize ?? 10, 'batchSize');
  const waitMs = positiveInteger(options.waitMs ?? 1000, 'waitMs');
  const follow = options.follow ?? true;
  const autoAck = options.autoAck ?? true;
  const config = clientConfig(options);
  // A blocking read holds its connection: every reader has its own.
  const redis = createRedis(config.redis.url);
  const store = new ArticleStore(redis, config.redis.prefix);
  const source = options.group === undefined ? plainSource(store, options.from ?? '0') : groupSource(store, options, config.feed.claimIdleMs);
  try {
    while (!aborted(options.signal)) {
      const batch = await source.read(batchSize, follow ? waitMs : undefined);
      if (batch.length === 0) {
        if (!follow) return;
        continue;
      }
      await source.ack(batch.filter((entry) => !feedEntryMatches(entry, filters)).map((entry) => entry.streamId));
      for (const entry of batch) {
        if (!feedEntryMatches(entry, filters)) continue;
        let acked = false;
        const item: FeedItem = {
          streamId: entry.streamId,
          claim: entry.claim,
          ack: async () => {
            if (acked) return;
            await source.ack([entry.streamId]);
            acked = true;
          },
        };
        yield item;
        if (autoAck) await item.ack();
        if (aborted(options.signal)) return;
      }
    }
  } finally {
    redis.disconnect();
  }
}

interface FeedSource {
  read(count: number, blockMs: number | undefined): Promise<FeedClaim[]>;
  ack(streamIds: readonly string[]): Promise<void>;
}

function plainSource(store: ArticleStore, from: string): FeedSource {
  let after = from;
  return {
    async read(count, blockMs) {
      const entries = await store.readFeed(after, blockMs === undefined ? { count } : { count, blockMs });
      const last = entries[entries.length - 1];
      if (last) after = last.streamId;
      return entries;
    },
    ack: async () => undefined,
  };
}

function groupSource(store: ArticleStore, options: ReadFeedOptions, claimIdleMs: number): FeedSource {
  const consumer = new FeedConsumer(
    store.redis,
    store.feedStreamKey,
    options.group as string,
    options.consumer ?? `${hostname()}-${process.pid}`,
    options.claimIdleMs ?? claimIdleMs,
  );
  let ready = false;
  return {
    async read(count, blockMs) {
      if (!ready) {
        await consumer.ensureGroup(options.from ?? '0');
        ready = true;
      }
      return consumer.read(blockMs === undefined ? { count } : { count, blockMs });
    },
    async ack(streamIds) {
      await consumer.ack(streamIds);
    },
  };
}

/** Filters as the store compares them; a time that does not parse is refused before anything connects. */
function checkFilters(filters: FeedFilters): ClaimFilters {
  const checked: ClaimFilters = {};
  if (filters.article !== undefined) checked.article = filters.article;
  if (filters.actor !== undefined) checked.actor = filters.actor;
  if (filters.kind !== undefined) {
    if (filters.kind !== 'attributed' && filters.kind !== 'figure') throw new ClaimfeedError('BAD_REQUEST', `filters.kind must be "attributed" or "figure", got ${JSON.stringify(filters.kind)}`);
    checked.kind = filters.kind;
  }
  for (const name of ['since', 'until'] as const) {
    const value = filters[name];
    if (value === undefined) continue;
    const ms = parseFilterTime(value);
    if (!Number.isFinite(ms)) throw new ClaimfeedError('BAD_REQUEST', `filters.${name} must be an ISO 8601 time, epoch milliseconds or a Date, got ${JSON.stringify(value)}`);
    checked[name] = ms;
  }
  return checked;
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new ClaimfeedError('BAD_REQUEST', `${name} must be a whole number of at least 1, got ${value}`);
  return value;
}

function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

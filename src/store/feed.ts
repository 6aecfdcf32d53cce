import type { Redis } from 'ioredis';
import { type FeedClaim, feedClaimsFromReply } from './articles.js';

/**
 * A consumer of the claim feed inside a consumer group. Entries stay pending until acked; an
 * entry left pending by a consumer that died is taken over by another after `claimIdleMs`.
 */
export class FeedConsumer {
  constructor(
    private readonly redis: Redis,
    private readonly streamKey: string,
    readonly group: string,
    readonly consumer: string,
    private readonly claimIdleMs: number,
  ) {}

  /** Creates the group if missing; a new group starts at `from` ("0" = the whole retained feed). */
  async ensureGroup(from = '0'): Promise<void> {
    try {
      await this.redis.xgroup('CREATE', this.streamKey, this.group, from, 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error && error.message.includes('BUSYGROUP'))) throw error;
    }
  }

  /**
   * Where the next read of this consumer's own unacknowledged entries starts ("0" = from the
   * oldest); null once they are all delivered. A consumer restarted after a crash starts again
   * at "0", so whatever it had received but not acknowledged comes back to it first.
   */
  private ownCursor: string | null = '0';

  /**
   * The next entries for this consumer: first ones abandoned by dead consumers, then this
   * consumer's own unacknowledged ones (each delivered once per process), then new ones
   * (waiting up to blockMs).
   */
  async read(options: { count?: number; blockMs?: number } = {}): Promise<FeedClaim[]> {
    const count = options.count ?? 100;
    const claimed = await this.redis.xautoclaim(this.streamKey, this.group, this.consumer, this.claimIdleMs, '0-0', 'COUNT', count);
    const taken = feedClaimsFromReply([['', (claimed as [string, Array<[string, string[]] | null>])[1].filter(isEntry)]]);
    if (taken.length > 0) return taken;
    while (this.ownCursor !== null) {
      const own = (await this.redis.xreadgroup('GROUP', this.group, this.consumer, 'COUNT', count, 'STREAMS', this.streamKey, this.ownCursor)) as PendingReply;
      const entries = own?.[0]?.[1] ?? [];
      const last = entries[entries.length - 1];
      if (last === undefined) {
        this.ownCursor = null;
        break;
      }
      this.ownCursor = last[0];
      // An entry trimmed from the stream while pending comes back without fields: nothing to deliver.
      await this.ack(entries.filter(([, fields]) => fields === null).map(([streamId]) => streamId));
      const pending = feedClaimsFromReply([['', entries.filter(hasFields)]]);
      if (pending.length > 0) return pending;
    }
    const fresh = (
      options.blockMs === undefined
        ? await this.redis.xreadgroup('GROUP', this.group, this.consumer, 'COUNT', count, 'STREAMS', this.streamKey, '>')
        : await this.redis.xreadgroup('GROUP', this.group, this.consumer, 'COUNT', count, 'BLOCK', options.blockMs, 'STREAMS', this.streamKey, '>')
    ) as StreamReply;
    return feedClaimsFromReply(fresh);
  }

  async ack(streamIds: readonly string[]): Promise<number> {
    if (streamIds.length === 0) return 0;
    return this.redis.xack(this.streamKey, this.group, ...streamIds);
  }
}

type StreamReply = Array<[string, Array<[string, string[]]>]> | null;
type PendingReply = Array<[string, Array<[string, string[] | null]>]> | null;

function isEntry(entry: [string, string[]] | null): entry is [string, string[]] {
  return entry !== null && Array.isArray(entry[1]);
}

function hasFields(entry: [string, string[] | null]): entry is [string, string[]] {
  return Array.isArray(entry[1]);
}

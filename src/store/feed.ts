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
   * The next entries for this consumer: first ones abandoned by dead consumers, then this
   * consumer's own unacknowledged ones, then new ones (waiting up to blockMs).
   */
  async read(options: { count?: number; blockMs?: number } = {}): Promise<FeedClaim[]> {
    const count = options.count ?? 100;
    const claimed = await this.redis.xautoclaim(this.streamKey, this.group, this.consumer, this.claimIdleMs, '0-0', 'COUNT', count);
    const taken = feedClaimsFromReply([['', (claimed as [string, Array<[string, string[]] | null>])[1].filter(isEntry)]]);
    if (taken.length > 0) return taken;
    const own = (await this.redis.xreadgroup('GROUP', this.group, this.consumer, 'COUNT', count, 'STREAMS', this.streamKey, '0')) as StreamReply;
    const pending = feedClaimsFromReply(own);
    if (pending.length > 0) return pending;
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

function isEntry(entry: [string, string[]] | null): entry is [string, string[]] {
  return entry !== null && Array.isArray(entry[1]);
}

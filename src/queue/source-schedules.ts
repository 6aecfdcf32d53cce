import { Queue } from 'bullmq';
import type { Config } from '../config/schema.js';
import { ClaimfeedError } from '../errors.js';
import { isRecord } from '../rules/table.js';
import type { Redis } from 'ioredis';

export const SOURCE_POLL_QUEUE = 'source-poll';

export interface SourcePollJobData {
  v: 1;
  sourceId: string;
  /** Poll now even when the source is backing off (`sources poll`). */
  force: boolean;
}

export function parseSourcePollJob(data: unknown): SourcePollJobData {
  if (!isRecord(data) || data.v !== 1 || typeof data.sourceId !== 'string' || data.sourceId === '') {
    throw new ClaimfeedError('INTERNAL', 'Malformed source-poll job payload', { permanent: true });
  }
  return { v: 1, sourceId: data.sourceId, force: data.force === true };
}

/**
 * One BullMQ job scheduler per source, kept in Redis: it survives restarts and produces one
 * poll job per period however many workers consume the queue. Each source's polls sit at its
 * own offset inside the period (from its id), so a thousand sources do not all poll at once.
 */
export class SourceSchedules {
  readonly queue: Queue<SourcePollJobData>;

  constructor(redis: Redis, private readonly config: Config) {
    this.queue = new Queue<SourcePollJobData>(SOURCE_POLL_QUEUE, { connection: redis, prefix: config.redis.prefix });
    this.queue.on('error', () => undefined);
  }

  async upsert(sourceId: string, everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler(
      sourceId,
      { every: everyMs, offset: offsetFor(sourceId, everyMs) },
      { name: 'poll', data: { v: 1, sourceId, force: false }, opts: { attempts: 1, removeOnComplete: { count: 1000 }, removeOnFail: { count: 1000 } } },
    );
  }

  /** A poll now, besides the schedule; one pending at a time per source. */
  async pollNow(sourceId: string, force = true): Promise<void> {
    await this.queue.add('poll', { v: 1, sourceId, force }, { jobId: `now-${sourceId}-${Date.now()}`, attempts: 1, removeOnComplete: { count: 1000 }, removeOnFail: { count: 1000 } });
  }

  async remove(sourceId: string): Promise<void> {
    await this.queue.removeJobScheduler(sourceId);
  }

  /** When each scheduled source polls next (epoch ms), by source id. */
  async nextPolls(): Promise<Map<string, number>> {
    const schedulers = await this.queue.getJobSchedulers(0, -1, true);
    return new Map(schedulers.flatMap((scheduler) => (scheduler.key && scheduler.next !== undefined ? [[scheduler.key, scheduler.next] as const] : [])));
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/** A stable spot inside the period for one source (1 … everyMs-1 ms). */
function offsetFor(sourceId: string, everyMs: number): number {
  let hash = 0;
  for (const char of sourceId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return 1 + (hash % Math.max(1, everyMs - 1));
}

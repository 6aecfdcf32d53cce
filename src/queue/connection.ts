import { Redis, type RedisOptions } from 'ioredis';
import { ClaimfeedError } from '../errors.js';

/**
 * Connections for workers and long-running readers: commands wait for Redis instead of failing
 * (`maxRetriesPerRequest: null`, as BullMQ requires) and reconnection never gives up.
 */
export function createRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt) => Math.min(100 * attempt, 2000),
    ...extra,
  });
}

/**
 * Checks that something answers at `url` within `timeoutMs`, for commands that should say so
 * at once instead of waiting for Redis forever.
 */
export async function pingRedis(url: string, timeoutMs = 1500): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs, enableOfflineQueue: false });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

export async function requireRedis(url: string): Promise<void> {
  if (!(await pingRedis(url))) {
    throw new ClaimfeedError('REDIS_UNAVAILABLE', `Nothing answers at ${redactUrl(url)}: start Redis (e.g. "redis-server") or set REDIS_URL`, { permanent: false });
  }
}

/** A Redis URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):([^@/]*)@/, '//$1:***@');
}

/** Deletes every key under a prefix (tests and benchmarks clean their own namespace with it). */
export async function dropPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createRedis } from '../../src/queue/connection.js';

export { dropPrefix } from '../../src/queue/connection.js';

export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A unique key prefix (a Cluster hash tag) so tests sharing one Redis never meet. */
export function testPrefix(): string {
  return `{test-${randomUUID()}}`;
}

export function testRedis(url = TEST_REDIS_URL): Redis {
  return createRedis(url);
}


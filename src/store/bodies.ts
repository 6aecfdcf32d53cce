import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Redis } from 'ioredis';
import type { FetchLog } from '../model/extraction-log.js';
import type { StoreKeys } from './keys.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** A fetched page waiting for the process stage: kept in Redis so any machine can take it. */
export interface StoredBody {
  bytes: Buffer;
  contentType: string | null;
  /** The URL the bytes came from (after redirects), or the file path for local inputs. */
  finalUrl: string;
  fetch: FetchLog | null;
}

export async function putBody(redis: Redis, keys: StoreKeys, id: string, body: StoredBody, ttlSeconds: number): Promise<void> {
  const packed = await gzipAsync(body.bytes, { level: 4 });
  const meta = JSON.stringify({ contentType: body.contentType, finalUrl: body.finalUrl, fetch: body.fetch });
  await redis.multi().hset(keys.body(id), 'gz', packed, 'meta', meta).expire(keys.body(id), ttlSeconds).exec();
}

export async function getBody(redis: Redis, keys: StoreKeys, id: string): Promise<StoredBody | null> {
  const [packed, meta] = await Promise.all([redis.hgetBuffer(keys.body(id), 'gz'), redis.hget(keys.body(id), 'meta')]);
  if (packed === null || meta === null) return null;
  const parsed = JSON.parse(meta) as { contentType: string | null; finalUrl: string; fetch: FetchLog | null };
  return { bytes: await gunzipAsync(packed), contentType: parsed.contentType, finalUrl: parsed.finalUrl, fetch: parsed.fetch };
}

export async function deleteBody(redis: Redis, keys: StoreKeys, id: string): Promise<void> {
  await redis.del(keys.body(id));
}

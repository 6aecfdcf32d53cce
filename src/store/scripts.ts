import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Atomic store updates. Every script takes the article hash as KEYS[1] and the five status sets
 * (queued, fetching, processing, done, failed) as KEYS[2..6], so the status counters always
 * match the article records.
 */
const MOVE_STATUS = `
local STATUSES = {'queued', 'fetching', 'processing', 'done', 'failed'}
local function moveStatus(id, newStatus, now)
  for i, s in ipairs(STATUSES) do
    if s == newStatus then redis.call('SADD', KEYS[1 + i], id) else redis.call('SREM', KEYS[1 + i], id) end
  end
  redis.call('HSET', KEYS[1], 'status', newStatus, 'updatedAt', now)
end
`;

/**
 * Registers an article for processing.
 * KEYS[7] recent zset, KEYS[8] failures zset.
 * ARGV: id, url, now ms, refresh (0|1), source, ttl seconds, expired-before ms.
 * Returns the new version, or 0 when the article exists, has not failed, and refresh is 0 (a duplicate).
 */
export const REGISTER_ARTICLE = `${MOVE_STATUS}
-- drop ids whose records expired, so status counts do not drift
local stale = redis.call('ZRANGEBYSCORE', KEYS[7], '-inf', ARGV[7], 'LIMIT', 0, 100)
for _, old in ipairs(stale) do
  for i = 2, 6 do redis.call('SREM', KEYS[i], old) end
  redis.call('ZREM', KEYS[7], old)
  redis.call('ZREM', KEYS[8], old)
end
-- a failed article is queued again (its cause may be fixed); others are duplicates unless refreshed
if redis.call('EXISTS', KEYS[1]) == 1 and ARGV[4] ~= '1' and redis.call('HGET', KEYS[1], 'status') ~= 'failed' then return 0 end
local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'url', ARGV[2], 'enqueuedAt', ARGV[3], 'source', ARGV[5], 'claimCount', 0)
redis.call('HDEL', KEYS[1], 'failure', 'finishedAt', 'duplicateOf')
moveStatus(ARGV[1], 'queued', ARGV[3])
redis.call('ZADD', KEYS[7], ARGV[3], ARGV[1])
redis.call('ZREM', KEYS[8], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[6])
return version
`;

/**
 * Moves an article to an in-flight status (fetching, processing) unless it already finished.
 * ARGV: id, status, now ms. Returns 1 when moved.
 */
export const MARK_STATUS = `${MOVE_STATUS}
local current = redis.call('HGET', KEYS[1], 'status')
if not current then return 0 end
moveStatus(ARGV[1], ARGV[2], ARGV[3])
return 1
`;

/**
 * Records a failure. KEYS[7] failures zset. ARGV: id, now ms, failure JSON.
 */
export const FAIL_ARTICLE = `${MOVE_STATUS}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
moveStatus(ARGV[1], 'failed', ARGV[2])
redis.call('HSET', KEYS[1], 'failure', ARGV[3], 'finishedAt', ARGV[2])
redis.call('ZADD', KEYS[7], ARGV[2], ARGV[1])
return 1
`;

/**
 * Records a failure only while the article is still in flight at `version`: the reconciler's
 * verdict must never overwrite an article that finished meanwhile.
 * KEYS as FAIL_ARTICLE. ARGV: id, now ms, failure JSON, version. Returns 1 when recorded.
 */
export const FAIL_IF_IN_FLIGHT = `${MOVE_STATUS}
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'queued' and status ~= 'fetching' and status ~= 'processing' then return 0 end
if redis.call('HGET', KEYS[1], 'version') ~= ARGV[4] then return 0 end
moveStatus(ARGV[1], 'failed', ARGV[2])
redis.call('HSET', KEYS[1], 'failure', ARGV[3], 'finishedAt', ARGV[2])
redis.call('ZADD', KEYS[7], ARGV[2], ARGV[1])
return 1
`;

/**
 * Adds an article's claims to the feed, each at most once, and marks the article done.
 * KEYS[7] feed stream, KEYS[8..] one claim-seen key per claim.
 * ARGV: id, now ms, maxLen, minId ms, seen ttl seconds, extra hash fields JSON, then per claim:
 * claim id, claim JSON. Returns the number of entries added.
 */
export const COMPLETE_ARTICLE = `${MOVE_STATUS}
local added = 0
for i = 8, #KEYS do
  local at = 7 + (i - 8) * 2
  if redis.call('SET', KEYS[i], '-', 'NX', 'EX', ARGV[5]) then
    local entry = redis.call('XADD', KEYS[7], 'MAXLEN', '~', ARGV[3], '*', 'id', ARGV[at], 'articleId', ARGV[1], 'claim', ARGV[at + 1])
    redis.call('SET', KEYS[i], entry, 'EX', ARGV[5])
    added = added + 1
  end
end
if added > 0 then redis.call('XTRIM', KEYS[7], 'MINID', '~', ARGV[4]) end
if redis.call('EXISTS', KEYS[1]) == 1 then
  moveStatus(ARGV[1], 'done', ARGV[2])
  local fields = cjson.decode(ARGV[6])
  for name, value in pairs(fields) do
    if value == cjson.null then redis.call('HDEL', KEYS[1], name) else redis.call('HSET', KEYS[1], name, tostring(value)) end
  end
  redis.call('HSET', KEYS[1], 'finishedAt', ARGV[2])
end
return added
`;

/**
 * Per-host politeness gate. KEYS[1] host hash (next, penaltyUntil), KEYS[2] active-lease zset,
 * KEYS[3] known-hosts zset.
 * ARGV: host, now ms, min delay ms, max concurrency, lease token, lease ms, reserved (0|1).
 * Returns {0, 0} when the lease was granted; {1, slot} when a future slot was reserved for the
 * caller (come back at `slot` with reserved = 1); {2, wait ms} to retry later without a slot.
 * Reserving slots spaces the waiting jobs of one host out instead of waking them all at once.
 */
export const ACQUIRE_HOST = `
local now = tonumber(ARGV[2])
local delay = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
redis.call('ZADD', KEYS[3], now, ARGV[1])
if redis.call('ZCARD', KEYS[3]) > 10000 then redis.call('ZREMRANGEBYRANK', KEYS[3], 0, -10001) end
redis.call('PEXPIRE', KEYS[1], 86400000)
local penalty = tonumber(redis.call('HGET', KEYS[1], 'penaltyUntil') or '0')
if penalty > now then return {2, penalty - now} end
local nextAt = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
if ARGV[7] ~= '1' and nextAt > now then
  redis.call('HSET', KEYS[1], 'next', nextAt + delay)
  return {1, nextAt}
end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return {2, math.max(math.min(delay, 1000), 50)} end
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[6]), ARGV[5])
if ARGV[7] ~= '1' then redis.call('HSET', KEYS[1], 'next', now + delay) end
redis.call('HSET', KEYS[1], 'lastAt', now)
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[6]) + 1000)
return {0, 0}
`;

const shas = new Map<string, string>();

/** EVALSHA with a fallback to EVAL the first time a server sees the script. */
export async function evalScript(redis: Redis, script: string, keys: readonly string[], args: ReadonlyArray<string | number | Buffer>): Promise<unknown> {
  let sha = shas.get(script);
  if (sha === undefined) {
    sha = createHash('sha1').update(script).digest('hex');
    shas.set(script, sha);
  }
  try {
    return await redis.evalsha(sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (error instanceof Error && error.message.includes('NOSCRIPT')) return redis.eval(script, keys.length, ...keys, ...args);
    throw error;
  }
}

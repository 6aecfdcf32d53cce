import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Config } from '../config/schema.js';
import { ClaimfeedError } from '../errors.js';
import { isRecord } from '../rules/table.js';
import type { StoreKeys } from '../store/keys.js';
import { readStoredJson } from '../store/stored-json.js';
import type { HostGate, HostLease } from './host-gate.js';
import type { Fetcher } from './http.js';
import { ALLOW_ALL, ROBOTS_MAX_BYTES, type RobotsRules, type RobotsVerdict, parseRobots, robotsAllows } from './robots-rules.js';

export { parseRobots, robotsAllows, type RobotsRules, type RobotsVerdict } from './robots-rules.js';

/** What is cached per origin: the rules, or why robots.txt could not be had (retried after a shorter TTL). */
type RobotsEntry = { kind: 'rules'; rules: RobotsRules } | { kind: 'unavailable'; reason: string; at: number };

export interface RobotsCacheOptions {
  agentToken: string;
  /** How long fetched rules are kept. */
  ttlSeconds: number;
  /** How long a robots.txt that could not be fetched (5xx, timeout) keeps its origin waiting. */
  failureTtlSeconds: number;
  /** Longest wait for the per-host gate before the job is retried later instead. */
  maxGateWaitMs: number;
}

/** Gate waits up to this (or two politeness gaps) are slept through for robots.txt. */
const MIN_GATE_WAIT_MS = 250;

export function robotsOptionsFromConfig(config: Config): RobotsCacheOptions {
  return {
    agentToken: config.fetch.robotsUserAgent,
    ttlSeconds: config.fetch.robotsTtlSeconds,
    failureTtlSeconds: config.fetch.robotsFailureTtlSeconds,
    maxGateWaitMs: Math.max(MIN_GATE_WAIT_MS, config.fetch.hostMinDelayMs * 2),
  };
}

/** How long one process holds the per-origin fetch lock; others wait for its result that long. */
const LOCK_MS = 60_000;
const POLL_MS = 50;

/**
 * robots.txt per origin, cached in Redis for all workers. Fetched once per origin: requests in
 * one process share the pending fetch, other processes wait for the holder of a Redis lock. The
 * fetch goes through the per-host gate like any page. A 4xx robots.txt allows everything; a 5xx
 * or network failure is cached (for `failureTtlSeconds`) as a transient error, so the pages wait
 * rather than being fetched against the site's wishes, and the site is not asked again on every attempt.
 */
export class RobotsCache {
  private readonly pending = new Map<string, Promise<RobotsEntry>>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
    private readonly fetcher: Fetcher,
    private readonly gate: HostGate,
    private readonly options: RobotsCacheOptions,
  ) {}

  async check(url: URL): Promise<RobotsVerdict> {
    const entry = await this.entryFor(url.origin);
    if (entry.kind === 'unavailable') {
      const retryAfterMs = Math.max(0, entry.at + this.options.failureTtlSeconds * 1000 - Date.now());
      throw new ClaimfeedError('FETCH_FAILED', `robots.txt unavailable for ${url.origin}: ${entry.reason}`, { permanent: false, details: { robots: 'unavailable', retryAfterMs } });
    }
    return robotsAllows(entry.rules, `${url.pathname}${url.search}`);
  }

  private entryFor(origin: string): Promise<RobotsEntry> {
    const waiting = this.pending.get(origin);
    if (waiting) return waiting;
    const loading = this.load(origin).finally(() => this.pending.delete(origin));
    this.pending.set(origin, loading);
    return loading;
  }

  private async load(origin: string): Promise<RobotsEntry> {
    const key = this.keys.robots(origin);
    const cached = parseEntry(await this.redis.get(key));
    if (cached) return cached;
    const lockKey = `${key}:lock`;
    const token = randomUUID();
    const deadline = Date.now() + LOCK_MS;
    while ((await this.redis.set(lockKey, token, 'PX', LOCK_MS, 'NX')) === null) {
      await sleep(POLL_MS);
      const other = parseEntry(await this.redis.get(key));
      if (other) return other;
      if (Date.now() > deadline) break;
    }
    try {
      const entry = await this.fetchEntry(origin);
      const ttl = entry.kind === 'rules' ? this.options.ttlSeconds : this.options.failureTtlSeconds;
      await this.redis.set(key, JSON.stringify(entry), 'EX', ttl);
      return entry;
    } finally {
      if ((await this.redis.get(lockKey)) === token) await this.redis.del(lockKey);
    }
  }

  private async fetchEntry(origin: string): Promise<RobotsEntry> {
    const lease = await this.acquireGate(new URL(origin).host.toLowerCase());
    try {
      const page = await this.fetcher.fetch(`${origin}/robots.txt`, {}, { contentTypes: null, maxBytes: ROBOTS_MAX_BYTES, truncateAtMaxBytes: true, accept: 'text/plain' });
      return { kind: 'rules', rules: parseRobots(page.body.toString('utf8'), this.options.agentToken) };
    } catch (error) {
      if (error instanceof ClaimfeedError && error.code === 'FETCH_HTTP_STATUS' && error.permanent) return { kind: 'rules', rules: ALLOW_ALL };
      if (error instanceof ClaimfeedError && (error.code === 'FETCH_BLOCKED_ADDRESS' || error.code === 'FETCH_BLOCKED_SCHEME')) throw error;
      return { kind: 'unavailable', reason: error instanceof Error ? error.message : String(error), at: Date.now() };
    } finally {
      await lease.release();
    }
  }

  private async acquireGate(host: string): Promise<HostLease> {
    const deadline = Date.now() + this.options.maxGateWaitMs;
    let reserved = false;
    for (;;) {
      const granted = await this.gate.acquire(host, { reserved });
      if (granted.kind === 'granted') return granted.lease;
      const resumeAt = granted.kind === 'reserved' ? granted.slotAt : Date.now() + granted.waitMs;
      if (resumeAt > deadline) {
        const retryAfterMs = Math.max(0, resumeAt - Date.now());
        throw new ClaimfeedError('FETCH_RATE_LIMITED', `Host ${host} is busy; robots.txt is fetched later (in ${Math.round(retryAfterMs / 1000)} s)`, { permanent: false, details: { retryAfterMs } });
      }
      reserved = reserved || granted.kind === 'reserved';
      await sleep(Math.max(0, resumeAt - Date.now()));
    }
  }
}

function parseEntry(raw: string | null): RobotsEntry | null {
  const value = readStoredJson(raw);
  if (!isRecord(value)) return null;
  if (value.kind === 'unavailable' && typeof value.reason === 'string' && typeof value.at === 'number') return { kind: 'unavailable', reason: value.reason, at: value.at };
  const rules = value.rules;
  if (value.kind === 'rules' && isRecord(rules) && Array.isArray(rules.allow) && Array.isArray(rules.disallow)) {
    const strings = (list: unknown[]): string[] => list.filter((item): item is string => typeof item === 'string');
    return { kind: 'rules', rules: { allow: strings(rules.allow), disallow: strings(rules.disallow), crawlDelayMs: typeof rules.crawlDelayMs === 'number' ? rules.crawlDelayMs : null } };
  }
  return null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ACQUIRE_HOST, evalScript } from '../store/scripts.js';
import type { StoreKeys } from '../store/keys.js';

export interface HostLease {
  host: string;
  release(): Promise<void>;
}

/**
 * Granted: go ahead. Reserved: a slot at `slotAt` is this caller's; come back then with
 * `reserved: true`. Wait: try again after `waitMs` (host penalised or at its concurrency cap).
 */
export type GateResult = { kind: 'granted'; lease: HostLease } | { kind: 'reserved'; slotAt: number } | { kind: 'wait'; waitMs: number };

export interface HostState {
  host: string;
  nextAt: string | null;
  penaltyUntil: string | null;
  active: number;
  lastAt: string | null;
}

/**
 * The per-host politeness gate, kept in Redis so it holds across worker processes and machines:
 * at least `minDelayMs` (or the site's Crawl-delay) between requests to one host, at most
 * `maxConcurrency` in flight, and a penalty window after 429/503 that slows that host only.
 */
export class HostGate {
  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
    private readonly minDelayMs: number,
    private readonly maxConcurrency: number,
    private readonly leaseMs: number,
  ) {}

  async acquire(host: string, options: { crawlDelayMs?: number | null; reserved?: boolean } = {}): Promise<GateResult> {
    const token = randomUUID();
    const delay = Math.max(this.minDelayMs, options.crawlDelayMs ?? 0);
    const reply = await evalScript(this.redis, ACQUIRE_HOST, [this.keys.host(host), this.keys.hostActive(host), this.keys.hosts], [
      host,
      Date.now(),
      delay,
      this.maxConcurrency,
      token,
      this.leaseMs,
      options.reserved ? '1' : '0',
    ]);
    const [kind, value] = Array.isArray(reply) ? reply.map(Number) : [2, 100];
    if (kind === 1) return { kind: 'reserved', slotAt: value ?? Date.now() };
    if (kind === 2) return { kind: 'wait', waitMs: value ?? 100 };
    return { kind: 'granted', lease: { host, release: async () => void (await this.redis.zrem(this.keys.hostActive(host), token)) } };
  }

  /** After 429/503: no request to this host before now + retryAfterMs. */
  async penalize(host: string, retryAfterMs: number): Promise<void> {
    const until = Date.now() + retryAfterMs;
    const key = this.keys.host(host);
    const current = Number((await this.redis.hget(key, 'penaltyUntil')) ?? 0);
    if (until > current) await this.redis.hset(key, 'penaltyUntil', until);
  }

  async states(limit = 50): Promise<HostState[]> {
    const hosts = await this.redis.zrevrange(this.keys.hosts, 0, limit - 1);
    const now = Date.now();
    const pipeline = this.redis.pipeline();
    for (const host of hosts) {
      pipeline.hgetall(this.keys.host(host));
      pipeline.zcount(this.keys.hostActive(host), now, '+inf');
    }
    const results = (await pipeline.exec()) ?? [];
    const iso = (value: string | undefined): string | null => (value ? new Date(Number(value)).toISOString() : null);
    return hosts.map((host, index) => {
      const hash = (results[index * 2]?.[1] ?? {}) as Record<string, string>;
      const penalty = Number(hash.penaltyUntil ?? 0);
      return {
        host,
        nextAt: iso(hash.next),
        penaltyUntil: penalty > now ? iso(hash.penaltyUntil) : null,
        active: Number(results[index * 2 + 1]?.[1] ?? 0),
        lastAt: iso(hash.lastAt),
      };
    });
  }
}

import type { Redis } from 'ioredis';
import { ClaimfeedError } from '../errors.js';
import type { StoreKeys } from '../store/keys.js';
import type { Fetcher } from './http.js';

/** The rules of the robots.txt group that applies to us (RFC 9309). */
export interface RobotsRules {
  allow: string[];
  disallow: string[];
  crawlDelayMs: number | null;
}

export interface RobotsVerdict {
  allowed: boolean;
  /** The matching Disallow pattern when refused. */
  rule: string | null;
  crawlDelayMs: number | null;
}

const ALLOW_ALL: RobotsRules = { allow: [], disallow: [], crawlDelayMs: null };

/** Picks the group for `agentToken` (else `*`); pure. */
export function parseRobots(text: string, agentToken: string): RobotsRules {
  const token = agentToken.toLowerCase();
  type Group = { agents: string[]; rules: RobotsRules };
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r?\n|\r/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: { allow: [], disallow: [], crawlDelayMs: null } };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (field === 'allow' && value !== '') current.rules.allow.push(value);
    else if (field === 'disallow' && value !== '') current.rules.disallow.push(value);
    else if (field === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.rules.crawlDelayMs = Math.min(seconds, 60) * 1000;
    }
  }
  const mine = groups.filter((group) => group.agents.some((agent) => agent !== '*' && token.includes(agent)));
  const chosen = mine.length > 0 ? mine : groups.filter((group) => group.agents.includes('*'));
  if (chosen.length === 0) return ALLOW_ALL;
  return {
    allow: chosen.flatMap((group) => group.rules.allow),
    disallow: chosen.flatMap((group) => group.rules.disallow),
    crawlDelayMs: chosen.find((group) => group.rules.crawlDelayMs !== null)?.rules.crawlDelayMs ?? null,
  };
}

/** The longest matching pattern wins; on a tie Allow wins. */
export function robotsAllows(rules: RobotsRules, pathAndQuery: string): RobotsVerdict {
  let best: { length: number; allow: boolean; rule: string } | null = null;
  for (const [patterns, allow] of [
    [rules.allow, true],
    [rules.disallow, false],
  ] as const) {
    for (const pattern of patterns) {
      if (!patternMatches(pattern, pathAndQuery)) continue;
      if (best === null || pattern.length > best.length || (pattern.length === best.length && allow)) best = { length: pattern.length, allow, rule: pattern };
    }
  }
  const allowed = best === null || best.allow;
  return { allowed, rule: allowed ? null : (best?.rule ?? null), crawlDelayMs: rules.crawlDelayMs };
}

function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`).test(path);
}

/**
 * robots.txt per origin, fetched through the guarded fetcher and cached in Redis for all
 * workers. A 4xx robots.txt allows everything; a 5xx or network failure is a transient error,
 * so the page is retried later rather than fetched against the site's wishes.
 */
export class RobotsCache {
  constructor(
    private readonly redis: Redis,
    private readonly keys: StoreKeys,
    private readonly fetcher: Fetcher,
    private readonly agentToken: string,
    private readonly ttlSeconds: number,
  ) {}

  async check(url: URL): Promise<RobotsVerdict> {
    const rules = await this.rulesFor(url.origin);
    return robotsAllows(rules, `${url.pathname}${url.search}`);
  }

  private async rulesFor(origin: string): Promise<RobotsRules> {
    const cached = await this.redis.get(this.keys.robots(origin));
    if (cached !== null) return JSON.parse(cached) as RobotsRules;
    let rules: RobotsRules;
    try {
      const page = await this.fetcher.fetch(`${origin}/robots.txt`, {}, { contentTypes: null, maxBytes: 512 * 1024, accept: 'text/plain' });
      rules = parseRobots(page.body.toString('utf8'), this.agentToken);
    } catch (error) {
      if (error instanceof ClaimfeedError && error.code === 'FETCH_HTTP_STATUS' && error.permanent) rules = ALLOW_ALL;
      else if (error instanceof ClaimfeedError && (error.code === 'FETCH_BLOCKED_ADDRESS' || error.code === 'FETCH_BLOCKED_SCHEME')) throw error;
      else {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ClaimfeedError('FETCH_FAILED', `robots.txt unavailable for ${origin}: ${reason}`, { cause: error, permanent: false });
      }
    }
    await this.redis.set(this.keys.robots(origin), JSON.stringify(rules), 'EX', this.ttlSeconds);
    return rules;
  }
}

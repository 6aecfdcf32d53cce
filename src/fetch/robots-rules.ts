/**
 * robots.txt parsing and matching (RFC 9309), pure: text in, rules out; rules and a path in,
 * a verdict out. Matching never builds a RegExp: a pattern with many `*` against a long path
 * would make a backtracking engine run for ages (Google's robotstxt matcher shows the way).
 */

/** RFC 9309 §2.5: crawlers must parse at least the first 500 KiB; we parse exactly that. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

/** The rules of the robots.txt group that applies to us. Patterns are normalised (see `normalizeRobotsPath`). */
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

export const ALLOW_ALL: RobotsRules = Object.freeze({ allow: [], disallow: [], crawlDelayMs: null }) as RobotsRules;

/** Crawl-delay above this is read as this: a site cannot park a worker for hours. */
const MAX_CRAWL_DELAY_SECONDS = 60;

/**
 * The product token of a User-agent line (RFC 9309 §2.2.1): its leading run of letters, `_`
 * and `-`, or `*`. An empty or odd value yields null and matches nobody.
 */
export function productToken(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed.startsWith('*')) return '*';
  const token = /^[A-Za-z_-]+/.exec(trimmed)?.[0];
  return token === undefined ? null : token.toLowerCase();
}

/**
 * Picks the groups whose User-agent product token equals `agentToken` (case-insensitive),
 * else the `*` groups; several matching groups are merged. Only the first 500 KiB are read.
 */
export function parseRobots(text: string, agentToken: string): RobotsRules {
  const token = agentToken.trim().toLowerCase();
  const source = text.length > ROBOTS_MAX_BYTES ? text.slice(0, ROBOTS_MAX_BYTES) : text;
  type Group = { agents: (string | null)[]; rules: RobotsRules };
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of source.split(/\r\n|\n|\r/)) {
    const hash = rawLine.indexOf('#');
    const line = hash === -1 ? rawLine : rawLine.slice(0, hash);
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: { allow: [], disallow: [], crawlDelayMs: null } };
        groups.push(current);
      }
      current.agents.push(productToken(value));
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (field === 'allow' && value !== '') current.rules.allow.push(normalizeRobotsPath(value));
    else if (field === 'disallow' && value !== '') current.rules.disallow.push(normalizeRobotsPath(value));
    else if (field === 'crawl-delay') {
      const seconds = Number(value);
      if (value !== '' && Number.isFinite(seconds) && seconds >= 0) current.rules.crawlDelayMs = Math.min(seconds, MAX_CRAWL_DELAY_SECONDS) * 1000;
    }
  }
  const mine = groups.filter((group) => group.agents.includes(token));
  const chosen = mine.length > 0 ? mine : groups.filter((group) => group.agents.includes('*'));
  if (chosen.length === 0) return ALLOW_ALL;
  return {
    allow: chosen.flatMap((group) => group.rules.allow),
    disallow: chosen.flatMap((group) => group.rules.disallow),
    crawlDelayMs: chosen.find((group) => group.rules.crawlDelayMs !== null)?.rules.crawlDelayMs ?? null,
  };
}

/** The longest matching pattern wins; on a tie Allow wins (RFC 9309 §2.2.2). */
export function robotsAllows(rules: RobotsRules, pathAndQuery: string): RobotsVerdict {
  const path = normalizeRobotsPath(pathAndQuery);
  let best: { length: number; allow: boolean; rule: string } | null = null;
  for (const [patterns, allow] of [
    [rules.allow, true],
    [rules.disallow, false],
  ] as const) {
    for (const pattern of patterns) {
      // A shorter pattern cannot beat the best so far: skip the match.
      if (best !== null && (pattern.length < best.length || (pattern.length === best.length && !allow))) continue;
      if (!robotsPatternMatches(pattern, path)) continue;
      best = { length: pattern.length, allow, rule: pattern };
    }
  }
  const allowed = best === null || best.allow;
  return { allowed, rule: allowed ? null : (best?.rule ?? null), crawlDelayMs: rules.crawlDelayMs };
}

/**
 * Whether `pattern` (with `*` for any run of characters and a final `$` for the end) matches
 * a prefix of `path`. Keeps the set of path positions reachable after each pattern character,
 * sorted, so the work is O(path × pattern) whatever the pattern: after a `*` every position
 * from the smallest one on is reachable, and a literal character keeps the positions it follows.
 */
export function robotsPatternMatches(pattern: string, path: string): boolean {
  const end = path.length;
  const positions = new Int32Array(end + 1);
  let count = 1;
  positions[0] = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '$' && index === pattern.length - 1) return positions[count - 1] === end;
    if (char === '*') {
      const from = positions[0] ?? 0;
      count = end - from + 1;
      for (let offset = 0; offset < count; offset++) positions[offset] = from + offset;
      continue;
    }
    let kept = 0;
    for (let slot = 0; slot < count; slot++) {
      const at = positions[slot] ?? end;
      if (at < end && path[at] === char) positions[kept++] = at + 1;
    }
    count = kept;
    if (count === 0) return false;
  }
  return true;
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const HEX = '0123456789ABCDEF';

/**
 * One spelling for paths and patterns before comparing (RFC 9309 §2.2.2): escapes of unreserved
 * characters decoded, other escapes upper-cased, non-ASCII characters and controls
 * percent-encoded as UTF-8 (so `/über` and `/%C3%BCber` are the same path).
 */
export function normalizeRobotsPath(value: string): string {
  let out = '';
  const encoder = new TextEncoder();
  for (let index = 0; index < value.length; index++) {
    const char = value[index] ?? '';
    const code = char.charCodeAt(0);
    if (char === '%' && /^[0-9A-Fa-f]{2}$/.test(value.slice(index + 1, index + 3))) {
      const byte = Number.parseInt(value.slice(index + 1, index + 3), 16);
      const decoded = String.fromCharCode(byte);
      out += byte < 0x80 && UNRESERVED.test(decoded) ? decoded : `%${value.slice(index + 1, index + 3).toUpperCase()}`;
      index += 2;
    } else if (code > 0x7e || code <= 0x20) {
      // A surrogate pair is one code point: encode both halves together.
      const pair = code >= 0xd800 && code <= 0xdbff ? value.slice(index, index + 2) : char;
      for (const byte of encoder.encode(pair)) out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
      index += pair.length - 1;
    } else out += char;
  }
  return out;
}

/**
 * robots.txt parsing and matching (RFC 9309), pure: text in, rules out; rules and a path in,
 * a verdict out. Matching never builds a RegExp: a pattern with many `*` against a long path
 * would make a backtracking engine run for ages.
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
function productToken(value: string): string | null {
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
  const lastPlaces = new Map<string, number>();
  let best: { length: number; allow: boolean; rule: string } | null = null;
  for (const [patterns, allow] of [
    [rules.allow, true],
    [rules.disallow, false],
  ] as const) {
    for (const pattern of patterns) {
      // A shorter pattern cannot beat the best so far: skip the match.
      if (best !== null && (pattern.length < best.length || (pattern.length === best.length && !allow))) continue;
      if (!robotsPatternMatches(pattern, path, lastPlaces)) continue;
      best = { length: pattern.length, allow, rule: pattern };
    }
  }
  const allowed = best === null || best.allow;
  return { allowed, rule: allowed ? null : (best?.rule ?? null), crawlDelayMs: rules.crawlDelayMs };
}

/**
 * Whether `pattern` (with `*` for any run of characters and a final `$` for the end) matches
 * a prefix of `path`. The literal pieces between the `*` are found left to right, each at its
 * earliest place after the previous one: with `*` as the only wildcard the earliest place is
 * always a right choice, so nothing is ever tried twice and the cost is a few substring
 * searches, not the exponential backtracking of a RegExp or the path × pattern table of a
 * position set (which, over 500 KiB of patterns and a long URL, still took seconds).
 */
export function robotsPatternMatches(pattern: string, path: string, lastPlaces: Map<string, number> = new Map()): boolean {
  // Where each piece last occurs in the path, shared by all patterns of one check: a piece
  // that is not there (or not late enough) fails a pattern without a search.
  const lastPlace = (piece: string): number => {
    let place = lastPlaces.get(piece);
    if (place === undefined) {
      place = path.lastIndexOf(piece);
      lastPlaces.set(piece, place);
    }
    return place;
  };
  const anchored = pattern.endsWith('$');
  const pieces = (anchored ? pattern.slice(0, -1) : pattern).split('*');
  const first = pieces[0] ?? '';
  if (!path.startsWith(first)) return false;
  if (pieces.length === 1) return !anchored || path.length === first.length;
  let at = first.length;
  for (let index = 1; index < pieces.length - 1; index++) {
    const piece = pieces[index] ?? '';
    if (piece === '') continue;
    if (lastPlace(piece) < at) return false;
    const found = path.indexOf(piece, at);
    if (found === -1) return false;
    at = found + piece.length;
  }
  const last = pieces[pieces.length - 1] ?? '';
  if (anchored) return path.length - last.length >= at && path.endsWith(last);
  return last === '' || lastPlace(last) >= at;
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

import { createHash } from 'node:crypto';
import { ClaimfeedError } from '../errors.js';

/**
 * The canonical form of an article URL: scheme and host lower-cased, default port, fragment and
 * tracking parameters dropped, remaining query parameters sorted. Path and query values keep
 * their case (servers may treat them case-sensitively).
 */
export function canonicalizeUrl(input: string, trackingParams: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch (error) {
    throw new ClaimfeedError('INVALID_URL', `Not a URL: ${JSON.stringify(input)}`, { cause: error });
  }
  url.hash = '';
  const patterns = trackingParams.map(toMatcher);
  const kept = [...url.searchParams.entries()].filter(([name]) => !patterns.some((matches) => matches(name.toLowerCase())));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = '';
  for (const [name, value] of kept) url.searchParams.append(name, value);
  if (url.pathname === '') url.pathname = '/';
  return url.toString();
}

/** The article id: a hash of the canonical URL, so one page queued twice is one article. */
export function articleIdForUrl(input: string, trackingParams: readonly string[]): string {
  return hashId(canonicalizeUrl(input, trackingParams));
}

export function hashId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

function toMatcher(pattern: string): (name: string) => boolean {
  const lower = pattern.toLowerCase();
  if (lower.endsWith('*')) {
    const head = lower.slice(0, -1);
    return (name) => name.startsWith(head);
  }
  return (name) => name === lower;
}

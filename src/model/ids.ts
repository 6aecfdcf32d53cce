import { createHash } from 'node:crypto';
import { ClaimfeedError } from '../errors.js';

/** Longest URL accepted (browsers and servers commonly stop at 8 KiB). */
export const MAX_URL_LENGTH = 8192;

/**
 * The canonical form of an article URL: scheme and host lower-cased, default port, fragment and
 * tracking parameters dropped, remaining query parameters sorted. Path and query values keep
 * their case (servers may treat them case-sensitively).
 */
export function canonicalizeUrl(input: string, trackingParams: readonly string[]): string {
  if (input.length > MAX_URL_LENGTH) {
    throw new ClaimfeedError('INVALID_URL', `URL is ${input.length} characters long; at most ${MAX_URL_LENGTH} are accepted: ${JSON.stringify(input.slice(0, 100))}…`, { details: { length: input.length } });
  }
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch (error) {
    throw new ClaimfeedError('INVALID_URL', `Not a URL: ${JSON.stringify(input.slice(0, 200))}`, { cause: error });
  }
  if (url.username !== '' || url.password !== '') {
    // Stored and shown URLs must not carry secrets; the message leaves them out too.
    url.username = '';
    url.password = '';
    throw new ClaimfeedError('INVALID_URL', `URLs with a user name or password are refused (they would be stored and shown): ${url.origin}${url.pathname}`);
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

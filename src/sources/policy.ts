import { ClaimfeedError } from '../errors.js';
import type { SourceItem } from './types.js';

/** What the first poll of a new source takes: items newer than `sinceMs`, or the newest `backfill`. */
export type FirstPollWindow = { kind: 'since'; sinceMs: number } | { kind: 'backfill'; count: number };

/**
 * The items the first poll queues, so following a big sitemap does not flood the queue. With
 * `since`, undated items are left out (nothing says they are recent); with `backfill`, the
 * newest dated items come first, then undated ones in document order.
 */
export function selectFirstPollItems(items: readonly SourceItem[], window: FirstPollWindow): SourceItem[] {
  if (window.kind === 'since') return items.filter((item) => item.publishedAt !== null && Date.parse(item.publishedAt) >= window.sinceMs);
  const ranked = items.map((item, index) => ({ item, index, ms: item.publishedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(item.publishedAt) }));
  ranked.sort((a, b) => b.ms - a.ms || a.index - b.index);
  return ranked.slice(0, window.count).map(({ item }) => item);
}

/**
 * When a failing source is polled again: the wait doubles with each failure in a row (one
 * period, two, four …) up to `maxBackoffMs`, and is at least what the site asked for
 * (Retry-After). Half a period of slack keeps a scheduled run that comes a little early.
 */
export function backoffUntil(lastAttemptMs: number, consecutiveFailures: number, everyMs: number, maxBackoffMs: number, retryAfterMs: number | null = null): number {
  const exponential = Math.min(everyMs * 2 ** Math.max(0, consecutiveFailures - 1), Math.max(maxBackoffMs, everyMs));
  const wait = Math.max(exponential, retryAfterMs ?? 0);
  return lastAttemptMs + wait - everyMs / 2;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "90s", "10m", "1h30m", "2d", "500ms" → milliseconds; a USAGE error otherwise. */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim().toLowerCase();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|d|w)/g)];
  const consumed = parts.map((part) => part[0]).join('');
  if (parts.length === 0 || consumed.replace(/\s/g, '') !== trimmed.replace(/\s/g, '')) {
    throw new ClaimfeedError('USAGE', `${flag} takes a duration like 90s, 10m, 1h or 2d; got "${text}"`);
  }
  return Math.round(parts.reduce((sum, part) => sum + Number(part[1]) * (UNITS[part[2] ?? 'ms'] ?? 1), 0));
}

/** `--since`: a duration back from now ("2d") or a date ("2026-11-01", ISO 8601). */
export function parseSince(text: string, now = Date.now()): number {
  if (/^\d{4}-\d{2}-\d{2}/.test(text.trim())) {
    const ms = Date.parse(text.trim());
    if (Number.isNaN(ms)) throw new ClaimfeedError('USAGE', `--since takes a date (2026-11-01, ISO 8601) or a duration (2d); got "${text}"`);
    return ms;
  }
  return now - parseDuration(text, '--since');
}

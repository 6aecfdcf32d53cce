import { describe, expect, it } from 'vitest';
import { backoffUntil, parseDuration, parseSince, selectFirstPollItems } from '../../src/sources/policy.js';
import type { SourceItem } from '../../src/sources/types.js';

const at = (ms: number | null, n: string): SourceItem => ({ url: `https://e.example/${n}`, title: null, publishedAt: ms === null ? null : new Date(ms).toISOString() });

describe('source policy', () => {
  it('parses durations and refuses the rest', () => {
    expect(parseDuration('90s', '--every')).toBe(90_000);
    expect(parseDuration('1h30m', '--every')).toBe(5_400_000);
    expect(parseDuration('2d', '--every')).toBe(172_800_000);
    expect(parseDuration('500ms', '--every')).toBe(500);
    for (const bad of ['', '10', 'soon', '5 parsecs', '-5m', '10m later']) expect(() => parseDuration(bad, '--every')).toThrow(/--every takes a duration/);
    expect(parseSince('2d', 1_000_000_000_000)).toBe(1_000_000_000_000 - 172_800_000);
    expect(parseSince('2026-11-01')).toBe(Date.parse('2026-11-01'));
  });

  it('first poll: --since keeps dated items in the window; --backfill the newest N, undated last', () => {
    const items = [at(5000, 'a'), at(null, 'undated'), at(9000, 'b'), at(1000, 'c')];
    expect(selectFirstPollItems(items, { kind: 'since', sinceMs: 4000 }).map((item) => item.url)).toEqual(['https://e.example/a', 'https://e.example/b']);
    expect(selectFirstPollItems(items, { kind: 'backfill', count: 2 }).map((item) => item.url)).toEqual(['https://e.example/b', 'https://e.example/a']);
    expect(selectFirstPollItems(items, { kind: 'backfill', count: 4 }).at(-1)?.url).toBe('https://e.example/undated');
    expect(selectFirstPollItems(items, { kind: 'backfill', count: 0 })).toEqual([]);
  });

  it('backoff doubles per failure in a row, is capped, and respects Retry-After', () => {
    const every = 600_000;
    const waits = [1, 2, 3, 4, 10].map((failures) => backoffUntil(0, failures, every, 6 * 3_600_000) + every / 2);
    expect(waits).toEqual([600_000, 1_200_000, 2_400_000, 4_800_000, 6 * 3_600_000]);
    expect(backoffUntil(0, 1, every, 6 * 3_600_000, 3_600_000) + every / 2).toBe(3_600_000);
  });
});

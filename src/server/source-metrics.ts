import { Counter, type Registry } from 'prom-client';
import type { PollOutcome } from '../store/sources.js';

export type SourceCounters = () => Promise<{ polls: Record<PollOutcome, number>; newItems: number }>;

/**
 * `claimfeed_source_polls_total{outcome}` and `claimfeed_source_new_items_total`, read at scrape
 * time from the counters every poll worker adds to in Redis, so they cover all processes.
 */
export function registerSourceMetrics(registry: Registry, read: SourceCounters): void {
  new Counter({
    name: 'claimfeed_source_polls_total',
    help: 'Source polls, by outcome (new-items, no-new-items, not-modified, failed, backoff, skipped)',
    labelNames: ['outcome'],
    registers: [registry],
    async collect() {
      const { polls } = await read();
      this.reset();
      for (const [outcome, count] of Object.entries(polls)) this.inc({ outcome }, count);
    },
  });
  new Counter({
    name: 'claimfeed_source_new_items_total',
    help: 'Articles queued from followed feeds and sitemaps',
    registers: [registry],
    async collect() {
      const { newItems } = await read();
      this.reset();
      this.inc(newItems);
    },
  });
}

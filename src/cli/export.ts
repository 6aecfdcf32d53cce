import { closeSync, openSync } from 'node:fs';
import { ClaimfeedError } from '../errors.js';
import { claimRow } from '../export/claim-row.js';
import { csvHeader, csvRecord } from '../export/csv.js';
import { feedEntryMatches, streamIdMs } from '../store/claim-filters.js';
import { flagString, parseArgs } from './args.js';
import { CLAIM_FILTER_FLAGS, CLAIM_FILTER_USAGE, claimFiltersFromFlags } from './claim-filter-flags.js';
import type { Command } from './command.js';
import { LineWriter } from './output.js';
import { openStore } from './pipeline-context.js';
import { progressBar } from './progress.js';

const FORMATS = ['csv', 'jsonl'] as const;
/** Feed entries read per Redis call: big enough to amortise the round trip, small enough to keep memory flat. */
const PAGE_SIZE = 1000;

export const exportCommand: Command = {
  name: 'export',
  usage: `claimfeed export --format csv|jsonl ${CLAIM_FILTER_USAGE} [--out FILE] [--config FILE]`,
  summary: 'Write the claims of the feed, one row per claim with its article fields, as CSV or JSON Lines',
  async run(argv) {
    const args = parseArgs(argv, [], ['format', 'out', 'config', ...CLAIM_FILTER_FLAGS]);
    if (args.positionals.length > 0) throw new ClaimfeedError('USAGE', `export takes no positional arguments, got "${args.positionals[0]}"`);
    const format = flagString(args, 'format');
    if (format === undefined || !(FORMATS as readonly string[]).includes(format)) {
      throw new ClaimfeedError('USAGE', `--format must be csv or jsonl${format === undefined ? '' : `, got "${format}"`}`);
    }
    const filters = claimFiltersFromFlags(args);
    const outPath = flagString(args, 'out');
    if (outPath === '') throw new ClaimfeedError('USAGE', '--out needs a file name');
    let fd = 1;
    if (outPath !== undefined) {
      try {
        fd = openSync(outPath, 'w');
      } catch (error) {
        throw new ClaimfeedError('USAGE', `Cannot write --out ${outPath}: ${(error as Error).message}`, { cause: error });
      }
    }
    const context = await openStore(args);
    const out = new LineWriter(fd);
    try {
      const { store } = context;
      const total = await store.redis.xlen(store.feedStreamKey);
      const progress = process.stderr.isTTY === true && total >= PAGE_SIZE;
      if (format === 'csv') out.write(csvHeader());
      let after = filters.since === undefined ? '0' : String(Math.max(0, filters.since - 1));
      let scanned = 0;
      for (;;) {
        const page = await store.readFeed(after, { count: PAGE_SIZE });
        for (const entry of page) {
          if (!feedEntryMatches(entry, filters)) continue;
          const row = claimRow(entry);
          if (format === 'csv') out.write(csvRecord(row));
          else out.json(row);
        }
        const last = page[page.length - 1];
        scanned += page.length;
        if (progress) process.stderr.write(`\r${progressBar(Math.min(scanned, total), total)}`);
        if (last === undefined || page.length < PAGE_SIZE || (filters.until !== undefined && streamIdMs(last.streamId) > filters.until)) break;
        after = last.streamId;
      }
      if (progress) process.stderr.write('\n');
    } finally {
      out.flush();
      if (fd !== 1) closeSync(fd);
      await context.close();
    }
    return 0;
  },
};

import { readFileSync } from 'node:fs';
import { ClaimfeedError } from '../errors.js';
import type { EnqueueReport, Pipeline } from '../queue/pipeline.js';
import { flagString, parseArgs } from './args.js';
import type { Command } from './command.js';
import { LineWriter } from './output.js';
import { progressBar } from './progress.js';
import { openPipeline } from './pipeline-context.js';

/** URLs from arguments, a file (one per line, # comments) or standard input ("-"). */
function readUrlList(positionals: readonly string[], file: string | undefined): string[] {
  const urls: string[] = [];
  const addLines = (text: string): void => {
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed !== '' && !trimmed.startsWith('#')) urls.push(trimmed);
    }
  };
  if (file !== undefined) {
    try {
      addLines(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ClaimfeedError('INPUT_NOT_FOUND', `Cannot read URL list ${file}: ${(error as Error).message}`, { cause: error });
    }
  }
  for (const positional of positionals) {
    if (positional === '-') addLines(readFileSync(0, 'utf8'));
    else urls.push(positional);
  }
  return urls;
}

export const enqueueCommand: Command = {
  name: 'enqueue',
  usage: 'claimfeed enqueue [--refresh] [--json] [--config FILE] URL... | --file urls.txt | -',
  summary: 'Queue article URLs for fetching and claim extraction',
  async run(argv) {
    const args = parseArgs(argv, ['refresh', 'json'], ['file', 'config']);
    const urls = readUrlList(args.positionals, flagString(args, 'file'));
    if (urls.length === 0) throw new ClaimfeedError('USAGE', 'give URLs, --file urls.txt, or - for standard input');
    const context = await openPipeline(args);
    try {
      const total: EnqueueReport = { accepted: 0, duplicate: 0, rejected: 0, results: [] };
      const showProgress = urls.length >= 500 && process.stderr.isTTY === true;
      const batch = 1000;
      for (let start = 0; start < urls.length; start += batch) {
        const report = await context.pipeline.enqueueUrls(urls.slice(start, start + batch), { refresh: args.flags.has('refresh') });
        total.accepted += report.accepted;
        total.duplicate += report.duplicate;
        total.rejected += report.rejected;
        total.results.push(...report.results);
        if (showProgress) process.stderr.write(`\r${progressBar(Math.min(start + batch, urls.length), urls.length)}`);
      }
      if (showProgress) process.stderr.write('\n');
      const out = new LineWriter(1);
      if (args.flags.has('json')) out.json(total);
      else {
        for (const result of total.results) {
          if (result.outcome === 'rejected') process.stderr.write(`rejected ${result.input}: ${result.error?.code}: ${result.error?.message}\n`);
        }
        out.line(`accepted ${total.accepted}, duplicate ${total.duplicate}, rejected ${total.rejected}`);
      }
      out.flush();
      if (total.accepted > 0) await warnWhenNoWorker(context.pipeline, 'enqueue');
      return total.rejected > 0 ? 1 : 0;
    } finally {
      await context.close();
    }
  },
};

/** Queued work waits for a worker: say so when none is connected to the fetch queue. */
export async function warnWhenNoWorker(pipeline: Pipeline, command: string): Promise<void> {
  if ((await pipeline.fetchQueue.getWorkersCount()) > 0) return;
  process.stderr.write(`claimfeed ${command}: no worker is running, so nothing will be fetched yet: start one with "claimfeed worker" (or "claimfeed up")\n`);
}

import { ClaimfeedError } from '../errors.js';
import { articleIdForUrl } from '../model/ids.js';
import { parseArgs } from './args.js';
import { warnWhenNoWorker } from './enqueue.js';
import type { Command } from './command.js';
import { isUrl } from './inputs.js';
import { LineWriter } from './output.js';
import { openPipeline } from './pipeline-context.js';

/** Most failures `--all` queues again in one call. */
const MAX_RETRY_ALL = 100_000;

export const retryCommand: Command = {
  name: 'retry',
  usage: 'claimfeed retry [--json] [--config FILE] --all | ARTICLE_ID|URL...',
  summary: 'Queue failed articles again (first recording articles whose job failed or vanished as failed)',
  async run(argv) {
    const args = parseArgs(argv, ['all', 'json'], ['config']);
    const all = args.flags.has('all');
    if (all === (args.positionals.length > 0)) throw new ClaimfeedError('USAGE', 'give --all, or the article ids or URLs to retry');
    const context = await openPipeline(args);
    try {
      const { pipeline, config } = context;
      // Articles left in flight by a lost job become failures first, so they are retried too.
      const { reconcileArticles } = await import('../workers/reconciler.js');
      const lost = await reconcileArticles(pipeline, { graceMs: config.queue.reconcileGraceMs, ...(all ? { limit: MAX_RETRY_ALL } : { ids: toIds(args.positionals, config.dedup.trackingParams) }) });
      const ids = all ? (await pipeline.store.listFailures({ limit: MAX_RETRY_ALL })).map((failure) => failure.articleId) : toIds(args.positionals, config.dedup.trackingParams);
      const report = await pipeline.retryFailed(ids);
      const out = new LineWriter(1);
      if (args.flags.has('json')) out.json({ ...report, lost });
      else {
        for (const article of lost) process.stderr.write(`recorded as failed: ${article.url}: ${article.reason}\n`);
        for (const result of report.results) {
          if (result.outcome === 'rejected') process.stderr.write(`not retried ${result.input}: ${result.error?.code}: ${result.error?.message}\n`);
        }
        out.line(`requeued ${report.accepted}, not retried ${report.rejected + report.duplicate}`);
      }
      out.flush();
      if (report.accepted > 0) await warnWhenNoWorker(pipeline, 'retry');
      return report.rejected > 0 && report.accepted === 0 ? 1 : 0;
    } finally {
      await context.close();
    }
  },
};

function toIds(inputs: readonly string[], trackingParams: readonly string[]): string[] {
  return inputs.map((input) => (isUrl(input) ? articleIdForUrl(input, trackingParams) : input));
}

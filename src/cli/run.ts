import { ClaimfeedError, toClaimfeedError } from '../errors.js';
import type { EnqueueResult } from '../queue/pipeline.js';
import type { ArticleView } from '../store/articles.js';
import { startWorkers } from '../workers/run-workers.js';
import { parseArgs } from './args.js';
import { claimText } from './feed.js';
import type { Command } from './command.js';
import { isUrl, loadInput } from './inputs.js';
import { LineWriter } from './output.js';
import { openPipeline } from './pipeline-context.js';

export const runCommand: Command = {
  name: 'run',
  usage: 'claimfeed run [--jsonl] [--refresh] [--config FILE] URL|FILE...',
  summary: 'Queue pages, process them with in-process workers, print their claims and exit',
  async run(argv) {
    const args = parseArgs(argv, ['jsonl', 'refresh', 'verbose'], ['config']);
    if (args.positionals.length === 0) throw new ClaimfeedError('USAGE', 'give at least one URL or HTML file');
    const context = await openPipeline(args, { allowPrivateRedis: true, logLevel: args.flags.has('verbose') ? 'info' : 'warn' });
    const { pipeline } = context;
    const workers = startWorkers(pipeline, { stages: ['fetch', 'process'], logger: context.logger });
    const out = new LineWriter(1);
    let failed = 0;
    try {
      const refresh = args.flags.has('refresh');
      const entries: EnqueueResult[] = [];
      const urls = args.positionals.filter((input) => isUrl(input));
      if (urls.length > 0) entries.push(...(await pipeline.enqueueUrls(urls, { refresh })).results);
      for (const input of args.positionals.filter((item) => !isUrl(item))) {
        try {
          const loaded = await loadInput(input);
          entries.push(await pipeline.enqueueFile(input, loaded.bytes, { refresh }));
        } catch (error) {
          const failure = toClaimfeedError(error);
          entries.push({ input, outcome: 'rejected', articleId: null, url: null, error: { code: failure.code, message: failure.message } });
        }
      }
      for (const entry of entries) {
        if (entry.articleId === null || (entry.outcome === 'rejected' && entry.error)) {
          failed++;
          report(out, entry.input, null, entry.error ?? null, args.flags.has('jsonl'));
          continue;
        }
        const view = await waitForArticle(pipeline.store, entry.articleId);
        if (view?.status === 'failed') failed++;
        report(out, entry.input, view, view?.failure ? { code: view.failure.code, message: view.failure.message } : null, args.flags.has('jsonl'));
      }
    } finally {
      out.flush();
      await workers.close();
      await context.close();
    }
    return failed > 0 ? 1 : 0;
  },
};

async function waitForArticle(store: { getArticle(id: string): Promise<ArticleView | null> }, id: string): Promise<ArticleView | null> {
  for (;;) {
    const view = await store.getArticle(id);
    if (view === null || view.status === 'done' || view.status === 'failed') return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function report(out: LineWriter, input: string, view: ArticleView | null, error: { code: string; message: string } | null, jsonl: boolean): void {
  if (jsonl) {
    if (view === null || error) out.json({ input, articleId: view?.id ?? null, status: view?.status ?? 'rejected', error });
    else for (const claim of view.claims) out.json({ input, ...claim });
    return;
  }
  if (view === null || error) {
    process.stderr.write(`claimfeed run: ${input}: ${error?.code ?? 'NOT_FOUND'}: ${error?.message ?? 'unknown article'}\n`);
    return;
  }
  const duplicate = view.duplicateOf ? `, same story as ${view.duplicateOf}` : '';
  out.line(`==> ${input} <== ${view.status}, ${view.claims.length} claim${view.claims.length === 1 ? '' : 's'}${duplicate}${view.title ? ` · ${view.title}` : ''}`);
  for (const claim of view.claims) out.line(`- ${claimText(claim)}`);
}

import { existsSync } from 'node:fs';
import { ClaimfeedError, toClaimfeedError } from '../errors.js';
import type { RunClaimLine, RunErrorLine } from '../model/lines.js';
import type { EnqueueResult, Pipeline } from '../queue/pipeline.js';
import type { ArticleView } from '../store/articles.js';
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
    const missing = checkRunInputs(args.positionals);
    if (missing.length === args.positionals.length) {
      // Nothing to run: say so for each input without starting Redis or workers.
      for (const error of missing) process.stderr.write(`claimfeed run: ${error.code}: ${error.message}\n`);
      return 1;
    }
    const context = await openPipeline(args, { allowPrivateRedis: true, logLevel: args.flags.has('verbose') ? 'info' : 'warn' });
    const { pipeline } = context;
    const { startWorkers } = await import('../workers/run-workers.js');
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
          report(out, entry.input, null, null, entry.error ?? null, args.flags.has('jsonl'));
          continue;
        }
        const view = await waitForArticle(pipeline, entry.articleId);
        if (view?.status === 'failed') failed++;
        const original = view?.status === 'done' ? await storyOriginal(pipeline, view) : null;
        report(out, entry.input, view, original, view?.failure ? { code: view.failure.code, message: view.failure.message } : null, args.flags.has('jsonl'));
      }
    } finally {
      out.flush();
      await workers.close();
      await context.close();
    }
    return failed > 0 ? 1 : 0;
  },
};

/**
 * Before anything connects: an input that looks like a URL without its scheme is a usage error
 * saying how to write it; missing files are returned (each is reported, the others still run).
 */
function checkRunInputs(inputs: readonly string[]): ClaimfeedError[] {
  const missing: ClaimfeedError[] = [];
  for (const input of inputs) {
    if (isUrl(input) || input === '-' || existsSync(input)) continue;
    if (!/\.(?:html?|xhtml|txt|text|gz)$/i.test(input) && /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]|$)/i.test(input)) {
      throw new ClaimfeedError('USAGE', `"${input}" is not a file; to fetch it as a web page give the full URL: https://${input}`);
    }
    missing.push(new ClaimfeedError('INPUT_NOT_FOUND', `No such file: ${input} (URLs start with http:// or https://)`));
  }
  return missing;
}

/** How often `run` asks whether the job of an article it waits for still exists. */
const LOST_CHECK_MS = 2000;

/**
 * Waits until the article is done or failed. An article whose job failed or vanished without
 * recording it (Redis refused a write) is found by the reconciler, so `run` never waits forever.
 */
async function waitForArticle(pipeline: Pipeline, id: string): Promise<ArticleView | null> {
  let checkedAt = Date.now();
  for (;;) {
    const view = await pipeline.store.getArticle(id);
    if (view === null || view.status === 'done' || view.status === 'failed') return view;
    if (Date.now() - checkedAt >= LOST_CHECK_MS) {
      checkedAt = Date.now();
      const { reconcileArticles } = await import('../workers/reconciler.js');
      const [lost] = await reconcileArticles(pipeline, { graceMs: 0, ids: [id] }).catch(() => []);
      if (lost !== undefined && !lost.recorded) {
        const failure = { articleId: id, url: view.url, code: 'JOB_LOST' as const, message: `${lost.reason} (Redis refused to record it)`, permanent: false, stage: 'process' as const, attempts: 0, at: new Date().toISOString() };
        return { ...view, status: 'failed', failure };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How many duplicate links to follow before giving up (a canonical link may point at a duplicate). */
const MAX_DUPLICATE_HOPS = 5;

/**
 * The article whose claims a duplicate story stands for: the pipeline extracts one story once,
 * so a page recognised as the same story (content hash, canonical URL) has its claims there.
 */
async function storyOriginal(pipeline: Pipeline, view: ArticleView): Promise<ArticleView | null> {
  let current = view;
  for (let hop = 0; hop < MAX_DUPLICATE_HOPS && current.duplicateOf !== null && current.duplicateOf !== view.id; hop++) {
    const next = await waitForArticle(pipeline, current.duplicateOf);
    if (next === null || next.status !== 'done') return null;
    current = next;
  }
  return current === view ? null : current;
}

function report(
  out: LineWriter,
  input: string,
  view: ArticleView | null,
  original: ArticleView | null,
  error: { code: string; message: string } | null,
  jsonl: boolean,
): void {
  const claims = original?.claims ?? view?.claims ?? [];
  if (jsonl) {
    if (view === null || error) out.json({ input, articleId: view?.id ?? null, status: view?.status ?? 'rejected', error } satisfies RunErrorLine);
    // Each claim record keeps the id of the article it was extracted from; `duplicateOf` says why it differs.
    else for (const claim of claims) out.json((original ? { input, duplicateOf: original.id, ...claim } : { input, ...claim }) satisfies RunClaimLine);
    return;
  }
  if (view === null || error) {
    process.stderr.write(`claimfeed run: ${input}: ${error?.code ?? 'NOT_FOUND'}: ${error?.message ?? 'unknown article'}\n`);
    return;
  }
  const duplicate = view.duplicateOf
    ? original
      ? `, same story as ${original.id} (${original.url}), claims from there`
      : `, same story as ${view.duplicateOf} (its claims are no longer stored)`
    : '';
  out.line(`==> ${input} <== ${view.status}, ${claims.length} claim${claims.length === 1 ? '' : 's'}${duplicate}${view.title ? ` · ${view.title}` : ''}`);
  for (const claim of claims) out.line(`- ${claimText(claim)}`);
}

import { setFlagsFromString } from 'node:v8';
import { decodeHtmlBytes } from '../extractors/decode.js';
import { stripArticle } from '../extractors/strip/index.js';
import type { Article } from '../model/article.js';
import { parseArgs } from './args.js';
import type { Command } from './command.js';
import { type BatchHandler, parseJobs, runBatch } from './batch.js';
import type { LineSink } from './output.js';

export const stripCommand: Command = {
  name: 'strip',
  usage: 'claimfeed strip [--jsonl] [--jobs N] FILE|URL|- ...',
  summary: 'Extract the main text and metadata of article pages',
  async run(argv) {
    const args = parseArgs(argv, ['jsonl'], ['jobs']);
    const jobs = parseJobs(args.flags.get('jobs'));
    const jsonl = args.flags.has('jsonl');
    setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${MAX_INLINED_BYTECODE}`);
    // A thread pays start-up and compiler warm-up again (measured: 2 threads lose to 1 on 181
    // pages and win by some 15% on 900 on 2 CPUs).
    return runBatch({ commandName: 'strip', inputs: args.positionals, jsonl, jobs, handlerModule: import.meta.url, minInputsPerThread: 200 });
  },
};

/**
 * Bytecode V8 may inline into one optimised function (its default is 920). A batch of pages runs
 * for seconds, and V8 spends about a third of its CPU time compiling optimised code, most of it
 * on inlining: with this budget it compiles far less while pages run about as fast (some 10%
 * less CPU time for 181 pages and for 663). The flag is process-wide and changes no output.
 */
const MAX_INLINED_BYTECODE = 300;

/** Decode, strip, print: one input's work, on the main thread or a batch thread. */
export async function createBatchHandler(jsonl: boolean): Promise<BatchHandler> {
  return (loaded, out) => {
    const started = performance.now();
    const decoded = decodeHtmlBytes(loaded.bytes, loaded.contentType);
    const article = stripArticle(decoded.chunks, loaded.url === undefined ? {} : { url: loaded.url });
    article.charset = decoded.charset;
    // `ms`: time spent decoding and stripping this page (the benchmark reports it apart from start-up).
    const ms = Math.round((performance.now() - started) * 100) / 100;
    if (jsonl) out.json({ input: loaded.input, ...articleRecord(article), ms });
    else writeReadable(out, loaded.input, article);
  };
}

/** The JSON line shape: title and text first, then the metadata, blocks and the removal log. */
function articleRecord(article: Article): Record<string, unknown> {
  const { title, text, ...rest } = article;
  return { title, text, ...rest };
}

function writeReadable(out: LineSink, input: string, article: Article): void {
  out.line(`==> ${input} <==`);
  if (article.title) out.line(`# ${article.title}`);
  const meta = [article.byline, article.publishedAt, article.siteName].filter((value) => value);
  if (meta.length > 0) out.line(meta.join(' · '));
  out.line('');
  out.line(article.text);
  out.line('');
}

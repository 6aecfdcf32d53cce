import { toClaimfeedError } from '../errors.js';
import { decodeHtmlBytes } from '../extractors/decode.js';
import { stripArticle } from '../extractors/strip/index.js';
import type { Article } from '../model/article.js';
import { parseArgs } from './args.js';
import type { Command } from './command.js';
import { loadInput } from './inputs.js';
import { LineWriter } from './output.js';

export const stripCommand: Command = {
  name: 'strip',
  usage: 'claimfeed strip [--jsonl] FILE|URL|- ...',
  summary: 'Extract the main text and metadata of article pages',
  async run(argv) {
    const args = parseArgs(argv, ['jsonl'], []);
    const jsonl = args.flags.has('jsonl');
    const out = new LineWriter(1);
    let failed = 0;
    for (const input of args.positionals) {
      try {
        const loaded = await loadInput(input);
        const decoded = decodeHtmlBytes(loaded.bytes, loaded.contentType);
        const article = stripArticle(decoded.html, loaded.url === undefined ? {} : { url: loaded.url });
        article.charset = decoded.charset;
        if (jsonl) out.json({ input, ...articleRecord(article) });
        else writeReadable(out, input, article);
      } catch (error) {
        failed++;
        const failure = toClaimfeedError(error);
        if (jsonl) out.json({ input, error: { code: failure.code, message: failure.message } });
        else process.stderr.write(`claimfeed strip: ${input}: ${failure.code}: ${failure.message}\n`);
      }
    }
    out.flush();
    return failed > 0 ? 1 : 0;
  },
};

/** The JSON line shape: flat metadata first, then text, blocks and the removal log. */
export function articleRecord(article: Article): Omit<Article, never> {
  return article;
}

function writeReadable(out: LineWriter, input: string, article: Article): void {
  out.line(`==> ${input} <==`);
  if (article.title) out.line(`# ${article.title}`);
  const meta = [article.byline, article.publishedAt, article.siteName].filter((value) => value);
  if (meta.length > 0) out.line(meta.join(' · '));
  out.line('');
  out.line(article.text);
  out.line('');
}

import { ClaimfeedError } from '../errors.js';
import { decodeHtmlBytes } from '../extractors/decode.js';
import { stripArticle } from '../extractors/strip/index.js';
import { detectLanguage } from '../extractors/strip/language.js';
import { loadStripRules } from '../rules/strip-rules.js';
import { stableId } from '../extractors/text/hash.js';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../model/article.js';
import { claimArticleOf } from '../model/claim-article.js';
import type { ExtractResultLine } from '../model/lines.js';
import type { ClaimExtraction } from '../model/claim.js';
import { parseArgs } from './args.js';
import type { Command } from './command.js';
import { type BatchHandler, parseJobs, runBatch } from './batch.js';
import type { LoadedInput } from './inputs.js';
import type { LineSink } from './output.js';

export const extractCommand: Command = {
  name: 'extract',
  usage: 'claimfeed extract [--jsonl] [--jobs N] FILE|URL|- ...',
  summary: 'Extract figures, actors, attributions and claim records from articles (.txt files are taken as article text)',
  async run(argv) {
    const args = parseArgs(argv, ['jsonl'], ['jobs']);
    if (args.positionals.length === 0) throw new ClaimfeedError('USAGE', 'give at least one FILE, URL or -');
    const jobs = parseJobs(args.flags.get('jobs'));
    const jsonl = args.flags.has('jsonl');
    // A thread builds its own word lexicon (about a second, the time of some 200 articles).
    return runBatch({ commandName: 'extract', inputs: args.positionals, jsonl, jobs, handlerModule: import.meta.url, minInputsPerThread: 200 });
  },
};

/** Strip (HTML), extract, print: one input's work, on the main thread or a batch thread. */
export async function createBatchHandler(jsonl: boolean): Promise<BatchHandler> {
  // Loaded here, not at the top: the word lexicon takes a second to build and only this
  // command needs it, so other commands start fast.
  const { extractClaims } = await import('../extractors/claims/index.js');
  return (loaded, out) => {
    const fetchedAt = new Date().toISOString();
    const article = articleOf(loaded);
    const articleId = articleIdOf(loaded);
    const context = claimArticleOf(articleId, article, { url: sourceUrlOf(loaded), fetchedAt });
    const extraction = extractClaims(article.text, { articleId, article: context, languageRead: true });
    if (jsonl) out.json(extractionRecord(loaded.input, article, extraction));
    else writeReadable(out, loaded.input, extraction);
  };
}

/** HTML is stripped first; a text input is the article text exactly as given. */
function articleOf(loaded: LoadedInput): Article {
  if (loaded.format === 'html') {
    const decoded = decodeHtmlBytes(loaded.bytes, loaded.contentType);
    const article = stripArticle(decoded.chunks, loaded.url === undefined ? {} : { url: loaded.url });
    article.charset = decoded.charset;
    return article;
  }
  const text = decodeText(loaded);
  return {
    url: null,
    title: null,
    byline: null,
    publishedAt: null,
    modifiedAt: null,
    siteName: null,
    // the same reading of the text's language as a page's, so the output says what the claims were read in
    language: { declared: null, detected: detectLanguage(text, loadStripRules().languages) },
    canonicalUrl: null,
    text,
    blocks: [],
    removed: [],
    sources: {},
  };
}

function decodeText(loaded: LoadedInput): string {
  const bytes = loaded.bytes;
  if (bytes.length === 0) throw new ClaimfeedError('INPUT_EMPTY', `Empty input: ${loaded.input}`);
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) if (byte === 0 || (byte < 9 && byte !== 0)) control++;
  if (control > 0 && control / sample.length > 0.001) throw new ClaimfeedError('INPUT_BINARY', `Not text (binary bytes): ${loaded.input}`);
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  const replacements = (text.slice(0, 8192).match(/\uFFFD/g) ?? []).length;
  if (replacements > 16 && replacements / Math.min(text.length, 8192) > 0.01) throw new ClaimfeedError('INPUT_BINARY', `Not UTF-8 text: ${loaded.input}`);
  return text;
}

/** A URL input's URL, a file's `file://` URL; standard input has none. */
function sourceUrlOf(loaded: LoadedInput): string | null {
  if (loaded.url !== undefined) return loaded.url;
  return loaded.input === '-' ? null : pathToFileURL(resolve(loaded.input)).href;
}

function articleIdOf(loaded: LoadedInput): string {
  return stableId('article-', loaded.url ?? loaded.input);
}

/** The JSON line: the article's metadata (without the text), then the layers in the benchmark shape. */
function extractionRecord(input: string, article: Article, extraction: ClaimExtraction): ExtractResultLine {
  const { text, blocks, removed, ...metadata } = article;
  void blocks;
  void removed;
  return {
    input,
    article: { ...metadata, textLength: text.length },
    figures: extraction.figures,
    actors: extraction.actors,
    attributions: extraction.attributions,
    embeddedAttributions: extraction.embeddedAttributions,
    claims: extraction.claims,
    rejected: extraction.rejected,
  };
}

function writeReadable(out: LineSink, input: string, extraction: ClaimExtraction): void {
  out.line(`==> ${input} <==`);
  for (const claim of extraction.claims) {
    const who = claim.speaker ? `${claim.speaker.text}${claim.speakerActor ? ` [${claim.speakerActor.canonical}]` : ''}` : '-';
    out.line(`${claim.kind === 'attributed' ? 'SAID' : 'FIG '} ${who} | ${claim.cue?.text ?? '-'} | ${claim.content?.text ?? ''}`);
  }
  out.line('');
}

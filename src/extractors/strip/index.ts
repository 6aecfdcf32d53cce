import type { Article, ArticleBlock } from '../../model/article.js';
import type { TextBlock } from './blocks.js';
import { checkInput } from './input-checks.js';
import { detectLanguage, type CompiledLanguages } from './language.js';
import { articleEmpty, extractMain } from './main-text.js';
import { extractMetadata } from './metadata.js';
import { closeTitle, parseDocument } from './parse.js';
import type { CompiledBoilerplate } from './rules.js';
import { loadStripRules } from '../../rules/strip-rules.js';
import type { StripThresholds } from './thresholds.js';

export interface StripRules {
  boilerplate: CompiledBoilerplate;
  thresholds: StripThresholds;
  languages: CompiledLanguages;
}

export interface StripOptions {
  /** The page URL, used for URL date patterns and resolving the canonical URL. */
  url?: string;
  /** Compiled rule tables; by default those of config/ (src/rules/strip-rules.ts loads them once). */
  rules?: StripRules;
}

/**
 * A page's HTML: one string, or consecutive pieces of it (as `decodeHtmlBytes` gives them),
 * which are parsed piece by piece without joining them into one large string.
 */
export type HtmlText = string | readonly string[];

/**
 * HTML in, article out. Pure: no I/O, no logging. Every block the stripper drops is in
 * `removed` with the id of the rule (config/boilerplate.json) or threshold that dropped it.
 * Throws INPUT_EMPTY for an empty page, INPUT_BINARY for bytes that are not text,
 * INPUT_TOO_DEEP for markup nested deeper than the `maxNestingDepth` threshold and
 * ARTICLE_EMPTY, with the steps tried, when no step finds `minArticleChars` of text.
 */
export function stripArticle(html: HtmlText, options: StripOptions = {}): Article {
  const rules = options.rules ?? loadStripRules();
  const thresholds = rules.thresholds;
  const source = checkInput(typeof html === 'string' ? [html] : html, thresholds);
  const url = options.url ?? null;
  let document = parseDocument(source, thresholds.maxNestingDepth);
  let metadata = extractMetadata(document, url);
  if (metadata.title !== null && (metadata.title.length > thresholds.maxTitleChars || /<\/?[a-z]/i.test(metadata.title))) {
    // An unclosed <title> swallows the page as raw text: close it and parse again.
    document = parseDocument([closeTitle(source.join(''))], thresholds.maxNestingDepth);
    metadata = extractMetadata(document, url);
  }
  let result = extractMain(document, rules, metadata.title, true);
  const tried = [...result.tried];
  if (result.chars < thresholds.recallMinChars && (result.ruleRemovedChars > result.chars || result.chars < thresholds.minArticleChars)) {
    // The rules may have removed the article itself (a wrapper named like a widget): retry
    // with the element rules off and keep whichever finds more text.
    const retry = extractMain(parseDocument(source, thresholds.maxNestingDepth), rules, metadata.title, false);
    tried.push(...retry.tried.map((step) => ({ ...step, step: `${step.step} without element rules` })));
    if (retry.chars > result.chars * 2 || (result.chars < thresholds.minArticleChars && retry.chars >= thresholds.minArticleChars)) result = retry;
  }
  if (result.chars < thresholds.minArticleChars) throw articleEmpty(result, tried, thresholds);
  const { text, blocks } = joinBlocks(result.blocks);
  return {
    url,
    title: metadata.title,
    byline: metadata.byline,
    publishedAt: metadata.publishedAt,
    modifiedAt: metadata.modifiedAt,
    siteName: metadata.siteName,
    language: { declared: metadata.declaredLanguage, detected: detectLanguage(text, rules.languages, metadata.declaredLanguage) },
    canonicalUrl: metadata.canonicalUrl,
    text,
    blocks,
    removed: result.removed,
    sources: metadata.sources,
  };
}

function joinBlocks(kept: readonly TextBlock[]): { text: string; blocks: ArticleBlock[] } {
  const blocks: ArticleBlock[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const block of kept) {
    if (parts.length > 0) offset += 2;
    blocks.push({ kind: block.kind, text: block.text, start: offset, end: offset + block.text.length });
    parts.push(block.text);
    offset += block.text.length;
  }
  return { text: parts.join('\n\n'), blocks };
}

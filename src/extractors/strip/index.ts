import * as cheerio from 'cheerio';
import { parseDocument } from 'htmlparser2';
import type { Article, ArticleBlock } from '../../model/article.js';

export interface StripOptions {
  /** The page URL, used for URL date patterns and resolving the canonical URL. */
  url?: string;
}

/** HTML in, article out. Pure: no I/O, no logging. */
export function stripArticle(html: string, options: StripOptions = {}): Article {
  const $ = cheerio.load(parseDocument(html));
  $('script, style, noscript, nav, footer, header, aside, form').remove();
  const texts: string[] = [];
  $('p').each((_, element) => {
    const text = $(element).text().replace(/\s+/g, ' ').trim();
    if (text) texts.push(text);
  });
  const blocks: ArticleBlock[] = [];
  let offset = 0;
  for (const text of texts) {
    blocks.push({ kind: 'paragraph', text, start: offset, end: offset + text.length });
    offset += text.length + 2;
  }
  const title = $('title').first().text().trim() || null;
  return {
    url: options.url ?? null,
    title,
    byline: null,
    publishedAt: null,
    modifiedAt: null,
    siteName: null,
    language: { declared: $('html').attr('lang') ?? null, detected: null },
    canonicalUrl: $('link[rel=canonical]').attr('href') ?? null,
    text: texts.join('\n\n'),
    blocks,
    removed: [],
    sources: title ? { title: 'title-element' } : {},
  };
}

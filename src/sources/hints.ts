import type { Article } from '../model/article.js';
import { isRecord } from '../rules/table.js';
import { readStoredJson } from '../store/stored-json.js';

/** What a feed said about an article it listed, kept until the page is processed. */
export interface SourceHint {
  sourceId: string;
  title: string | null;
  publishedAt: string | null;
}

export function parseSourceHint(text: string | null): SourceHint | null {
  const value = readStoredJson(text);
  if (!isRecord(value) || typeof value.sourceId !== 'string') return null;
  return {
    sourceId: value.sourceId,
    title: typeof value.title === 'string' ? value.title : null,
    publishedAt: typeof value.publishedAt === 'string' ? value.publishedAt : null,
  };
}

/**
 * Fills the title and publication date the page itself does not give from its feed item. The
 * page's own metadata wins; `sources` says "feed" where the hint was used.
 */
export function applySourceHint(article: Article, hint: SourceHint | null): Article {
  if (hint === null) return article;
  const sources = { ...article.sources };
  let { title, publishedAt } = article;
  if (title === null && hint.title !== null) {
    title = hint.title;
    sources.title = 'feed';
  }
  if (publishedAt === null && hint.publishedAt !== null) {
    publishedAt = hint.publishedAt;
    sources.publishedAt = 'feed';
  }
  return { ...article, title, publishedAt, sources };
}

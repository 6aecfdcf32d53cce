import type { Document, Element } from 'domhandler';
import { childElements, firstChild, localName, rootElement, textOf } from './xml.js';
import type { RawItem } from './feed-formats.js';

export type RawSitemap =
  | { kind: 'urlset'; googleNews: boolean; items: RawItem[] }
  | { kind: 'index'; sitemaps: Array<{ link: string | null; date: string | null }> };

/**
 * sitemaps.org `<urlset>` (with Google News `<news:news>`: its publication date and title win
 * over `<lastmod>`) or `<sitemapindex>`; null for other roots.
 */
export function readSitemap(document: Document): RawSitemap | null {
  const root = rootElement(document);
  if (root === undefined) return null;
  const name = localName(root);
  if (name === 'sitemapindex') {
    return {
      kind: 'index',
      sitemaps: childElements(root)
        .filter((element) => localName(element) === 'sitemap')
        .map((entry) => ({ link: textOf(firstChild(entry, 'loc')), date: textOf(firstChild(entry, 'lastmod')) })),
    };
  }
  if (name !== 'urlset') return null;
  let googleNews = false;
  const items = childElements(root)
    .filter((element) => localName(element) === 'url')
    .map((entry): RawItem => {
      const news = newsElement(entry);
      if (news !== undefined) googleNews = true;
      return {
        link: textOf(firstChild(entry, 'loc')),
        title: news ? textOf(firstChild(news, 'title')) : null,
        date: (news ? textOf(firstChild(news, 'publication_date')) : null) ?? textOf(firstChild(entry, 'lastmod')),
      };
    });
  return { kind: 'urlset', googleNews, items };
}

function newsElement(entry: Element): Element | undefined {
  return childElements(entry).find((element) => element.name.includes(':') && localName(element) === 'news');
}

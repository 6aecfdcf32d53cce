import { parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { resolveHttpUrl } from './items.js';

/** Media types of feeds a page may announce with `<link rel="alternate">`, in order of preference. */
const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/rdf+xml', 'application/json'] as const;

/**
 * Feed URLs a site or section page announces (`<link rel="alternate" type="application/rss+xml"
 * href>` and the Atom, JSON Feed and RDF kinds), resolved against the page URL (or its `<base>`),
 * in page order with RSS and Atom before JSON. Pure.
 */
export function feedLinksFromHtml(html: string, pageUrl: string): string[] {
  const document = parseDocument(html.slice(0, 512 * 1024));
  const found: Array<{ url: string; rank: number; order: number }> = [];
  let base = pageUrl;
  let order = 0;
  const visit = (node: Document | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'tag') continue;
      const element = child as Element;
      if (element.name === 'base' && element.attribs.href) {
        const resolved = resolveHttpUrl(element.attribs.href, pageUrl);
        if (resolved !== 'missing' && resolved !== 'bad-scheme') base = resolved;
      }
      if (element.name === 'link') {
        const rels = (element.attribs.rel ?? '').toLowerCase().split(/\s+/);
        const type = (element.attribs.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
        const rank = (FEED_TYPES as readonly string[]).indexOf(type);
        if (rels.includes('alternate') && rank !== -1 && element.attribs.href) {
          const url = resolveHttpUrl(element.attribs.href, base);
          if (url !== 'missing' && url !== 'bad-scheme') found.push({ url, rank, order: order++ });
        }
      }
      if (element.name !== 'body') visit(element);
    }
  };
  visit(document);
  found.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return [...new Set(found.map((entry) => entry.url))];
}

/** `Sitemap:` lines of a robots.txt (they apply to every user agent), news sitemaps first. */
export function sitemapsFromRobots(text: string, robotsUrl: string): string[] {
  const urls: string[] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    const match = /^\s*sitemap\s*:\s*(\S+)/i.exec(line.replace(/#.*$/, ''));
    if (!match?.[1]) continue;
    const url = resolveHttpUrl(match[1], robotsUrl);
    if (url !== 'missing' && url !== 'bad-scheme' && !urls.includes(url)) urls.push(url);
  }
  return urls.map((url, index) => ({ url, index })).sort((a, b) => newsRank(a.url) - newsRank(b.url) || a.index - b.index).map(({ url }) => url);
}

function newsRank(url: string): number {
  return /news/i.test(new URL(url).pathname) ? 0 : 1;
}

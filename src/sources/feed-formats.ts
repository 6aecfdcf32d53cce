import type { Document, Element } from 'domhandler';
import { childElements, firstChild, localName, rootElement, textOf } from './xml.js';
import type { FeedFormat } from './types.js';

/** An item as the document states it: the link may be relative, missing or not http. */
export interface RawItem {
  link: string | null;
  title: string | null;
  date: string | null;
}

export interface RawFeed {
  format: FeedFormat;
  title: string | null;
  items: RawItem[];
}

/** RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom 1.0 from a parsed XML document; null for other roots. */
export function readXmlFeed(document: Document): RawFeed | null {
  const root = rootElement(document);
  if (root === undefined) return null;
  const name = localName(root);
  if (name === 'rss') return readRss(root);
  if (name === 'rdf') return readRdf(root);
  if (name === 'feed') return readAtom(root);
  return null;
}

function readRss(root: Element): RawFeed {
  const channel = firstChild(root, 'channel');
  const items = channel ? childElements(channel).filter((element) => localName(element) === 'item') : [];
  return {
    format: 'rss',
    title: channel ? textOf(firstChild(channel, 'title')) : null,
    items: items.map((item) => ({
      link: textOf(firstChild(item, 'link')) ?? permalinkGuid(item),
      title: textOf(firstChild(item, 'title')),
      date: textOf(firstChild(item, 'pubdate')) ?? textOf(firstChild(item, 'date')),
    })),
  };
}

/** A guid is the article's address unless it says `isPermaLink="false"`. */
function permalinkGuid(item: Element): string | null {
  const guid = firstChild(item, 'guid');
  if (guid === undefined || guid.attribs.isPermaLink === 'false' || guid.attribs.ispermalink === 'false') return null;
  const text = textOf(guid);
  return text !== null && /^https?:\/\//i.test(text) ? text : null;
}

/** RSS 1.0: items are siblings of the channel; `rdf:about` names the item when `<link>` is absent. */
function readRdf(root: Element): RawFeed {
  const channel = firstChild(root, 'channel');
  const items = childElements(root).filter((element) => localName(element) === 'item');
  return {
    format: 'rdf',
    title: channel ? textOf(firstChild(channel, 'title')) : null,
    items: items.map((item) => ({
      link: textOf(firstChild(item, 'link')) ?? item.attribs['rdf:about'] ?? null,
      title: textOf(firstChild(item, 'title')),
      date: textOf(firstChild(item, 'date')),
    })),
  };
}

function readAtom(root: Element): RawFeed {
  const entries = childElements(root).filter((element) => localName(element) === 'entry');
  return {
    format: 'atom',
    title: textOf(firstChild(root, 'title')),
    items: entries.map((entry) => ({
      link: atomLink(entry),
      title: textOf(firstChild(entry, 'title')),
      date: textOf(firstChild(entry, 'published')) ?? textOf(firstChild(entry, 'updated')),
    })),
  };
}

/** The entry's `rel="alternate"` link (no rel means alternate), an HTML one first. */
function atomLink(entry: Element): string | null {
  const alternates = childElements(entry).filter((element) => localName(element) === 'link' && (element.attribs.rel ?? 'alternate') === 'alternate' && element.attribs.href);
  const html = alternates.find((element) => /html/i.test(element.attribs.type ?? 'text/html'));
  return (html ?? alternates[0])?.attribs.href ?? null;
}

import { TextDecoder } from 'node:util';
import { DomHandler, type Document, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';
import { ClaimfeedError } from '../errors.js';

/**
 * A tolerant XML reader for feeds and sitemaps with the checks a strict parser would make
 * where they matter: entity declarations are refused outright (no DTD is ever expanded, so
 * "billion laughs" documents cannot grow), an element left unclosed or closed out of order is
 * malformed, and an HTML page served in place of a feed is named as such.
 */
export function parseXml(text: string, url: string): Document {
  const head = text.slice(0, 4096);
  const rootStart = text.search(/<[A-Za-z_]/);
  const prolog = rootStart === -1 ? text : text.slice(0, rootStart);
  if (/<!ENTITY/i.test(prolog)) {
    throw new ClaimfeedError('SOURCE_ENTITY_DECLARATION', `Refused a document that declares XML entities (they are never expanded): ${url}`);
  }
  if (looksLikeHtml(head)) throw new ClaimfeedError('SOURCE_HTML_NOT_FEED', `Got an HTML page where a feed or sitemap was expected: ${url}`);
  const handler = new CheckedHandler(text);
  const parser = new Parser(handler, { xmlMode: true, decodeEntities: true });
  handler.xmlParser = parser;
  parser.end(text);
  if (handler.malformedAt !== null) {
    throw new ClaimfeedError('SOURCE_MALFORMED', `Malformed XML (<${handler.malformedAt.name}> not closed properly, near byte ${handler.malformedAt.offset}): ${url}`, {
      details: handler.malformedAt,
    });
  }
  return handler.root;
}

/** HTML rather than XML: a doctype or an <html> root before any XML root element. */
export function looksLikeHtml(head: string): boolean {
  const start = head.replace(/^\uFEFF/, '').replace(/^(\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->)*/i, '');
  return /^<!doctype\s+html/i.test(start) || /^<html[\s>]/i.test(start);
}

/** The element's name without its namespace prefix, lower-cased ("news:Title" → "title"). */
export function localName(element: Element): string {
  const name = element.name;
  const colon = name.indexOf(':');
  return (colon === -1 ? name : name.slice(colon + 1)).toLowerCase();
}

export function childElements(element: Element | Document): Element[] {
  const out: Element[] = [];
  for (const child of element.children) if (child.type === 'tag') out.push(child as Element);
  return out;
}

export function firstChild(element: Element, name: string): Element | undefined {
  for (const child of element.children) if (child.type === 'tag' && localName(child as Element) === name) return child as Element;
  return undefined;
}

/** Text of the element and its descendants (CDATA included), whitespace collapsed. */
export function textOf(element: Element | undefined): string | null {
  if (element === undefined) return null;
  const parts: string[] = [];
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (child.type === 'text') parts.push(child.data);
      else if (child.type === 'cdata' || child.type === 'tag') walk(child as Element);
    }
  };
  walk(element);
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

export function rootElement(document: Document): Element | undefined {
  return childElements(document)[0];
}

/** Bytes to text: a byte order mark, then the XML declaration's encoding, then UTF-8. */
export function decodeXmlBytes(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString('utf8', 3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(bytes.toString('latin1', 0, 200))?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An encoding label we do not know: read as UTF-8, which most such documents really are.
    }
  }
  return bytes.toString('utf8');
}

/**
 * Builds the tree and notes the first element that was closed implicitly: at the end of the
 * document (truncated) or by a close tag of an ancestor (crossed nesting). Self-closing tags
 * are closed "implicitly" too, and are told apart by the `/>` they end with.
 */
class CheckedHandler extends DomHandler {
  xmlParser: Parser | null = null;
  malformedAt: { name: string; offset: number } | null = null;

  constructor(private readonly source: string) {
    super(undefined, { withStartIndices: false, withEndIndices: false, xmlMode: true });
  }

  override onclosetag(name?: string, isImplied?: boolean): void {
    if (isImplied && this.malformedAt === null && this.xmlParser !== null) {
      const end = this.xmlParser.endIndex;
      const selfClosing = this.source[end] === '>' && this.source[end - 1] === '/';
      if (!selfClosing) this.malformedAt = { name: name ?? '?', offset: end };
    }
    super.onclosetag();
  }
}

import type { AnyNode, Document, ParentNode } from 'domhandler';
import { DomHandler, Element } from 'domhandler';
import { Parser } from 'htmlparser2';
import { ClaimfeedError } from '../../errors.js';

/**
 * Parsing a page into the tree a browser would build. htmlparser2 builds the tree the markup
 * spells out; browsers imply what it leaves out (HTML lets a page omit `<html>`, `<head>` and
 * `<body>`) and repair what it gets wrong. The cases that lose article text when taken
 * literally:
 * - no `<body>` tag, or no `</head>`: the text ends up inside `<head>` (dropped whole) or
 *   beside it; a browser closes the head at the first element that does not belong there
 *   and opens the body;
 * - a `<body>` tag inside an unclosed element (`<div>` before `<body>`): a browser keeps
 *   the element and merges the second body into the first;
 * - text after `</body>` or `</html>`: a browser still puts it in the body.
 */

/** Elements a browser keeps in `<head>`; any other element, or text, opens the body. */
const HEAD_TAGS: ReadonlySet<string> = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'title', 'noscript', 'noframes', 'style', 'script', 'template']);

const STRUCTURE_TAGS: ReadonlySet<string> = new Set(['html', 'head', 'body']);

const NON_SPACE = /[^ \t\n\r\f]/;

/**
 * DomHandler that leaves comments out, refuses markup nested deeper than `maxDepth` elements
 * as soon as it sees it, and notes every `html`, `head` and `body` element it builds.
 */
class PageHandler extends DomHandler {
  readonly structure: Element[] = [];

  constructor(private readonly maxDepth: number) {
    super();
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    if (this.tagStack.length > this.maxDepth) throw new ClaimfeedError('INPUT_TOO_DEEP', `The markup is nested more than ${this.maxDepth} elements deep`);
    if (STRUCTURE_TAGS.has(name)) this.structure.push(this.tagStack[this.tagStack.length - 1] as Element);
  }

  // Comments never hold article text: not building them saves nodes on every page.
  override oncomment(): void {}
  override oncommentend(): void {}
}

/**
 * Parses the pieces in order, as a stream (no piece is copied into a larger string), and
 * gives the tree `document > html > (head, body)` a browser would build.
 */
export function parseDocument(chunks: readonly string[], maxDepth: number): Document {
  const handler = new PageHandler(maxDepth);
  const parser = new Parser(handler);
  for (const chunk of chunks) parser.write(chunk);
  parser.end();
  const document = handler.root;
  if (!isBrowserShaped(document, handler.structure)) imposeBrowserStructure(document, handler.structure);
  return document;
}

/** Whether the tree already is `html > (head?, body)` with only head elements in the head: most pages. */
function isBrowserShaped(document: Document, structure: readonly Element[]): boolean {
  const [html, second, third] = structure;
  if (html?.name !== 'html' || html.parent !== document) return false;
  const head = second?.name === 'head' ? second : null;
  const body = head ? third : second;
  if (body?.name !== 'body' || body.parent !== html || structure.length !== (head ? 3 : 2)) return false;
  if (head && head.parent !== html) return false;
  for (const node of document.children) if (node !== html && node.type !== 'directive' && !isBlank(node)) return false;
  for (const node of html.children) if (node !== head && node !== body && !isBlank(node)) return false;
  if (head) for (const node of head.children) if (!isBlank(node) && !(node.type !== 'text' && 'name' in node && HEAD_TAGS.has(node.name))) return false;
  return true;
}

function isBlank(node: AnyNode): boolean {
  return (node.type === 'text' && !NON_SPACE.test(node.data)) || node.type === 'comment';
}

/**
 * Rebuilds `document > html > (head, body)` as a browser's tree construction would: head
 * elements until the first other element or text, everything after in the body, whatever
 * `html`/`head`/`body` tags said; stray `html`/`head`/`body` elements deeper in the tree
 * give their children to their parent, and their attributes to the first of their kind.
 */
function imposeBrowserStructure(document: Document, structure: readonly Element[]): void {
  const consumed = new Set<Element>();
  const top: AnyNode[] = [];
  const headNodes: AnyNode[] = [];
  const bodyNodes: AnyNode[] = [];
  let inBody = false;
  // Depth-first over the document and the structure elements directly inside one another.
  const pending: AnyNode[][] = [[...document.children].reverse()];
  while (pending.length > 0) {
    const nodes = pending[pending.length - 1] as AnyNode[];
    const node = nodes.pop();
    if (node === undefined) {
      pending.pop();
      continue;
    }
    if (node.type === 'tag' && STRUCTURE_TAGS.has(node.name)) {
      consumed.add(node);
      if (node.name === 'body') inBody = true;
      pending.push([...node.children].reverse());
      continue;
    }
    if (node.type === 'directive') top.push(node);
    else if (!inBody && isBlank(node)) continue;
    else if (!inBody && node.type !== 'text' && 'name' in node && HEAD_TAGS.has(node.name)) headNodes.push(node);
    else {
      inBody = true;
      bodyNodes.push(node);
    }
  }
  // The first of each kind met at the top stays; one nested in content cannot (it would hold itself).
  const first = (name: string): Element => {
    for (const element of consumed) if (element.name === name) return element;
    return new Element(name, {});
  };
  const targets = new Map([['html', first('html')], ['head', first('head')], ['body', first('body')]]);
  for (const element of structure) mergeAttributes(targets.get(element.name) as Element, element);
  const [html, head, body] = [...targets.values()] as [Element, Element, Element];
  adopt(document, [...top, html]);
  adopt(html, [head, body]);
  adopt(head, headNodes);
  adopt(body, bodyNodes);
  // Those left are inside content (`<div><body>`): unwrapped where they stand.
  for (const element of structure) if (!consumed.has(element)) replaceWithChildren(element);
}

/** A browser adds a repeated `<html>`/`<body>` tag's attributes the first one lacks. */
function mergeAttributes(target: Element, source: Element): void {
  if (target === source) return;
  for (const [name, value] of Object.entries(source.attribs)) if (!(name in target.attribs)) target.attribs[name] = value;
}

/** Makes `nodes` the children of `parent`, in order, with their sibling links. */
function adopt(parent: ParentNode, nodes: AnyNode[]): void {
  parent.children = nodes;
  let previous: AnyNode | null = null;
  for (const node of nodes) {
    node.parent = parent;
    node.prev = previous;
    if (previous) previous.next = node;
    previous = node;
  }
  if (previous) previous.next = null;
}

function replaceWithChildren(element: Element): void {
  const parent = element.parent;
  if (parent === null) return;
  const siblings = parent.children;
  const index = siblings.indexOf(element);
  if (index === -1) return;
  adopt(parent, [...siblings.slice(0, index), ...element.children, ...siblings.slice(index + 1)]);
  element.children = [];
  element.parent = null;
}

/** Inserts `</title>` where an unclosed title's text meets the next tag. */
export function closeTitle(html: string): string {
  const open = /<title\b[^>]*>/i.exec(html);
  if (!open) return html;
  const start = open.index + open[0].length;
  const next = html.indexOf('<', start);
  return next === -1 ? `${html}</title>` : `${html.slice(0, next)}</title>${html.slice(next)}`;
}

/**
 * A string from a page's script text ("&#8217;", "&#163;71.6m", "Fish &amp; Chips") with its
 * character references decoded, as the same words in the page's markup would be. A "<" stays a
 * character: it is escaped first so that nothing in the string is read as a tag.
 */
export function decodeCharacterReferences(text: string | null): string | null {
  if (text === null || !text.includes('&')) return text;
  let decoded = '';
  const parser = new Parser({ ontext: (data) => { decoded += data; } }, { decodeEntities: true });
  parser.end(text.replace(/</g, '&lt;'));
  return decoded.trim() || null;
}

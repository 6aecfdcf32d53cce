import type { AnyNode, Element, ParentNode } from 'domhandler';
import type { BlockKind } from '../../model/article.js';
import { collapsedLength, collapseSpace, isElement, rawText } from './dom.js';
import { HEADING_TAGS } from './rules.js';

/** A run of inline text between block boundaries, with the block element that holds it. */
export interface TextBlock {
  /** Position in document order. */
  index: number;
  owner: Element;
  kind: BlockKind;
  text: string;
  /** Characters of `text`, and of the part of it inside links. */
  chars: number;
  linkChars: number;
}

const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend',
  'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** A block with no letter or digit (a lone bullet, a non-breaking space) carries no text. */
const HAS_WORD = /[\p{L}\p{N}]/u;

const LIST_ITEM_TAGS: ReadonlySet<string> = new Set(['li', 'dt', 'dd']);

/**
 * Splits a subtree into text blocks in document order. `<br>` becomes a line break inside a
 * block; `<pre>` keeps its whitespace. Iterative, so nesting depth does not matter.
 */
export function extractBlocks(root: ParentNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  const owners: Element[] = [];
  let parts: string[] = [];
  /** Whether the gathered run holds anything but whitespace (most runs between blocks do not). */
  let hasContent = false;
  let linkChars = 0;
  let linkDepth = 0;
  let preDepth = 0;
  let quoteDepth = 0;
  const rootOwner = isElement(root as AnyNode) ? (root as Element) : null;

  const flush = (owner: Element | null): void => {
    if (parts.length === 0) return;
    const content = hasContent;
    const raw = content ? parts.join('') : '';
    parts = [];
    hasContent = false;
    const links = linkChars;
    linkChars = 0;
    if (owner === null || !content) return;
    const shaped = preDepth > 0 ? raw.replaceAll(LINE_BREAK, '\n').replace(/^\n+|\s+$/g, '') : normaliseLines(raw);
    // Soft hyphens only say where a word may break; in the text they would split it.
    const text = shaped.includes(SOFT_HYPHEN) ? shaped.replaceAll(SOFT_HYPHEN, '') : shaped;
    if (!HAS_WORD.test(text)) return;
    blocks.push({ index: blocks.length, owner, kind: kindOf(owner, quoteDepth > 0, preDepth > 0), text, chars: text.length, linkChars: Math.min(links, text.length) });
  };

  // Two parallel stacks instead of frame objects: a node, and whether it is being left.
  const nodes: AnyNode[] = [];
  const leaving: boolean[] = [];
  for (let index = root.children.length - 1; index >= 0; index--) {
    nodes.push(root.children[index] as AnyNode);
    leaving.push(false);
  }
  while (nodes.length > 0) {
    const node = nodes.pop() as AnyNode;
    const exit = leaving.pop() as boolean;
    if (node.type === 'text') {
      const data = node.data;
      parts.push(data);
      if (!hasContent && NOT_SPACE.test(data)) hasContent = true;
      if (linkDepth > 0) linkChars += collapsedLength(data);
      continue;
    }
    if (node.type !== 'tag') continue;
    const name = node.name;
    if (exit) {
      if (name === 'a') linkDepth--;
      else {
        flush(node);
        owners.pop();
        if (name === 'pre') preDepth--;
        if (name === 'blockquote') quoteDepth--;
      }
      continue;
    }
    if (name === 'br') {
      parts.push(LINE_BREAK);
      continue;
    }
    if (!hasContent && preDepth === 0 && (name === 'strong' || name === 'b')) {
      const label = leadingLabel(node);
      if (label !== undefined) {
        parts.push(label, LINE_BREAK);
        hasContent = true;
        continue;
      }
    }
    if ((name === 'td' || name === 'th') && isDataCell(node)) {
      // A short cell of a data table is part of its row: the row becomes one block.
      parts.push(' ');
    } else if (BLOCK_TAGS.has(name)) {
      flush(owners[owners.length - 1] ?? rootOwner);
      owners.push(node);
      if (name === 'pre') preDepth++;
      if (name === 'blockquote') quoteDepth++;
      nodes.push(node);
      leaving.push(true);
    } else if (name === 'a') {
      linkDepth++;
      nodes.push(node);
      leaving.push(true);
    }
    const children = node.children;
    for (let index = children.length - 1; index >= 0; index--) {
      nodes.push(children[index] as AnyNode);
      leaving.push(false);
    }
  }
  flush(owners[owners.length - 1] ?? rootOwner);
  return blocks;
}

const NOT_SPACE = /[^ \t\n\r\f]/;

/** Most words of a bold label that opens a block ("Summary", "Bottom line", "Why it matters"). */
const MAX_LABEL_WORDS = 3;
/** Shortest sentence after such a label: a short bold run before a few words is more likely a name in a line of its own kind. */
const MIN_TEXT_AFTER_LABEL = 40;
/** Up to MAX_LABEL_WORDS words with no closing mark of their own (a bold lead ending in ":" or "." is already set off). */
const LABEL_WORDS = new RegExp(`^[\\p{Lu}][\\p{L}'’-]*(?: [\\p{L}'’-]+){0,${MAX_LABEL_WORDS - 1}}$`, 'u');
/** The sentence after a label opens with a capital: "Summary Studies show …". */
const SENTENCE_AFTER_LABEL = /^\s+[\p{Lu}]/u;

/**
 * "<strong>Summary</strong> Studies show …": a short bold label that opens a block and runs straight into a sentence
 * of its own is a heading of that block, not the sentence's first words. Its text, which ends on a line of its own,
 * else undefined.
 */
function leadingLabel(node: Element): string | undefined {
  const label = collapseSpace(rawText(node, 80)).trim();
  if (!LABEL_WORDS.test(label)) return undefined;
  const after = node.next;
  if (after?.type !== 'text' || !SENTENCE_AFTER_LABEL.test(after.data)) return undefined;
  let following = 0;
  for (let sibling: AnyNode | null = after; sibling !== null && following < MIN_TEXT_AFTER_LABEL; sibling = sibling.next) following += rawText(sibling, MIN_TEXT_AFTER_LABEL).length;
  return following >= MIN_TEXT_AFTER_LABEL ? label : undefined;
}

const SOFT_HYPHEN = '\u00ad';

/** Longest text of a table cell that still reads as data (a name, a number) rather than layout. */
const DATA_CELL_CHARS = 80;

/** A cell with no block-level content and little text: a data cell, not a layout column. */
function isDataCell(cell: Element): boolean {
  for (const child of cell.children) if (child.type === 'tag' && (BLOCK_TAGS.has(child.name) || child.name === 'br' || child.name === 'table')) return false;
  return rawText(cell, DATA_CELL_CHARS + 1).trim().length <= DATA_CELL_CHARS;
}

function kindOf(owner: Element, inQuote: boolean, inPre: boolean): BlockKind {
  if (HEADING_TAGS.has(owner.name)) return 'heading';
  if (owner.name === 'tr') return 'table-row';
  if (inPre) return 'preformatted';
  if (LIST_ITEM_TAGS.has(owner.name)) return 'list-item';
  if (inQuote) return 'quote';
  return 'paragraph';
}

/** Stands for `<br>` while a block is gathered; NUL never survives into text (binary input is refused). */
const LINE_BREAK = '\u0000';

/** Collapses ASCII whitespace per line (lines come from `<br>`), dropping empty lines. */
function normaliseLines(raw: string): string {
  if (!raw.includes(LINE_BREAK)) return collapseSpace(raw);
  const lines: string[] = [];
  for (const line of raw.split(LINE_BREAK)) {
    const collapsed = collapseSpace(line);
    if (collapsed !== '') lines.push(collapsed);
  }
  return lines.join('\n');
}

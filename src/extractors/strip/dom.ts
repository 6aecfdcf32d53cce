import type { AnyNode, Element, ParentNode } from 'domhandler';

/**
 * Small DOM helpers over domhandler nodes. Every walk is iterative with an explicit stack:
 * pages with tens of thousands of nested elements must not overflow the call stack.
 */

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Visits elements in document order; return false from `visit` to skip an element's subtree. */
export function walkElements(root: ParentNode, visit: (element: Element) => boolean | void): void {
  const stack: Element[] = [];
  pushElements(stack, root.children);
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    if (visit(element) !== false) pushElements(stack, element.children);
  }
}

/** Pushes the elements among `children` in reverse, so that they pop in document order. */
function pushElements(stack: Element[], children: readonly AnyNode[]): void {
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index] as AnyNode;
    if (isElement(child)) stack.push(child);
  }
}

/** The first element (in document order) with the tag name, or null. */
export function firstElementNamed(root: ParentNode, name: string): Element | null {
  let found: Element | null = null;
  walkElements(root, (element) => {
    if (found === null && element.name === name) found = element;
    return found === null;
  });
  return found;
}

/**
 * The text content of a subtree, raw (entities decoded, whitespace untouched); with `limit`,
 * stops once that many characters are gathered (previews of large removed regions).
 */
export function rawText(root: AnyNode, limit = Infinity): string {
  if (root.type === 'text') return root.data;
  if (!('children' in root)) return '';
  // A script or style asked for directly (JSON-LD): its own text; elsewhere they are skipped.
  if (root.type === 'script' || root.type === 'style') return root.children.map((child) => (child.type === 'text' ? child.data : '')).join('');
  const parts: string[] = [];
  let length = 0;
  const stack: AnyNode[] = [root];
  while (stack.length > 0 && length < limit) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') {
      parts.push(node.data);
      length += node.data.length;
    }
    else if (node.type === 'cdata' || node.type === 'tag' || node.type === 'root') {
      const children = node.children;
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as AnyNode);
    }
  }
  return parts.join('');
}

const ASCII_SPACE_RUN = /[ \t\n\r\f]+/g;

/**
 * Collapses runs of ASCII whitespace to one space and trims them, as HTML rendering does.
 * Non-breaking and other Unicode spaces are kept: they are part of the text, not layout.
 */
export function collapseSpace(text: string): string {
  return trimOneSpace(text.replace(ASCII_SPACE_RUN, ' '));
}

/** The length `collapseSpace(text)` would have, without building it. */
export function collapsedLength(text: string): number {
  let length = 0;
  let spaceBefore = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 10 || code === 9 || code === 13 || code === 12) {
      spaceBefore = length > 0;
      continue;
    }
    if (spaceBefore) length++;
    spaceBefore = false;
    length++;
  }
  return length;
}

/** Drops one leading and one trailing space (all a collapsed text can have). */
function trimOneSpace(text: string): string {
  const start = text.charCodeAt(0) === 32 ? 1 : 0;
  const end = text.length > start && text.charCodeAt(text.length - 1) === 32 ? text.length - 1 : text.length;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Detaches a node from its parent. */
export function removeNode(node: AnyNode): void {
  const parent = node.parent;
  if (parent) {
    const index = parent.children.indexOf(node);
    if (index !== -1) parent.children.splice(index, 1);
  }
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

export function isAncestorOf(ancestor: AnyNode, node: AnyNode): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

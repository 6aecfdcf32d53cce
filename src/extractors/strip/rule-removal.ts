// The rule pass: elements and recirculation sections the boilerplate table names are removed
// (or set aside as possible leads) before any scoring, sparing the headline and article body.
import type { AnyNode, Element, ParentNode } from 'domhandler';
import type { RemovedBlock } from '../../model/article.js';
import type { TextBlock } from './blocks.js';
import { collapseSpace, rawText, removeNode, walkElements } from './dom.js';
import { comparable, sameHeadline } from './lead.js';
import { logRemoved, preview } from './removal-log.js';
import { findElementRule, findSectionHeadingRule, HEADING_TAGS, isHeadingLike, type BoilerplateRule, type CompiledBoilerplate } from './rules.js';
import type { StripThresholds } from './thresholds.js';

/** Markup that never holds article text. */
const NON_CONTENT_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'map', 'audio', 'video', 'source',
  'track', 'button', 'input', 'select', 'option', 'optgroup', 'textarea', 'head', 'link', 'meta', 'title', 'base', 'dialog', 'datalist',
]);

/** What the rules did: the text they removed, and the elements they set aside as possible leads. */
export interface RuleRemoval {
  ruleRemovedChars: number;
  setAside: Map<Element, BoilerplateRule>;
}

export function removeBoilerplate(
  root: ParentNode,
  table: CompiledBoilerplate,
  thresholds: StripThresholds,
  removed: RemovedBlock[],
  elementRules: boolean,
  title: string | null,
): RuleRemoval {
  const { lengths, visible } = textLengths(root);
  const rootLength = Math.max(1, lengths.get(root as Element) ?? 0);
  const { nodes: protectedNodes, headline } = protectedAncestors(root, table, title);
  const holdsPage = (element: Element): boolean => (lengths.get(element) ?? 0) >= thresholds.protectTextShare * rootLength;
  const isProtected = (element: Element): boolean => protectedNodes.has(element) || holdsPage(element);
  const doomed: { element: Element; rule: BoilerplateRule | null }[] = [];
  const sections: { element: Element; rule: BoilerplateRule }[] = [];
  const setAside = new Map<Element, BoilerplateRule>();
  // Elements are visited in document order: once the headline is passed, a header or teaser
  // may be the story's lead.
  let afterHeadline = false;
  walkElements(root, (element) => {
    if (element === headline) afterHeadline = true;
    if (NON_CONTENT_TAGS.has(element.name) || element.type !== 'tag') {
      doomed.push({ element, rule: null });
      return false;
    }
    if (elementRules) {
      const rule = findElementRule(table, element);
      if (rule && !(rule.force ? holdsPage(element) : isProtected(element))) {
        if (rule.mayHoldLead && afterHeadline) {
          setAside.set(element, rule);
          return true;
        }
        doomed.push({ element, rule });
        return false;
      }
    }
    const length = lengths.get(element) ?? 0;
    if (length > 0 && length < 120 && isHeadingLike(element, (node) => visible.has(node))) {
      const rule = findSectionHeadingRule(table, collapseSpace(rawText(element)));
      if (rule && !isProtected(element)) {
        sections.push({ element, rule });
        return false;
      }
    }
    return true;
  });
  let ruleRemovedChars = 0;
  for (const { element, rule } of doomed) {
    if (rule) {
      logRemoved(removed, rule.id, element.name, preview(element));
      ruleRemovedChars += lengths.get(element) ?? 0;
    }
    removeNode(element);
  }
  for (const { element, rule } of sections) removeSection(element, rule, thresholds, protectedNodes, removed);
  return { ruleRemovedChars, setAside };
}

/**
 * The blocks inside elements set aside by a rule, with that rule: they take no part in
 * choosing the article, and only the lead pass may keep them.
 */
export function blocksSetAside(blocks: readonly TextBlock[], setAside: ReadonlyMap<Element, BoilerplateRule>, thresholds: StripThresholds): Map<TextBlock, BoilerplateRule> {
  const held = new Map<TextBlock, BoilerplateRule>();
  if (setAside.size === 0) return held;
  for (const block of blocks) {
    let node: ParentNode | null = block.owner;
    for (let level = 0; node && level < thresholds.maxAncestorLevels; level++, node = node.parent) {
      const rule = setAside.get(node as Element);
      if (rule) {
        held.set(block, rule);
        break;
      }
    }
  }
  return held;
}

/**
 * Drops a recirculation heading and the section it introduces: its following siblings up to
 * the next heading. A heading alone in a wrapper takes the wrapper's following siblings.
 */
function removeSection(heading: Element, rule: BoilerplateRule, thresholds: StripThresholds, protectedNodes: ReadonlySet<AnyNode>, removed: RemovedBlock[]): void {
  let node: AnyNode = heading;
  for (let climb = 0; climb <= thresholds.maxSectionClimb; climb++) {
    const parent: ParentNode | null = node.parent;
    if (parent === null || protectedNodes.has(node)) break;
    const siblings = parent.children;
    const start = siblings.indexOf(node);
    const following: AnyNode[] = [];
    for (let index = start + 1; index < siblings.length; index++) {
      const sibling = siblings[index] as AnyNode;
      if (sibling.type === 'tag' && HEADING_TAGS.has(sibling.name)) break;
      if (protectedNodes.has(sibling)) break;
      following.push(sibling);
    }
    if (following.some(hasText)) {
      for (const sibling of following) {
        if (sibling.type === 'tag') logRemoved(removed, rule.id, sibling.name, preview(sibling));
        removeNode(sibling);
      }
      break;
    }
    // Climb only out of wrappers that hold nothing but the heading.
    if (siblings.slice(0, start).some(hasText) || parent.type !== 'tag') break;
    node = parent;
  }
  logRemoved(removed, rule.id, heading.name, preview(heading));
  removeNode(heading);
}

function hasText(node: AnyNode): boolean {
  if (node.type === 'text') return node.data.trim() !== '';
  return node.type === 'tag' && rawText(node).trim() !== '';
}

interface TextLengths {
  /** Characters of text under each element (whitespace included). */
  lengths: Map<Element, number>;
  /** Elements with some non-whitespace text under them. */
  visible: Set<Element>;
}

/** Text length of every element, computed bottom-up without recursion. */
function textLengths(root: ParentNode): TextLengths {
  const order: Element[] = [];
  walkElements(root, (element) => {
    order.push(element);
    return element.type === 'tag';
  });
  const lengths = new Map<Element, number>();
  const visible = new Set<Element>();
  let rootLength = 0;
  for (let index = order.length - 1; index >= 0; index--) {
    const element = order[index] as Element;
    let sum = 0;
    let seen = false;
    if (element.type === 'tag') {
      for (const child of element.children) {
        if (child.type === 'text') {
          sum += child.data.length;
          seen ||= NON_SPACE.test(child.data);
        } else if (child.type === 'tag') {
          sum += lengths.get(child) ?? 0;
          seen ||= visible.has(child);
        }
      }
    }
    lengths.set(element, sum);
    if (seen) visible.add(element);
    if (element.parent === root) rootLength += sum;
  }
  for (const child of root.children) if (child.type === 'text') rootLength += child.data.length;
  lengths.set(root as Element, rootLength);
  return { lengths, visible };
}

const NON_SPACE = /\S/;

/**
 * The headline (the visible h1 or h2 that reads like the page title, else the first visible
 * h1) and any visible `itemprop=articleBody`, with their ancestors: never removed by rules
 * other than `force` ones. Site logos are often an h1 too, hence the title match. Also the
 * element where the story starts, for the lead: that headline, else a smaller heading that
 * reads like the title, else the first h1.
 */
function protectedAncestors(root: ParentNode, table: CompiledBoilerplate, title: string | null): { nodes: Set<AnyNode>; headline: Element | null } {
  const anchors: Element[] = [];
  const titleKey = title ? comparable(title) : null;
  let firstH1: Element | null = null;
  let headline: Element | null = null;
  let minorHeadline: Element | null = null;
  walkElements(root, (element) => {
    if (element.type !== 'tag') return false;
    if (element.attribs.hidden !== undefined || element.attribs.style !== undefined || element.attribs['aria-hidden'] !== undefined) {
      if (findElementRule(table, element)?.force) return false;
    }
    if (element.name === 'h1' || element.name === 'h2') {
      if (element.name === 'h1' && firstH1 === null) firstH1 = element;
      if (headline === null && titleKey !== null && sameHeadline(comparable(rawText(element)), titleKey)) headline = element;
    } else if (HEADING_TAGS.has(element.name)) {
      if (minorHeadline === null && titleKey !== null && sameHeadline(comparable(rawText(element)), titleKey)) minorHeadline = element;
    } else if (element.attribs.itemprop === 'articleBody') anchors.push(element);
    return true;
  });
  const chosen: Element | null = headline ?? firstH1;
  if (chosen) anchors.push(chosen);
  const result = new Set<AnyNode>();
  for (const anchor of anchors) for (let node: ParentNode | null = anchor; node; node = node.parent) result.add(node);
  // Where the story starts, for the lead: small CMS templates set the headline in an h3 (it
  // is not protected: a site name in a widget heading often reads like the title too).
  return { nodes: result, headline: headline ?? minorHeadline ?? firstH1 };
}

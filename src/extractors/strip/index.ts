import type { AnyNode, Document, Element, ParentNode } from 'domhandler';
import { ClaimfeedError } from '../../errors.js';
import type { Article, ArticleBlock, RemovedBlock } from '../../model/article.js';
import { extractBlocks, type TextBlock } from './blocks.js';
import { collapseSpace, firstElementNamed, isAncestorOf, rawText, removeNode, walkElements } from './dom.js';
import { comparable, headlineBlock, leadBeforeBody, sameHeadline } from './lead.js';
import { detectLanguage, type CompiledLanguages } from './language.js';
import { extractMetadata } from './metadata.js';
import { closeTitle, parseDocument } from './parse.js';
import {
  findElementRule,
  findEndTextRule,
  findSectionHeadingRule,
  findTextRule,
  HEADING_TAGS,
  isHeadingLike,
  type BoilerplateRule,
  type CompiledBoilerplate,
} from './rules.js';
import { loadStripRules } from '../../rules/strip-rules.js';
import type { StripThresholds } from './thresholds.js';

export interface StripRules {
  boilerplate: CompiledBoilerplate;
  thresholds: StripThresholds;
  languages: CompiledLanguages;
}

export interface StripOptions {
  /** The page URL, used for URL date patterns and resolving the canonical URL. */
  url?: string;
  /** Compiled rule tables; by default those of config/ (src/rules/strip-rules.ts loads them once). */
  rules?: StripRules;
}

/** Longest text kept for one entry of the removal log. */
const REMOVED_TEXT_CHARS = 160;

/** Markup that never holds article text. */
const NON_CONTENT_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'map', 'audio', 'video', 'source',
  'track', 'button', 'input', 'select', 'option', 'optgroup', 'textarea', 'head', 'link', 'meta', 'title', 'base', 'dialog', 'datalist',
]);

/**
 * Blocks whose scores go to their parent (the container), as paragraphs do. A table cell with
 * text of its own is a container itself (older table layouts put the whole story in one cell).
 */
const LEAF_BLOCK_TAGS: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'blockquote', 'figcaption', 'address', 'summary', 'caption']);

/**
 * A page's HTML: one string, or consecutive pieces of it (as `decodeHtmlBytes` gives them),
 * which are parsed piece by piece without joining them into one large string.
 */
export type HtmlText = string | readonly string[];

/**
 * HTML in, article out. Pure: no I/O, no logging. Every block the stripper drops is in
 * `removed` with the id of the rule (config/boilerplate.json) or threshold that dropped it.
 * Throws INPUT_EMPTY for an empty page, INPUT_BINARY for bytes that are not text,
 * INPUT_TOO_DEEP for markup nested deeper than the `maxNestingDepth` threshold and
 * ARTICLE_EMPTY, with the steps tried, when no step finds `minArticleChars` of text.
 */
export function stripArticle(html: HtmlText, options: StripOptions = {}): Article {
  const rules = options.rules ?? loadStripRules();
  const thresholds = rules.thresholds;
  const source = checkInput(typeof html === 'string' ? [html] : html, thresholds);
  const url = options.url ?? null;
  let document = parseDocument(source, thresholds.maxNestingDepth);
  let metadata = extractMetadata(document, url);
  if (metadata.title !== null && (metadata.title.length > thresholds.maxTitleChars || /<\/?[a-z]/i.test(metadata.title))) {
    // An unclosed <title> swallows the page as raw text: close it and parse again.
    document = parseDocument([closeTitle(source.join(''))], thresholds.maxNestingDepth);
    metadata = extractMetadata(document, url);
  }
  let result = extractMain(document, rules, metadata.title, true);
  const tried = [...result.tried];
  if (result.chars < thresholds.recallMinChars && (result.ruleRemovedChars > result.chars || result.chars < thresholds.minArticleChars)) {
    // The rules may have removed the article itself (a wrapper named like a widget): retry
    // with the element rules off and keep whichever finds more text.
    const retry = extractMain(parseDocument(source, thresholds.maxNestingDepth), rules, metadata.title, false);
    tried.push(...retry.tried.map((step) => ({ ...step, step: `${step.step} without element rules` })));
    if (retry.chars > result.chars * 2 || (result.chars < thresholds.minArticleChars && retry.chars >= thresholds.minArticleChars)) result = retry;
  }
  if (result.chars < thresholds.minArticleChars) throw articleEmpty(result, tried, thresholds);
  const { text, blocks } = joinBlocks(result.blocks);
  return {
    url,
    title: metadata.title,
    byline: metadata.byline,
    publishedAt: metadata.publishedAt,
    modifiedAt: metadata.modifiedAt,
    siteName: metadata.siteName,
    language: { declared: metadata.declaredLanguage, detected: detectLanguage(text, rules.languages) },
    canonicalUrl: metadata.canonicalUrl,
    text,
    blocks,
    removed: result.removed,
    sources: metadata.sources,
  };
}

/** The `<body>` (found where the parser puts it, under `<html>`), or the whole document. */
function bodyOf(document: Document): ParentNode {
  for (const node of document.children) {
    if (node.type !== 'tag') continue;
    if (node.name === 'body') return node;
    if (node.name === 'html') for (const child of node.children) if (child.type === 'tag' && child.name === 'body') return child;
  }
  // Fragments and odd nesting: the first body anywhere.
  return firstElementNamed(document, 'body') ?? document;
}

interface MainText {
  blocks: TextBlock[];
  chars: number;
  removed: RemovedBlock[];
  /** Text removed by element rules: when it is small, retrying without them cannot help. */
  ruleRemovedChars: number;
  /** Characters of every block left after the element rules: the text there was to choose from. */
  pageChars: number;
  /** Each step run, with the characters it found. */
  tried: ExtractionStep[];
}

/** One way of finding the article that was tried, and how much text it found. */
interface ExtractionStep {
  step: string;
  chars: number;
}

/**
 * Nothing, or next to nothing, found: a typed outcome rather than an empty article, saying
 * what was tried and what the rules removed, for the failure record and the CLI.
 */
function articleEmpty(result: MainText, tried: readonly ExtractionStep[], thresholds: StripThresholds): ClaimfeedError {
  const removedByRule: Record<string, number> = {};
  for (const entry of result.removed) removedByRule[entry.ruleId] = (removedByRule[entry.ruleId] ?? 0) + 1;
  return new ClaimfeedError(
    'ARTICLE_EMPTY',
    `No article text found: the best of ${tried.length} steps kept ${result.chars} characters (at least ${thresholds.minArticleChars} needed) of ${result.pageChars} on the page`,
    { permanent: true, details: { tried, pageChars: result.pageChars, keptText: result.blocks.map((block) => block.text).join(' ').slice(0, REMOVED_TEXT_CHARS), removedByRule } },
  );
}

function extractMain(document: Document, rules: StripRules, title: string | null, elementRules: boolean): MainText {
  const thresholds = rules.thresholds;
  const root = bodyOf(document);
  const removed: RemovedBlock[] = [];
  const { ruleRemovedChars, setAside } = removeBoilerplate(root, rules.boilerplate, thresholds, removed, elementRules, title);
  const allBlocks = extractBlocks(root);
  const heldBack = blocksSetAside(allBlocks, setAside, thresholds);
  const blocks = heldBack.size === 0 ? allBlocks : allBlocks.filter((block) => !heldBack.has(block));
  const titleKey = title ? comparable(title) : null;
  const headline = headlineBlock(blocks, titleKey);
  const selected = selectMainBlocks(allBlocks, root, rules.boilerplate, thresholds, headline, heldBack);
  const judge = (block: TextBlock): string | null => judgeBlock(block, rules.boilerplate, thresholds, titleKey);
  for (const block of leadBeforeBody(allBlocks, selected, headline, thresholds, (block) => judge(block) === null, heldBack)) selected.add(block);
  const kept: TextBlock[] = [];
  let chars = 0;
  for (const block of allBlocks) {
    const verdict = selected.has(block) ? judge(block) : (heldBack.get(block)?.id ?? 'score:outside-main');
    if (verdict === null) {
      kept.push(block);
      chars += block.chars;
    } else logRemoved(removed, verdict, block.owner.name, block.text);
  }
  const pageChars = blocks.reduce((sum, block) => sum + block.chars, 0);
  const tried: ExtractionStep[] = [{ step: 'best container', chars }];
  let result: MainText = { blocks: kept, chars, removed, ruleRemovedChars, pageChars, tried };
  if (chars < thresholds.recallMinChars || chars < thresholds.recallRatio * goodChars(blocks, thresholds)) {
    const fallback = recallFallback(blocks, rules.boilerplate, thresholds, titleKey);
    const fallbackChars = fallback.reduce((sum, block) => sum + block.chars, 0);
    tried.push({ step: 'every substantial block', chars: fallbackChars });
    if (fallbackChars > chars) result = { blocks: fallback, chars: fallbackChars, removed, ruleRemovedChars, pageChars, tried };
  }
  if (result.chars < thresholds.minArticleChars && headline !== null) {
    const section = headlineSection(blocks, headline, thresholds, (block) => judge(block) === null);
    const sectionChars = section.reduce((sum, block) => sum + block.chars, 0);
    tried.push({ step: 'the section the headline starts', chars: sectionChars });
    if (sectionChars > result.chars) result = { blocks: section, chars: sectionChars, removed, ruleRemovedChars, pageChars, tried };
  }
  dropEndMatter(result, rules.boilerplate, thresholds);
  return result;
}

/**
 * The blocks after the headline in the smallest of its ancestors (at most
 * `headlineSectionLevels` up) whose kept text after it reaches `minArticleChars`: for stories
 * told in short lines (data sheets, lists, verse), where no block is long enough to score.
 */
function headlineSection(blocks: readonly TextBlock[], headline: TextBlock, thresholds: StripThresholds, accept: (block: TextBlock) => boolean): TextBlock[] {
  const after = blocks.filter((block) => block.index > headline.index && accept(block));
  let node: ParentNode | null = headline.owner.parent;
  for (let level = 0; node && node.type === 'tag' && node.name !== 'body' && level < thresholds.headlineSectionLevels; level++, node = node.parent) {
    const container = node;
    const section = after.filter((block) => isAncestorOf(container, block.owner));
    if (section.reduce((sum, block) => sum + block.chars, 0) >= thresholds.minArticleChars) return section;
  }
  return [];
}

/**
 * Author bios and source notes ("Mit Material von dpa", "X contributed to this report") close
 * an article; the same words earlier are the story's. Judged from the end back, over the last
 * `endMatterChars` of kept text.
 */
function dropEndMatter(result: MainText, table: CompiledBoilerplate, thresholds: StripThresholds): void {
  let after = 0;
  for (let index = result.blocks.length - 1; index >= 0 && after < thresholds.endMatterChars; index--) {
    const block = result.blocks[index] as TextBlock;
    const rule = findEndTextRule(table, block.text, block.linkChars / block.chars);
    if (rule === null) {
      after += block.chars;
      continue;
    }
    logRemoved(result.removed, rule.id, block.owner.name, block.text);
    result.blocks.splice(index, 1);
    result.chars -= block.chars;
  }
}

/** Why a block inside the main container is dropped, or null to keep it. */
function judgeBlock(block: TextBlock, table: CompiledBoilerplate, thresholds: StripThresholds, titleKey: string | null): string | null {
  const density = block.linkChars / block.chars;
  const textRule = findTextRule(table, block.text, density) ?? findSectionHeadingRule(table, block.text);
  if (textRule) return textRule.id;
  if (block.kind === 'heading' && titleKey !== null && comparable(block.text) === titleKey) return 'structure:title-repeated';
  if (block.chars < thresholds.shortBlockChars ? density > thresholds.maxShortBlockLinkDensity : density > thresholds.maxOutputLinkDensity) return 'score:link-density';
  return null;
}


/** Text of substantial, link-poor blocks anywhere on the page: what the article likely holds. */
function goodChars(blocks: readonly TextBlock[], thresholds: StripThresholds): number {
  let sum = 0;
  for (const block of blocks) if (isGoodBlock(block, thresholds)) sum += block.chars;
  return sum;
}

function isGoodBlock(block: TextBlock, thresholds: StripThresholds): boolean {
  return block.chars >= thresholds.fallbackBlockChars && block.linkChars / block.chars <= thresholds.fallbackLinkDensity;
}

/** Every substantial block of the page, in order: for pages whose container scoring fails. */
function recallFallback(blocks: readonly TextBlock[], table: CompiledBoilerplate, thresholds: StripThresholds, titleKey: string | null): TextBlock[] {
  return blocks.filter((block) => isGoodBlock(block, thresholds) && judgeBlock(block, table, thresholds, titleKey) === null);
}

// ---------------------------------------------------------------- rule-based removal

/** What the rules did: the text they removed, and the elements they set aside as possible leads. */
interface RuleRemoval {
  ruleRemovedChars: number;
  setAside: Map<Element, BoilerplateRule>;
}

function removeBoilerplate(
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
function blocksSetAside(blocks: readonly TextBlock[], setAside: ReadonlyMap<Element, BoilerplateRule>, thresholds: StripThresholds): Map<TextBlock, BoilerplateRule> {
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



// ---------------------------------------------------------------- container scoring

interface NodeStats {
  chars: number;
  linkChars: number;
  /** Characters of blocks that score (substantial and link-poor). */
  goodChars: number;
  /** Index range of the node's blocks: a subtree's blocks are contiguous in document order. */
  firstBlock: number;
  lastBlock: number;
  score: number;
  scored: boolean;
}

/**
 * Readability-style container choice: substantial, link-poor blocks give points (length and
 * commas) to their container and, decaying, to its ancestors; the best container after link
 * density, plus siblings that score close to it, hold the article.
 */
function selectMainBlocks(
  blocks: readonly TextBlock[],
  root: ParentNode,
  table: CompiledBoilerplate,
  thresholds: StripThresholds,
  headline: TextBlock | null,
  heldBack: ReadonlyMap<TextBlock, BoilerplateRule>,
): Set<TextBlock> {
  const stats = new Map<AnyNode, NodeStats>();
  const statsOf = (node: AnyNode): NodeStats => {
    let entry = stats.get(node);
    if (!entry) {
      entry = { chars: 0, linkChars: 0, goodChars: 0, firstBlock: -1, lastBlock: -1, score: 0, scored: false };
      stats.set(node, entry);
    }
    return entry;
  };
  const maxLevels = thresholds.maxAncestorLevels;
  const scoring = (block: TextBlock): boolean =>
    block.kind !== 'heading' && block.chars >= thresholds.minScoringChars && block.linkChars / block.chars <= thresholds.maxScoringLinkDensity && !heldBack.has(block);
  for (const block of blocks) {
    if (heldBack.has(block)) continue;
    const good = scoring(block) ? block.chars : 0;
    let node: ParentNode | null = block.owner;
    for (let level = 0; node && level < maxLevels; level++, node = node.parent) {
      const entry = statsOf(node);
      entry.chars += block.chars;
      entry.linkChars += block.linkChars;
      entry.goodChars += good;
      if (entry.firstBlock === -1) entry.firstBlock = block.index;
      entry.lastBlock = block.index;
    }
  }
  for (const block of blocks) {
    if (!scoring(block)) continue;
    const points = 1 + countCommas(block.text) + Math.min(Math.floor(block.chars / thresholds.charsPerScorePoint), thresholds.maxLengthPoints);
    let node: ParentNode | null = LEAF_BLOCK_TAGS.has(block.owner.name) ? block.owner.parent : block.owner;
    for (let level = 0; node && node !== root.parent && level < 5; level++, node = node.parent) {
      const entry = statsOf(node);
      if (!entry.scored) {
        entry.scored = true;
        entry.score += initialScore(node, table, thresholds);
      }
      entry.score += level === 0 ? points : level === 1 ? points / 2 : points / (level * 3);
    }
  }
  const finalScore = (node: AnyNode): number => {
    const entry = stats.get(node);
    if (!entry || !entry.scored) return 0;
    return entry.score * (1 - (entry.chars > 0 ? entry.linkChars / entry.chars : 0));
  };
  /** Blocks from the headline to the node's first block; 0 when the node holds the headline. */
  const distanceFromHeadline = (node: AnyNode): number => {
    const entry = stats.get(node) as NodeStats;
    const at = (headline as TextBlock).index;
    if (entry.firstBlock <= at) return entry.lastBlock >= at ? 0 : Infinity;
    return entry.firstBlock - at;
  };
  /**
   * The article starts at its headline: a container scoring nearly as well as the best one
   * but nearer after the headline wins over one further down (a long privacy notice, a
   * signatory list or an author bio after the story), or before it.
   */
  const nearerToHeadline = (best: AnyNode, bestScore: number): AnyNode | null => {
    let chosen: AnyNode | null = null;
    let chosenDistance = distanceFromHeadline(best);
    const bestEntry = stats.get(best) as NodeStats;
    for (const [node, entry] of stats) {
      if (!entry.scored || finalScore(node) < thresholds.headlineNearScoreShare * bestScore) continue;
      if (isAncestorOf(node, best) || isAncestorOf(best, node)) continue;
      const distance = distanceFromHeadline(node);
      // Right before the best one, it is more of the same article: the climb joins them.
      if (entry.lastBlock < bestEntry.firstBlock && bestEntry.firstBlock - entry.lastBlock <= thresholds.sameArticleBlockGap) continue;
      if (distance < chosenDistance) {
        chosen = node;
        chosenDistance = distance;
      }
    }
    return chosen;
  };
  let top: AnyNode | null = null;
  let topScore = 0;
  for (const [node, entry] of stats) {
    if (!entry.scored) continue;
    const score = finalScore(node);
    if (score > topScore) {
      top = node;
      topScore = score;
    }
  }
  const selected = new Set<TextBlock>();
  if (top === null) return selected;
  if (headline !== null) {
    const nearer = nearerToHeadline(top, topScore);
    if (nearer !== null) {
      top = nearer;
      topScore = finalScore(nearer);
    }
  }
  // Climb while an ancestor scores nearly as well: the article's paragraphs are split up.
  let lastScore = topScore;
  for (let parent = top.parent; parent && parent !== root && parent.type === 'tag'; parent = parent.parent) {
    const score = finalScore(parent);
    if (score === 0) continue;
    if (score < lastScore * thresholds.parentScoreShare) break;
    if (score > topScore) {
      top = parent;
      topScore = score;
    }
    lastScore = score;
  }
  // Articles split into several columns (around ads, pull quotes): take in the ancestor
  // when what it adds is mostly more paragraphs like the container's own (same element in
  // the same kind of parent), not teasers or comments that merely look like prose.
  const signatures = new Set<string>();
  const addSignatures = (node: AnyNode): void => {
    const entry = stats.get(node);
    if (!entry) return;
    for (let index = entry.firstBlock; index <= entry.lastBlock && index >= 0; index++) {
      const block = blocks[index] as TextBlock;
      if (scoring(block)) for (const key of signaturesOf(block)) signatures.add(key);
    }
  };
  /** Characters of the node's blocks outside `except`, and how many of them are like the article's. */
  const likeness = (node: AnyNode, except: AnyNode | null): { chars: number; like: number } => {
    const entry = stats.get(node);
    const skip = except ? stats.get(except) : undefined;
    let chars = 0;
    let like = 0;
    if (!entry) return { chars, like };
    for (let index = entry.firstBlock; index <= entry.lastBlock && index >= 0; index++) {
      if (skip && index >= skip.firstBlock && index <= skip.lastBlock) continue;
      const block = blocks[index] as TextBlock;
      if (heldBack.has(block)) continue;
      chars += block.chars;
      if (scoring(block) && signaturesOf(block).some((key) => signatures.has(key))) like += block.chars;
    }
    return { chars, like };
  };
  addSignatures(top);
  for (let parent = top.parent; parent && parent !== root.parent && parent.type !== 'root'; parent = parent.parent) {
    const added = likeness(parent, top);
    if (added.chars <= thresholds.wrapperSlackChars || added.like >= thresholds.climbGoodShare * added.chars) top = parent;
    else break;
  }
  topScore = Math.max(topScore, finalScore(top));
  const containers: AnyNode[] = [top];
  const parent = top.parent;
  if (parent && top !== root) {
    const threshold = Math.max(thresholds.minSiblingScore, topScore * thresholds.siblingScoreShare);
    for (const sibling of parent.children) {
      if (sibling === top || sibling.type !== 'tag') continue;
      const entry = stats.get(sibling);
      if (!entry) continue;
      // A sibling joins when it scores well or reads as prose, and its text is like the article's.
      const { chars, like } = likeness(sibling, null);
      if (chars === 0 || like < thresholds.climbGoodShare * chars) continue;
      const density = entry.chars > 0 ? entry.linkChars / entry.chars : 1;
      if (finalScore(sibling) >= threshold) containers.push(sibling);
      else if (entry.chars >= thresholds.siblingParagraphChars && density < thresholds.siblingParagraphLinkDensity) containers.push(sibling);
    }
  }
  for (const block of blocks) {
    if (heldBack.has(block)) continue;
    for (const container of containers) {
      if (isAncestorOf(container, block.owner)) {
        selected.add(block);
        break;
      }
    }
  }
  return selected;
}

/**
 * What a paragraph looks like: its element with its class when it has one, and its element
 * under its parent's element and class.
 */
function signaturesOf(block: TextBlock): string[] {
  const owner = block.owner;
  const parent = owner.parent;
  const keys = [`${owner.name}<${parent && parent.type === 'tag' ? `${parent.name}.${parent.attribs.class ?? ''}` : ''}`];
  const ownClass = owner.attribs.class;
  if (ownClass) keys.push(`${owner.name}.${ownClass}`);
  return keys;
}

/** Points a container starts with: a class or id that names article content earns a bonus. */
function initialScore(node: ParentNode, table: CompiledBoilerplate, thresholds: StripThresholds): number {
  if (node.type !== 'tag') return 0;
  return table.contentHint(node) ? thresholds.contentHintBonus : 0;
}

function countCommas(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // , ، 、 ，
    if (code === 44 || code === 0x60c || code === 0x3001 || code === 0xff0c) count++;
  }
  return count;
}

// ---------------------------------------------------------------- output

function joinBlocks(kept: readonly TextBlock[]): { text: string; blocks: ArticleBlock[] } {
  const blocks: ArticleBlock[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const block of kept) {
    if (parts.length > 0) offset += 2;
    blocks.push({ kind: block.kind, text: block.text, start: offset, end: offset + block.text.length });
    parts.push(block.text);
    offset += block.text.length;
  }
  return { text: parts.join('\n\n'), blocks };
}

/** Enough of a removed element's text for the log entry. */
function preview(node: AnyNode): string {
  return collapseSpace(rawText(node, 4 * REMOVED_TEXT_CHARS));
}

function logRemoved(removed: RemovedBlock[], ruleId: string, tag: string, text: string): void {
  if (text === '') return;
  removed.push({ ruleId, tag, text: text.length > REMOVED_TEXT_CHARS ? `${text.slice(0, REMOVED_TEXT_CHARS)}…` : text });
}

// ---------------------------------------------------------------- input checks

/** C0 and C1 controls other than tab, line feed, form feed and carriage return, and U+FFFD. */
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/g;

/** Refuses empty and binary input; drops NUL characters, which no text contains. */
function checkInput(chunks: readonly string[], thresholds: StripThresholds): readonly string[] {
  if (chunks.every((chunk) => chunk.trim() === '')) throw new ClaimfeedError('INPUT_EMPTY', 'The page is empty');
  let sample = '';
  for (const chunk of chunks) {
    sample += chunk.slice(0, 4096 - sample.length);
    if (sample.length >= 4096) break;
  }
  CONTROL_CHARS.lastIndex = 0;
  if (!CONTROL_CHARS.test(sample)) return chunks;
  const control = sample.match(CONTROL_CHARS)?.length ?? 0;
  if (control / sample.length > thresholds.binaryControlShare) {
    throw new ClaimfeedError('INPUT_BINARY', `The input is not text: ${Math.round((100 * control) / sample.length)}% control or undecodable characters`);
  }
  return chunks.map((chunk) => (chunk.includes('\u0000') ? chunk.replaceAll('\u0000', '') : chunk));
}

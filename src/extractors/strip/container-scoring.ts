// Choosing the article's container: blocks score their ancestors, and the best container
// takes in split columns and like siblings.
import type { AnyNode, ParentNode } from 'domhandler';
import type { TextBlock } from './blocks.js';
import { isAncestorOf } from './dom.js';
import type { BoilerplateRule, CompiledBoilerplate } from './rules.js';
import type { StripThresholds } from './thresholds.js';

/**
 * Blocks whose scores go to their parent (the container), as paragraphs do. A table cell with
 * text of its own is a container itself (older table layouts put the whole story in one cell).
 */
const LEAF_BLOCK_TAGS: ReadonlySet<string> = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'blockquote', 'figcaption', 'address', 'summary', 'caption']);

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
export function selectMainBlocks(
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

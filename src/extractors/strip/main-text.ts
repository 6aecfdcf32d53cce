// Finding the main text: rules, container choice, lead recall and the fallbacks tried when the
// container holds too little, each recorded as a step.
import type { Document, ParentNode } from 'domhandler';
import { ClaimfeedError } from '../../errors.js';
import type { RemovedBlock } from '../../model/article.js';
import { extractBlocks, type TextBlock } from './blocks.js';
import { selectMainBlocks } from './container-scoring.js';
import { firstElementNamed, isAncestorOf } from './dom.js';
import type { StripRules } from './index.js';
import { comparable, headlineBlock, leadBeforeBody } from './lead.js';
import { logRemoved, REMOVED_TEXT_CHARS } from './removal-log.js';
import { blocksSetAside, removeBoilerplate } from './rule-removal.js';
import { findEndTextRule, findSectionHeadingRule, findTextRule, type CompiledBoilerplate } from './rules.js';
import type { StripThresholds } from './thresholds.js';

export interface MainText {
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
export interface ExtractionStep {
  step: string;
  chars: number;
}

export function extractMain(document: Document, rules: StripRules, title: string | null, elementRules: boolean): MainText {
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

/**
 * Nothing, or next to nothing, found: a typed outcome rather than an empty article, saying
 * what was tried and what the rules removed, for the failure record and the CLI.
 */
export function articleEmpty(result: MainText, tried: readonly ExtractionStep[], thresholds: StripThresholds): ClaimfeedError {
  const removedByRule: Record<string, number> = {};
  for (const entry of result.removed) removedByRule[entry.ruleId] = (removedByRule[entry.ruleId] ?? 0) + 1;
  return new ClaimfeedError(
    'ARTICLE_EMPTY',
    `No article text found: the best of ${tried.length} steps kept ${result.chars} characters (at least ${thresholds.minArticleChars} needed) of ${result.pageChars} on the page`,
    { permanent: true, details: { tried, pageChars: result.pageChars, keptText: result.blocks.map((block) => block.text).join(' ').slice(0, REMOVED_TEXT_CHARS), removedByRule } },
  );
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

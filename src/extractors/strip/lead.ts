import type { TextBlock } from './blocks.js';
import type { StripThresholds } from './thresholds.js';

/**
 * The lead: a standfirst, deck or opening paragraph that sits between the headline and the
 * container that won the scoring (in a header, an intro box, a hero block). Language-independent:
 * position after the headline, length and link density decide.
 */

/** Letters and digits only, lower-cased: headings and titles compare on their words. */
export function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Headline and title match when one holds most of the other ("Headline | Site", shortened titles). */
export function sameHeadline(heading: string, title: string): boolean {
  if (heading.length < 10) return false;
  if (heading === title) return true;
  const [short, long] = heading.length < title.length ? [heading, title] : [title, heading];
  return long.includes(short) && short.length >= 0.6 * long.length;
}

/** The headline's block: the heading that reads like the page title, else the first `h1`. */
export function headlineBlock(blocks: readonly TextBlock[], titleKey: string | null): TextBlock | null {
  let firstH1: TextBlock | null = null;
  for (const block of blocks) {
    if (block.kind !== 'heading') continue;
    if (titleKey !== null && sameHeadline(comparable(block.text), titleKey)) return block;
    if (firstH1 === null && block.owner.name === 'h1') firstH1 = block;
  }
  return firstH1;
}

/**
 * The paragraphs right before the first selected block, after the headline, that read as a
 * lead: substantial and link-poor, in one run adjacent to the body (a byline, date or label
 * between ends it). Nothing when the run is longer than a lead: another part of the layout.
 * Headings (decks) are left out: benchmarks disagree on whether a deck is article text.
 * Blocks in `setAside` (under a header or teaser class a rule would drop) count only as lead,
 * and are looked for also when the container holds the headline.
 */
export function leadBeforeBody(
  blocks: readonly TextBlock[],
  selected: ReadonlySet<TextBlock>,
  headline: TextBlock | null,
  thresholds: StripThresholds,
  accept: (block: TextBlock) => boolean,
  setAside: ReadonlyMap<TextBlock, unknown> = new Map(),
): TextBlock[] {
  if (headline === null) return [];
  let first = -1;
  for (const block of blocks) {
    if (selected.has(block)) {
      first = block.index;
      break;
    }
  }
  // The container holds the headline too: only what a rule set aside between the headline
  // and the body can be a lead there.
  const withinContainer = first !== -1 && first <= headline.index;
  if (withinContainer) {
    first = -1;
    for (let index = headline.index + 1; index < blocks.length && first === -1; index++) if (selected.has(blocks[index] as TextBlock)) first = index;
  }
  if (first <= headline.index + 1) return [];
  const lead: TextBlock[] = [];
  let substantial = 0;
  for (let index = first - 1; index > headline.index; index--) {
    const block = blocks[index] as TextBlock;
    if (withinContainer && !setAside.has(block)) break;
    const prose = block.chars >= thresholds.leadMinChars && block.linkChars / block.chars <= thresholds.leadMaxLinkDensity;
    // What a rule set aside (a header's date line, a teaser's label) is gone unless it is the
    // lead: a sentence (a date line is not) not repeated in the body (decks often are).
    if (setAside.has(block) && !(prose && block.kind === 'paragraph' && SENTENCE_END.test(block.text) && !repeatedAfter(block, blocks, first))) continue;
    // A byline, date, label or link list between: the run adjacent to the body ends there.
    if (!prose) break;
    if (++substantial > thresholds.maxLeadBlocks) return [];
    if (block.kind !== 'paragraph') continue;
    if (accept(block)) lead.unshift(block);
  }
  return lead;
}

/** Sentence-final punctuation, then closing quotes or brackets, at the end of a text. */
const SENTENCE_END = /[.!?…。！？]["'»«“”’)\]]*$/u;

/** Whether the same text comes again before the body's first blocks end (a deck repeated as the article's abstract). */
function repeatedAfter(block: TextBlock, blocks: readonly TextBlock[], bodyStart: number): boolean {
  const end = Math.min(blocks.length, bodyStart + LEAD_REPEAT_WINDOW);
  for (let index = block.index + 1; index < end; index++) if ((blocks[index] as TextBlock).text === block.text) return true;
  return false;
}

/** Blocks of the body searched for a repeat of a lead: a repeated deck follows right away. */
const LEAD_REPEAT_WINDOW = 5;

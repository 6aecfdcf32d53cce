import type { Token } from '../text/tokens.js';
import type { Span } from './candidate.js';
import { lookupName, type ActorEngine } from './engine.js';

/** Joiners allowed inside a name when a capitalised word follows ("University of X", "Johnson & Johnson"). */
export const CONNECTORS = new Set(['of', 'and', '&', 'de', 'del', 'da', 'di', 'do', 'dos', 'la', 'le', 'van', 'von', 'der', 'bin', 'al', 'for', 'the']);
/** Longer capitalised runs (tables, title-case headlines, junk) are cut: no name is this long. */
const MAX_RUN_TOKENS = 16;

function isNameToken(token: Token): boolean {
  return token.kind === 'word' && token.capitalized;
}

/**
 * The spans that may name an actor, in text order: runs of capitalised words (with connectors and
 * "F." initials inside, never across a line break), split where a connector joins two names.
 */
export function candidateSpans(state: ActorEngine, tokens: Token[]): Span[] {
  const spans: Span[] = [];
  const possessives: { at: number; ruleId: string }[] = [];
  let index = 0;
  while (index < tokens.length) {
    if (!isNameToken(tokens[index] as Token)) {
      index++;
      continue;
    }
    let end = index + 1;
    while (end < tokens.length && end - index < MAX_RUN_TOKENS) {
      const next = tokens[end] as Token;
      if (next.newlineBefore) break;
      if (isNameToken(next)) {
        end++;
        continue;
      }
      const after = tokens[end + 1];
      const possessiveRuleId = possessiveInName(state, tokens, end);
      if (possessiveRuleId !== undefined) {
        possessives.push({ at: end, ruleId: possessiveRuleId });
        end += 2;
        continue;
      }
      const abbreviationDot = next.text === '.' && !next.spaceBefore && ((tokens[end - 1] as Token).text.length === 1 || state.titleHeads.has((tokens[end - 1] as Token).lower));
      if (after && !after.newlineBefore && isNameToken(after) && (CONNECTORS.has(next.text) || abbreviationDot)) {
        end += 2;
        continue;
      }
      // "Bank of the West", "Foundation for the Arts": a joiner and "the" before the rest of the name.
      const third = tokens[end + 2];
      if ((next.text === 'of' || next.text === 'for') && after?.text === 'the' && third && !third.newlineBefore && isNameToken(third)) {
        end += 3;
        continue;
      }
      break;
    }
    for (const segment of segmentRun(state, tokens, index, end)) {
      const possessive = possessives.find((joint) => joint.at > segment.start && joint.at < segment.end);
      spans.push(possessive ? { ...segment, possessive } : segment);
    }
    index = end;
  }
  return spans;
}

/**
 * "People's Daily", "Children's Hospital", "Workers' Party": a plural of people from the lexicon row, its possessive at
 * `at`, then a capitalised word on the same line: the possessive is inside the name. The row's id, or undefined.
 */
function possessiveInName(state: ActorEngine, tokens: Token[], at: number): string | undefined {
  const mark = tokens[at] as Token;
  const owner = tokens[at - 1] as Token;
  const after = tokens[at + 1];
  if (mark.spaceBefore || !after || !isNameToken(after) || after.newlineBefore || !after.spaceBefore) return undefined;
  const apostropheS = mark.lower === "'s" || mark.lower === '’s';
  const apostropheAfterS = (mark.text === "'" || mark.text === '’') && owner.lower.endsWith('s');
  return apostropheS || apostropheAfterS ? state.possessiveNameParts.get(owner.lower) : undefined;
}

/** Splits a capitalised run at connectors that join two names rather than form one. */
function segmentRun(state: ActorEngine, tokens: Token[], start: number, end: number): Span[] {
  // A dictionary name that spans connectors ("Customs and Border Protection") stays whole.
  const segments: Span[] = [];
  let segmentStart = start;
  let position = start;
  while (position < end) {
    const known = lookupName(state, tokens, position, end);
    if (known && known.tokens.length > 1) {
      position += known.tokens.length;
      continue;
    }
    const token = tokens[position] as Token;
    if (token.kind === 'word' && !token.capitalized && CONNECTORS.has(token.text)) {
      if (!keepConnector(state, tokens, segmentStart, position, end)) {
        segments.push({ start: segmentStart, end: position });
        // "Emperor of the United States": the article after a split joiner belongs to neither name.
        if (tokens[position + 1]?.text === 'the' && position + 2 < end) position++;
        segmentStart = position + 1;
      }
    }
    position++;
  }
  segments.push({ start: segmentStart, end });
  return segments.filter((segment) => segment.end > segment.start);
}

function keepConnector(state: ActorEngine, tokens: Token[], segmentStart: number, position: number, end: number): boolean {
  const connector = (tokens[position] as Token).text;
  const before = tokens[position - 1] as Token;
  if (connector === 'of' || connector === 'for' || connector === 'the') {
    if (state.orgHeads.has(before.lower) || state.placeHeads.has(before.lower) || state.lexicon.isOrgHeadWord(before.lower)) return true;
    const titles = state.titleHeads.get(before.lower);
    if (titles?.some((title) => title.takesOf)) return true;
    return connector === 'the' && (before.text === 'of' || before.text === 'for');
  }
  if (connector === 'and' || connector === '&') {
    // Keep "Mary & Leigh Block Museum", split "Republicans and Democrats".
    let headEnd = end;
    for (let index = position + 1; index < end; index++) {
      const word = tokens[index] as Token;
      if (!word.capitalized && CONNECTORS.has(word.text) && word.text !== 'of' && word.text !== 'the' && word.text !== 'for') {
        headEnd = index;
        break;
      }
    }
    const head = tokens[headEnd - 1] as Token;
    const leftIsName = lookupName(state, tokens, segmentStart, position);
    if (leftIsName && segmentStart + leftIsName.tokens.length === position) return false;
    return state.orgHeads.has(head.lower) || state.lexicon.isOrgHeadWord(head.lower);
  }
  // de, van, bin …: particles inside personal names.
  return true;
}

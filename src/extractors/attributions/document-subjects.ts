import type { Sentence, Token } from '../text/tokens.js';
import { isPhraseBreak } from './word-tests.js';
import type { Range, Reading } from './reading.js';
import { afterOpeningConnective } from './opening-phrases.js';
import { spanWords } from './span-rules.js';
import { isFiniteVerbAt } from './clause-boundaries.js';
import { AUXILIARY_VERBS, COORDINATORS } from './word-lists.js';

/** Row of config/attributions/spans.json whose words open what describes a document before its finding verb. */
const DESCRIBED_DOCUMENT_ROW = 'span.described-document';
/** Longest subject read this way: "Early returns of surveys carried out by the Harbour Institute for the island papers". */
const MAX_DESCRIBED_DOCUMENT_TOKENS = 24;
/** Relative words that may open an insert set off by commas after the document: "The markets, where traders bet, show …". */
const INSERT_RELATIVES: ReadonlySet<string> = new Set(['where', 'which', 'who']);

/**
 * "Records compiled by the commission show …", "The polling that was done in May showed …",
 * "The markets, where traders bet on the outcome, show …": a document (a head of speaker.document)
 * opening the clause, followed by a participle, a preposition or a relative clause that describes
 * it, is the subject of the finding verb at `end`, the whole phrase its name. After a comma it
 * closes the sentence (", records compiled by the commission show.").
 */
export function documentSubjectBefore(ctx: Reading, sentence: Sentence, end: number): Range | undefined {
  const { tokens, state, lower } = ctx;
  const start = afterLastComma(ctx, sentence, end) ?? afterOpeningConnective(ctx, sentence.tokenStart, end);
  if (end - start > MAX_DESCRIBED_DOCUMENT_TOKENS) return undefined;
  let head = -1;
  for (let index = start; index < end - 1; index++) {
    const token = tokens[index] as Token;
    if (state.speakerHeads.get(token.lower) === 'speaker.document' && state.speakerHeads.get(lower(index + 1)) !== 'speaker.document') {
      head = index;
      break;
    }
    if (isPhraseBreak(token)) return undefined;
    if (AUXILIARY_VERBS.has(token.lower) || isFiniteVerbAt(ctx, index)) return undefined;
  }
  if (head < 0) return undefined;
  const opener = tokens[head + 1] as Token;
  if (opener.text === ',') {
    // An insert set off by commas closes right before the verb.
    if (!INSERT_RELATIVES.has(lower(head + 2)) || (tokens[end - 1] as Token).text !== ',') return undefined;
    for (let index = head + 2; index < end - 1; index++) if ((tokens[index] as Token).text === ',') return undefined;
    return { start, end: head + 1 };
  }
  if (!spanWords(DESCRIBED_DOCUMENT_ROW).has(opener.lower)) return undefined;
  for (let index = head + 1; index < end; index++) if (isPhraseBreak(tokens[index] as Token)) return undefined;
  return { start, end };
}

/** Where the phrase after the last comma before `end` starts, unless that comma closes an insert right before `end`. */
function afterLastComma(ctx: Reading, sentence: Sentence, end: number): number | undefined {
  if ((ctx.tokens[end - 1] as Token | undefined)?.text === ',') return undefined;
  for (let index = end - 1; index > sentence.tokenStart; index--) {
    if ((ctx.tokens[index] as Token).text !== ',' || ctx.quotes.depth[index] !== 0) continue;
    // ", and polls taken in May show …": the coordinator joins a clause of its own.
    return COORDINATORS.has(ctx.lower(index + 1)) ? index + 2 : index + 1;
  }
  return undefined;
}

/** Longest document phrase between a preposition and its participle: "despite the latest national polls showing …". */
const MAX_PREPOSITION_OBJECT_TOKENS = 8;

/** "With polls showing Roe ahead, …", "despite a new survey showing …": the document between a preposition and the participle of finding at `cueStart`. */
export function documentAfterPreposition(ctx: Reading, sentence: Sentence, cueStart: number): Range | undefined {
  const { tokens, state } = ctx;
  let start = cueStart;
  while (start > sentence.tokenStart && cueStart - start < MAX_PREPOSITION_OBJECT_TOKENS) {
    const token = tokens[start - 1] as Token;
    if (isPhraseBreak(token)) return undefined;
    // A capitalised preposition only opens the sentence ("Despite polls …"); elsewhere it starts a name.
    if ((!token.capitalized || start - 1 === sentence.tokenStart) && state.lexicon.classes(token.lower).has('preposition')) break;
    start--;
  }
  if (start === cueStart || start === sentence.tokenStart || !state.lexicon.classes(ctx.lower(start - 1)).has('preposition')) return undefined;
  return { start, end: cueStart };
}

/** Longest stretch from a document's head word to the "that" of its relative clause: "a chart drawn up in 1994 that". */
const MAX_DOCUMENT_TAIL_TOKENS = 6;
/** Longest phrase before a document's head word: "the latest national Quinnipiac". */
const MAX_DOCUMENT_LEAD_TOKENS = 5;

/**
 * "surveys by the Harbour Institute that showed …", "a chart drawn in 1994 that showed …": the
 * document a relative "that" or "which" at `relative` stands for, when words describing it stand
 * between its head and the relative pronoun (a head right before it is read as a plain speaker).
 */
export function documentBeforeRelative(ctx: Reading, sentenceStart: number, relative: number): Range | undefined {
  const { tokens, state } = ctx;
  for (let index = relative - 1; index >= sentenceStart && relative - index <= MAX_DOCUMENT_TAIL_TOKENS; index--) {
    const token = tokens[index] as Token;
    if (isPhraseBreak(token)) return undefined;
    if (AUXILIARY_VERBS.has(token.lower) || (isFiniteVerbAt(ctx, index) && !spanWords(DESCRIBED_DOCUMENT_ROW).has(token.lower))) return undefined;
    if (state.speakerHeads.get(token.lower) !== 'speaker.document') continue;
    let start = index;
    while (start > sentenceStart && index - start < MAX_DOCUMENT_LEAD_TOKENS && leadsNounPhrase(ctx, start - 1)) start--;
    return { start, end: relative };
  }
  return undefined;
}

/** A word that may stand before a head noun in its phrase: a determiner, a number, an adjective or noun, a name. */
function leadsNounPhrase(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  if (token.kind === 'number') return true;
  if (token.kind !== 'word' || token.lower === 'to') return false;
  const classes = ctx.state.lexicon.classes(token.lower);
  return !classes.has('preposition') && !(classes.has('verb') && !classes.has('noun') && !classes.has('adjective')) && !COORDINATORS.has(token.lower) && !/ing$/.test(token.lower);
}

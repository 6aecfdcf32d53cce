import type { ActorMention, Attribution, RejectedCandidate, Span } from '../../model/claim.js';
import type { AnalyzedText, Sentence, Token } from '../text/tokens.js';
import { loadEngine, type AttributionEngine } from './engine.js';
import { markQuotes, type QuoteMarks } from './quotes.js';
import { headlineEndOf, isTitleCaseLine, withHeadlineSmallWords } from './headlines.js';

export type Range = { start: number; end: number };

/**
 * One article being read: its tokens and quotation marks, the cue tables, and what the readers
 * have found so far. Every reader takes it as its first argument.
 */
export interface Reading {
  text: string;
  tokens: readonly Token[];
  sentences: readonly Sentence[];
  actors: readonly ActorMention[];
  quotes: QuoteMarks;
  state: AttributionEngine;
  attributions: Attribution[];
  rejected: RejectedCandidate[];
  /** A quotation that ran on past its sentence: the later sentences are its content already. */
  quotedUntil: number;
  /** First token of the sentence being read (matchCue needs it for sentence-opening participles). */
  currentSentenceStart: number;
  /** The sentence being read, and the speakers linked to an actor so far (for "he", "she", "they"). */
  currentSentence: number;
  linkedSpeakers: Array<{ sentence: number; actor: ActorMention }>;
  /** Content spans cut short by a rule of config/attributions/spans.json, and that rule's id. */
  contentRuleOf: WeakMap<Span, string>;
  /** Where the text's headline ends (a character offset), or -1 when the text opens with none. */
  headlineEnd: number;
  /** The headline is in Title Case or capitals ("Mayor Roe Says Pier Will Close"). */
  titleCaseHeadline: boolean;
  lower: (index: number) => string;
  isOpenQuote: (index: number) => boolean;
  isCloseQuote: (index: number) => boolean;
  spanOf: (start: number, end: number) => Span | null;
}

export function startReading(text: string, actors: readonly ActorMention[], analyzed: AnalyzedText, apartTitle: string | null = null): Reading {
  const headlineEnd = headlineEndOf(text, apartTitle);
  const titleCaseHeadline = headlineEnd >= 0 && isTitleCaseLine(analyzed.tokens, headlineEnd);
  const tokens = withHeadlineSmallWords(analyzed.tokens, headlineEnd, titleCaseHeadline);
  const { sentences } = analyzed;
  const quotes = markQuotes(text, tokens, sentences, headlineEnd);
  return {
    text,
    tokens,
    sentences,
    actors,
    quotes,
    state: loadEngine(),
    attributions: [],
    rejected: [],
    quotedUntil: -1,
    currentSentenceStart: 0,
    currentSentence: 0,
    linkedSpeakers: [],
    contentRuleOf: new WeakMap(),
    headlineEnd,
    titleCaseHeadline,
    lower: (index) => tokens[index]?.lower ?? '',
    isOpenQuote: (index) => quotes.role[index] === 1,
    isCloseQuote: (index) => quotes.role[index] === -1,
    spanOf: (start, end) => {
      if (end <= start) return null;
      const first = tokens[start] as Token;
      const last = tokens[end - 1] as Token;
      return { start: first.start, end: last.end, text: text.slice(first.start, last.end) };
    },
  };
}

/** Whether the token at `index` stands in the text's headline, where articles and auxiliaries drop out ("Roe To Back Pier Plan"). */
export function inHeadline(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  return token !== undefined && token.start < ctx.headlineEnd;
}

/** The sentence without its final period (content spans stop before it). */
export function sentenceBodyEnd(ctx: Reading, sentence: Sentence): number {
  const { tokens } = ctx;
  let end = sentence.tokenEnd;
  const last = tokens[end - 1] as Token;
  if (last && (last.text === '.' || last.text === '!' || last.text === '?') && end - 1 > sentence.tokenStart) end--;
  return end;
}

/** The token index just past the token that ends at character `end` (bounded by `limit`). */
export function tokenIndexEndingAt(ctx: Reading, end: number, limit: number): number {
  const { tokens } = ctx;
  let index = limit;
  while (index > 0 && (tokens[index - 1] as Token).end > end) index--;
  return Math.max(index, 0);
}

/** The first comma outside quotations at or after `from`, else `end`. */
export function nextCommaOrEnd(ctx: Reading, from: number, end: number): number {
  for (let index = from; index < end; index++) if ((ctx.tokens[index] as Token).text === ',' && ctx.quotes.depth[index] === 0) return index;
  return end;
}

/** Whether `words` stand in the text from token `start` on (a loop: this runs for most tokens, a closure would be made for each). */
export function wordsStandAt(ctx: Reading, words: readonly string[], start: number): boolean {
  for (let offset = 0; offset < words.length; offset++) if (ctx.lower(start + offset) !== words[offset]) return false;
  return true;
}

import type { RejectedCandidate } from '../../model/claim.js';
import type { AnalyzedText, Token } from '../text/tokens.js';
import { collectAcronymDefinitions } from './acronyms.js';
import type { AcronymDefinition, Candidate, Span, TypeGuess } from './candidate.js';
import { loadEngine, type ActorEngine } from './engine.js';

/** What the engine knows about one document while it reads it: tokens, sentence starts, candidates so far. */
export interface ActorScan {
  state: ActorEngine;
  text: string;
  tokens: Token[];
  sentenceStarts: ReadonlySet<number>;
  /** How often each word is capitalised mid-sentence. */
  capitalizedElsewhere: ReadonlyMap<string, number>;
  /** Pairs of capitalised words ("Van Der", "Wall Street") seen mid-sentence, keyed "first second". */
  pairsElsewhere: ReadonlySet<string>;
  /** Token indices of sentence-opening words kept because the article writes the same pair mid-sentence. */
  keptOpeners: Set<number>;
  acronyms: ReadonlyMap<string, AcronymDefinition>;
  candidates: Candidate[];
  rejected: RejectedCandidate[];
  /** describedBy answers by span: it is asked for the same span while trimming and while typing. */
  described: Map<number, TypeGuess | undefined>;
}

/** Openers after which a capitalised word may only be capitalised because a quotation or aside starts. */
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '—', '–', '-', ':', ';']);

export function startScan(text: string, analyzed: AnalyzedText): ActorScan {
  const { tokens, sentences } = analyzed;
  const sentenceStarts = new Set<number>();
  for (const sentence of sentences) sentenceStarts.add(sentence.tokenStart);
  return {
    state: loadEngine(),
    text,
    tokens,
    sentenceStarts,
    capitalizedElsewhere: collectMidSentenceCapitals(tokens, sentenceStarts),
    pairsElsewhere: collectMidSentencePairs(tokens, sentenceStarts),
    keptOpeners: new Set(),
    acronyms: collectAcronymDefinitions(tokens),
    candidates: [],
    rejected: [],
    described: new Map(),
  };
}

export function reject(scan: ActorScan, span: Span, reason: string, ruleId: string): void {
  const first = scan.tokens[span.start] as Token;
  const last = scan.tokens[span.end - 1] as Token;
  scan.rejected.push({ layer: 'actor', start: first.start, end: last.end, text: scan.text.slice(first.start, last.end), reason, ruleId });
}

export function spanText(scan: ActorScan, start: number, end: number): string {
  return scan.text.slice((scan.tokens[start] as Token).start, (scan.tokens[end - 1] as Token).end);
}

/** A sentence start, or a word right after an opening quote, bracket or dash that opens the sentence. */
export function isClauseStart(scan: ActorScan, position: number): boolean {
  const { sentenceStarts, tokens } = scan;
  if (sentenceStarts.has(position)) return true;
  const previous = tokens[position - 1];
  return previous !== undefined && OPENERS.has(previous.text) && (position < 2 || sentenceStarts.has(position - 1) || previous.text === ':' || previous.text === '“' || previous.text === '"');
}

/** How often each word is capitalised mid-sentence (not after an opening quote or bracket). */
function collectMidSentenceCapitals(tokens: Token[], sentenceStarts: ReadonlySet<number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (!token.capitalized || token.kind !== 'word' || sentenceStarts.has(index)) continue;
    const previous = tokens[index - 1] as Token;
    if (OPENERS.has(previous.text)) continue;
    counts.set(token.text, (counts.get(token.text) ?? 0) + 1);
  }
  return counts;
}

function collectMidSentencePairs(tokens: Token[], sentenceStarts: ReadonlySet<number>): Set<string> {
  const pairs = new Set<string>();
  for (let index = 1; index + 1 < tokens.length; index++) {
    const token = tokens[index] as Token;
    const next = tokens[index + 1] as Token;
    if (!token.capitalized || token.kind !== 'word' || !next.capitalized || next.kind !== 'word' || sentenceStarts.has(index)) continue;
    if (OPENERS.has((tokens[index - 1] as Token).text)) continue;
    pairs.add(`${token.text} ${next.text}`);
  }
  return pairs;
}

/** Whether the word also appears in lower case; asked rarely, so a scan beats indexing every word. */
export function appearsInLowerCase(tokens: Token[], lower: string): boolean {
  for (const token of tokens) if (!token.capitalized && token.lower === lower) return true;
  return false;
}

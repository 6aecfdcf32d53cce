import type { FigureKind, FigureQualifier, RejectedCandidate } from '../../model/claim.js';
import type { Lexicon, NumberFormatRow, PhraseTrie } from './lexicon.js';
import type { QuoteState } from './quotes.js';
import type { ScannerRules } from './scanner-rules.js';
import { glued, type Token } from './tokens.js';

/** What every reading step looks at: the text, its tokens, the rule tables and the number format. */
export interface ScanContext {
  readonly text: string;
  readonly tokens: Token[];
  readonly lex: Lexicon;
  readonly rules: ScannerRules;
  readonly format: NumberFormatRow;
  /** Which quotations of a mark ('"') are open where, read once over the text. */
  quotes(mark: string): QuoteState;
}

/** Sorted, disjoint text ranges looked up at rising offsets. */
export interface OffsetRanges {
  at(offset: number): [number, number] | null;
}

/** A scan in progress: the figures read so far and the numbers rejected so far. */
export interface ScanState extends ScanContext {
  readonly figures: Candidate[];
  readonly rejected: RejectedCandidate[];
  readonly phoneRanges: OffsetRanges;
  readonly urlRanges: OffsetRanges;
  /** Token index up to which numbers were consumed by a rejection (dates, times, phone numbers). */
  readonly rejectedUntil: number;
  reject(start: number, end: number, ruleId: string): void;
}

export interface UnitFound {
  unit: string;
  kind: FigureKind;
  end: number;
  ruleId: string;
  currency: boolean;
  counted: boolean;
  /** A scale the unit carries ("MUSD": millions of dollars). */
  factor?: number;
  /** The pattern that found the unit where it is not right after the number ("20 (kg)"). */
  via?: string;
}

/** A figure being read, its start and end as token indices. */
export interface Candidate {
  start: number;
  end: number;
  value: number;
  unit: string | null;
  kind: FigureKind;
  ruleIds: string[];
  qualifier?: FigureQualifier;
  per?: string;
  low?: number;
  high?: number;
  change?: 'up' | 'down';
}

export const HYPHENS = new Set(['-', '–', '—']);
export const SENTENCE_ENDS = new Set(['.', '!', '?', ';', '']);
export const GLUE_SIGNS = new Set(['-', '–', '/', '+', '.', ':', '_']);

export interface PhraseMatch<T> {
  value: T;
  end: number;
}

/** The longest phrase of the trie starting at token i. */
export function matchPhrase<T>(trie: PhraseTrie<T>, tokens: Token[], i: number, accept: (value: T, end: number, tokens: Token[]) => boolean = () => true): PhraseMatch<T> | null {
  // Most tokens start no phrase: nothing is allocated for them.
  if (i >= tokens.length || !trie.next.has((tokens[i] as Token).lower)) return null;
  let node: PhraseTrie<T> | undefined = trie;
  let best: PhraseMatch<T> | null = null;
  const spelled: string[] = [];
  for (let j = i; j < tokens.length && node; j++) {
    const token = tokens[j] as Token;
    node = node.next.get(token.lower);
    if (!node) break;
    spelled.push(token.text);
    for (const candidate of node.values) {
      if (candidate.exact !== null && candidate.exact !== spelled.join(' ')) continue;
      if (candidate.glued && !tokens.slice(i + 1, j + 1).every((part, index) => glued(tokens[i + index], part))) continue;
      if (accept(candidate.value, j + 1, tokens)) best = { value: candidate.value, end: j + 1 };
    }
  }
  return best;
}

/** The longest phrase of the trie that ends exactly at token `end` (starting at most `maxTokens` back). */
export function matchPhraseBefore<T>(trie: PhraseTrie<T>, tokens: Token[], end: number, maxTokens: number): { value: T; start: number } | null {
  for (let start = Math.max(0, end - maxTokens); start < end; start++) {
    const match = matchPhrase(trie, tokens, start, (_value, matchEnd) => matchEnd === end);
    if (match) return { value: match.value, start };
  }
  return null;
}

import type { FigureKind, FigureQualifier } from '../../model/claim.js';
import { matchPhraseBefore, type ScanContext } from './context.js';
import type { ChangeRow } from './lexicon.js';
import { isInsideWord } from './names.js';
import type { Token } from './tokens.js';

/** What is said about a figure around it: a qualifier before it ("about", "more than") and a change ("rose 5%", "5% higher"). */

/** The qualifier phrase ending right before token `start` ("nearly", "more than"), not the tail of a longer word. */
export function readQualifier(ctx: ScanContext, start: number): { qualifier: FigureQualifier; start: number; ruleId: string } | null {
  const match = matchPhraseBefore(ctx.lex.qualifiers, ctx.tokens, start, 4);
  if (!match || isInsideWord(ctx, match.start)) return null;
  // "handed over 40 files": the word is the verb's particle, the figure its object
  if (match.start === start - 1 && match.value.particleOf.has(ctx.tokens[match.start - 1]?.lower ?? '')) return null;
  return { qualifier: match.value.qualifier, start: match.start, ruleId: match.value.id };
}

/** A change verb before the figure, with an optional "by" between ("rose by 5%"). */
export function readChangeBefore(ctx: ScanContext, start: number): { row: ChangeRow; word: string; by: boolean } | undefined {
  let before = start - 1;
  const by = ctx.tokens[before]?.lower === 'by';
  if (by) before--;
  const token = ctx.tokens[before];
  const row = token ? ctx.lex.changeBefore.get(token.lower) : undefined;
  // "made up 45% of the vote": the word is the verb's particle and the figure its object
  if (row && !by && token?.lower === row.change && row.particleOf.has(ctx.tokens[before - 1]?.lower ?? '')) return undefined;
  return row && token ? { row, word: token.lower, by } : undefined;
}

/** "raised $5 million", "could raise up to $9 billion": collecting money, not a rise ("raised prices by $2" is one). */
export function collectsMoney(change: { row: ChangeRow; word: string; by: boolean }, kind: FigureKind): boolean {
  return kind === 'money' && !change.by && change.row.notBeforeMoney.includes(change.word);
}

/** A change word after a percentage or an amount ("5% higher", "$2 more"). */
export function readChangeAfter(ctx: ScanContext, end: number, kind: FigureKind): ChangeRow | undefined {
  const token: Token | undefined = ctx.tokens[end];
  const row = token ? ctx.lex.changeAfter.get(token.lower) : undefined;
  return row && (kind === 'percent' || kind === 'money') ? row : undefined;
}

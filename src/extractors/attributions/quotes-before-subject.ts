import type { Sentence, Token } from '../text/tokens.js';
import { reportAfterAside } from './clause-boundaries.js';
import type { Reading } from './reading.js';

// Whether a quotation before the subject is what the cue reports or part of a phrase of the sentence ("After hitting “Roam,” the singer told …").

/** "told the audience, “…”": a quotation opens after the cue's addressee and its comma (read as an aside is). */
export function quotationAfterAddressee(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const report = reportAfterAside(ctx, cueEnd - 1, bodyEnd);
  return report !== undefined && ctx.isOpenQuote(report);
}

/** "hitting “Roam,”", "of “Roam,”": the quotation is an object, not the rest of a subject phrase ("The “animosity is …,”") or of its clause ("Customers “began to …,”"). */
export function quotedAfterVerbOrPreposition(ctx: Reading, close: number): boolean {
  const open = ctx.quotes.openOf[close] ?? -1;
  if (open <= 0 || (ctx.tokens[open - 1] as Token).capitalized) return false;
  const before = ctx.lower(open - 1);
  const classes = ctx.state.lexicon.classes(before);
  return /ing$/.test(before) || classes.has('preposition') || (classes.has('verb') && !classes.has('noun'));
}

/**
 * "Walking in to chants of “Go, Roe!,” the senator said his campaign …", "Even as Roe claimed
 * that “…,” Doe said the cases differ": a quotation that words of the same sentence lead into is
 * part of an opening phrase; when the cue has a clause of its own, that clause is what was said.
 */
export function quotedInsideClause(ctx: Reading, sentence: Sentence, close: number): boolean {
  const open = ctx.quotes.openOf[close] ?? -1;
  // (A cry inside the quotation, "“Roe! Roe!,”", may have ended a sentence there: the opening mark then stands in the one before.)
  return open > 0 && open !== sentence.tokenStart && (ctx.tokens[open - 1] as Token).kind === 'word';
}

import type { Reading } from './reading.js';
import { isFiniteVerbAt } from './clause-boundaries.js';
import { AUXILIARY_VERBS, POSSESSIVE_MARKS } from './word-lists.js';

/** Row of config/attributions/spans.json: "what" or "who" as the subject of its own verb opens a noun cue's object clause. */
export const SUBJECT_QUESTION_ROW = 'span.subject-question-object';

/** "support for what would be a new pier", "his opinion on who will lead": "what" or "who" at `start` is the subject of the verb after it. */
export function opensSubjectQuestion(ctx: Reading, start: number): boolean {
  const word = ctx.lower(start);
  // ("what's right": a contracted "'s" may be "is" or "has", and the clause's end is not shown; it is left as it was read.)
  const next = ctx.lower(start + 1);
  return (word === 'what' || word === 'who') && !POSSESSIVE_MARKS.has(next) && (AUXILIARY_VERBS.has(next) || isFiniteVerbAt(ctx, start + 1));
}

import { spanWords } from './span-rules.js';
import { PAST_FORM, IRREGULAR_PAST, COORDINATORS } from './word-lists.js';
import { passiveAuxiliaryBefore } from './cue-matching.js';
import type { Reading } from './reading.js';

/** How many participles a coordinated passive may chain before the cue ("was stopped, searched and warned"). */
const MAX_COORDINATED_PARTICIPLES = 4;

/**
 * "were mocked and pilloried, tarred …", "was stopped, searched and warned about …": a past form
 * after "and", "or" or a comma that follows a passive participle shares its "be" (span.coordinated-passive).
 * Only when no object or clause follows it: "was elected and said that …" and "was sworn in and
 * told reporters …" are active verbs of the same subject.
 */
export function coordinatedWithPassive(ctx: Reading, sentenceStart: number, cueStart: number): boolean {
  const { tokens, lower, state } = ctx;
  if (!PAST_FORM.test(lower(cueStart)) && !IRREGULAR_PAST.test(lower(cueStart))) return false;
  const after = tokens[cueStart + 1];
  const noObject = after === undefined || (after.kind === 'punct' && !ctx.isOpenQuote(cueStart + 1)) || COORDINATORS.has(after.lower) || (state.lexicon.classes(after.lower).has('preposition') && after.lower !== 'that' && after.lower !== 'to');
  if (!noObject || !spanWords('span.coordinated-passive').has(lower(cueStart - 1))) return false;
  let index = cueStart - 1;
  for (let count = 0; count < MAX_COORDINATED_PARTICIPLES; count++) {
    // the separator: "and", "or", "," or ", and"
    while (index > sentenceStart && spanWords('span.coordinated-passive').has(lower(index))) index--;
    if (index <= sentenceStart || index === cueStart - 1) return false;
    const participle = lower(index);
    if (!PAST_FORM.test(participle) && !IRREGULAR_PAST.test(participle)) return false;
    if (passiveAuxiliaryBefore(ctx, index) !== undefined) return true;
    index--;
  }
  return false;
}

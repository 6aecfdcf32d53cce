import type { Token } from '../text/tokens.js';
import { readsAsInfinitive } from './noun-cues.js';
import { spanAfterWords, spanVerbForms } from './span-rules.js';
import { CLAUSE_WORDS, COORDINATORS, LY_ADVERB } from './word-lists.js';
import type { Reading } from './reading.js';

/** Row of config/attributions/spans.json: verbs of refusing that also name a fall in amount. */
export const FALL_IN_AMOUNT_ROW = 'span.fall-in-amount';
/** How far a "to" infinitive may stand from the verb: "declined for two years to", "declined at first to". */
const MAX_ADJUNCT_TOKENS = 4;

/**
 * "fares declined 40 percent", "traffic declined to 2,000 cars", "the share has declined, by nine points",
 * "it declined in almost every port", "debt would decline, and …": a verb of span.fall-in-amount reports a
 * refusal only with what was refused after it, an infinitive ("declined to comment", "declined for years to
 * say") or an object ("declined comment", "declined the offer", "declined multiple requests"). A number, a
 * preposition, an adverb of degree, punctuation or a joining word after it tells how much or where a thing fell
 * ("that" is left to open an object: "declined that post").
 */
export function fallsInAmount(ctx: Reading, position: number, end: number): boolean {
  if (!spanVerbForms(FALL_IN_AMOUNT_ROW).has(ctx.lower(position))) return false;
  const { tokens, lower } = ctx;
  const first = position + 1;
  const token = tokens[first] as Token | undefined;
  if (token === undefined || first >= end || token.kind !== 'word') return true;
  const limit = Math.min(end, first + MAX_ADJUNCT_TOKENS);
  for (let at = first; at < limit && tokens[at]?.kind === 'word'; at++) {
    if (lower(at) === 'to') return !(tokens[at + 1]?.kind === 'word' && !spanAfterWords(FALL_IN_AMOUNT_ROW).has(lower(at + 1)) && readsAsInfinitive(ctx, at + 1));
  }
  const word = token.lower;
  return ctx.state.lexicon.classes(word).has('preposition') || LY_ADVERB.test(word) || COORDINATORS.has(word) || (CLAUSE_WORDS.has(word) && word !== 'that') || spanAfterWords(FALL_IN_AMOUNT_ROW).has(word);
}

import { firstStartingAtOrAfter } from '../text/spans.js';
import type { Span } from '../../model/claim.js';
import type { Token } from '../text/tokens.js';
import type { Reading } from './reading.js';
import { AUXILIARY_VERBS, DETERMINERS, POSSESSIVE_ENDINGS, POSSESSIVE_MARKS, PRONOUNS, RELATIVE_SPEAKERS } from './word-lists.js';
import { opensNoPhrase } from './word-tests.js';

/** Row of config/attributions/spans.json: a common noun owning the next noun inside a noun cue's object ("support for the ferry's owners"). */
export const COMMON_NOUN_OWNER_ROW = 'span.common-noun-owner';

/**
 * A possessive ending after a name ("Roe’s plan", "Sanders’ vote") or a common noun ("the ferry’s owners", "the
 * pilots’ pay"), not "’s" for "is" or "has" ("Roe’s going", "he’s", "what’s").
 */
export function possessiveAt(ctx: Reading, index: number): boolean {
  const { tokens, lower } = ctx;
  const owner = tokens[index - 1] as Token;
  const owned = tokens[index + 1] as Token | undefined;
  const mark = lower(index);
  if (owner.kind !== 'word' || !owned || owned.kind !== 'word') return false;
  if (!owner.capitalized && !commonNounOwner(ctx, index - 1)) return false;
  if (!POSSESSIVE_ENDINGS.has(mark)) return false;
  if (!POSSESSIVE_MARKS.has(mark)) return owner.lower.endsWith('s') && !owned.capitalized && !AUXILIARY_VERBS.has(owned.lower);
  // "Roe’s leaving the party", "Roe’s saying that …": an "-ing" word with its own object or clause is a verb.
  const verbInIng = /ing$/.test(owned.lower) && (['to', 'that'].includes(lower(index + 2)) || DETERMINERS.has(lower(index + 2)) || PRONOUNS.has(lower(index + 2)));
  return !AUXILIARY_VERBS.has(owned.lower) && !verbInIng && !DETERMINERS.has(owned.lower) && !PRONOUNS.has(owned.lower);
}

/** A lower-case word that may own a noun: no pronoun, determiner, clause word, auxiliary or preposition ("that’s", "who’s" are "is"). */
function commonNounOwner(ctx: Reading, index: number): boolean {
  const word = ctx.lower(index);
  return opensNoPhrase(ctx, index) && !DETERMINERS.has(word) && !RELATIVE_SPEAKERS.has(word);
}

/** Whether the object `content` holds a possessive owned by a common noun. */
export function ownedByCommonNounIn(ctx: Reading, content: Span): boolean {
  const { tokens } = ctx;
  const end = firstStartingAtOrAfter(tokens, content.end);
  for (let index = firstStartingAtOrAfter(tokens, content.start) + 1; index < end; index++) {
    if (!(tokens[index - 1] as Token).capitalized && possessiveAt(ctx, index)) return true;
  }
  return false;
}

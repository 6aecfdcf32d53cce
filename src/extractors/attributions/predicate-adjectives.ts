import type { Reading } from './reading.js';

/**
 * A cue word used as an adjective after a linking verb, not as a verb of saying or thinking:
 * "the results look promising.", "the new phone is promising at worst". (Adjectives before a noun,
 * "a promising start", are ruled out as claims by config/claims/not-claims.json.)
 */

/** Verbs that link a subject to an adjective: "is promising", "looks revealing". */
const LINKING_VERBS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re", 'seems', 'seemed', 'looks', 'looked', 'sounds', 'sounded', 'remains', 'remained', 'become', 'became', 'becomes']);
/** What may follow a cue read as a verb after a linking verb: "is promising to …", "was telling reporters that …". */
const VERB_COMPLEMENT_STARTS = new Set(['to', 'that', 'about', 'by', 'over', 'whether', 'if', 'of', 'on', 'for']);

/** "The early results are promising." / "is revealing at best": an adjective after a linking verb, with no object or clause after it. */
export function isPredicateAdjective(ctx: Reading, position: number): boolean {
  const { tokens, lower, state } = ctx;
  const word = lower(position);
  if (!/(?:ing|ed)$/.test(word) || !LINKING_VERBS.has(lower(position - 1))) return false;
  if (!state.lexicon.classes(word).has('adjective')) return false;
  const next = tokens[position + 1];
  if (!next) return true;
  if (next.kind === 'punct') return !ctx.isOpenQuote(position + 1) && next.text !== ':';
  return next.kind === 'word' && !next.capitalized && state.lexicon.classes(next.lower).has('preposition') && !VERB_COMPLEMENT_STARTS.has(next.lower);
}

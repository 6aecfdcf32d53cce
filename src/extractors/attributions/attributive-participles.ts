import { CUE_ADVERBS, DETERMINERS, NEGATIONS, PASSIVE_MARKERS, PERFECT_AUXILIARIES, POSSESSIVE_ENDINGS, PRONOUNS } from './word-lists.js';
import { isNounLike } from './word-tests.js';
import type { Reading } from './reading.js';

/**
 * A participle-only form of a cue verb with no auxiliary before it is no finite verb of a
 * statement but a reduced relative clause or an adjective: "the tweet shown above claimed …" has
 * the cue "claimed", not "shown". ("known", "seen" and "written" stay cues: "a state seen as
 * critical", "an article written by Roe" attribute a view or words.)
 */

/** Forms that are past participles only, never a simple past. */
const PARTICIPLE_ONLY = new Set(['shown', 'given', 'taken', 'chosen', 'drawn', 'thrown', 'begun', 'sung', 'spoken', 'forgotten', 'hidden', 'undertaken', 'forbidden', 'mistaken', 'overseen']);
/** What a participle-only form needs before it (adverbs between) to be a verb: "has shown", "was given". */
const PARTICIPLE_AUXILIARIES = new Set([...PERFECT_AUXILIARIES, 'having', ...PASSIVE_MARKERS, "'s", "'re", "'ve", "'d", 'get', 'gets', 'got', 'gotten', "hasn't", "haven't", "hadn't", "isn't", "wasn't", "weren't", "aren't", ...NEGATIONS]);

export function isAttributiveParticiple(ctx: Reading, position: number): boolean {
  const { lower } = ctx;
  if (isModifiedParticiple(ctx, position)) return true;
  if (!PARTICIPLE_ONLY.has(lower(position))) return false;
  let before = position - 1;
  while (before >= ctx.currentSentenceStart && (CUE_ADVERBS.has(lower(before)) || /ly$/.test(lower(before)))) before--;
  return before < ctx.currentSentenceStart || !PARTICIPLE_AUXILIARIES.has(lower(before));
}

/** "the firm's newly appointed chair", "a recently named envoy": a participle after an adverb, between a determiner or an owner and a noun, describes the noun. */
export function isModifiedParticiple(ctx: Reading, position: number): boolean {
  const { lower } = ctx;
  if (!PARTICIPLE_ONLY.has(lower(position)) && !/ed$/.test(lower(position))) return false;
  let before = position - 1;
  while (before >= ctx.currentSentenceStart && /^[a-z]{3,}ly$/.test(lower(before))) before--;
  if (before === position - 1 || before < ctx.currentSentenceStart) return false;
  return (DETERMINERS.has(lower(before)) || POSSESSIVE_ENDINGS.has(lower(before))) && isNounLike(ctx, position + 1) && !PRONOUNS.has(lower(position + 1));
}

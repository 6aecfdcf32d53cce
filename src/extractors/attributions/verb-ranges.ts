import type { Token } from '../text/tokens.js';
import { AUXILIARIES, AUXILIARY_VERBS, DETERMINERS, POSSESSIVE_MARKS, PRONOUNS, endsInSingleS } from './word-lists.js';
import { carriesContractedVerb, isNounLike, isVerbWord } from './word-tests.js';
import { isFiniteVerbAt } from './clause-boundaries.js';
import { isPluralNoun, isPossessiveS } from './speaker-spans.js';
import type { Reading } from './reading.js';

/*
 * "Is there a verb in tokens `start` to `end`?", asked by the span readers in several strengths, from a
 * finite verb only to any word the lexicon may read as a verb. The name of each says what it counts.
 */

/** A finite verb among the words from `start` to `end`: "accused of theft do appear", "the screen is small". */
export function hasFiniteVerbBetween(ctx: Reading, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (isFiniteVerbAt(ctx, index)) return true;
  return false;
}

/** A finite verb, or a present "-s" form right after a subject pronoun ("given its record he wants …"), which the lexicon seldom files as a verb. */
export function hasFiniteOrPronounPresentVerbBetween(ctx: Reading, start: number, end: number): boolean {
  if (hasFiniteVerbBetween(ctx, start, end)) return true;
  for (let index = start; index < end; index++) if (PRONOUNS.has(ctx.lower(index - 1)) && endsInSingleS(ctx.lower(index))) return true;
  return false;
}

/** An auxiliary or a finite verb at `index`; both count "'s", so the two tests below first rule it out where it is a possessive, each in its own way. */
function isAuxiliaryOrFiniteVerbAt(ctx: Reading, index: number): boolean {
  return AUXILIARY_VERBS.has(ctx.lower(index)) || isFiniteVerbAt(ctx, index);
}

/**
 * A finite verb or an auxiliary, quoted or not: the words hold a clause of their own ("caucuses “are such
 * an unknown”"). "'s" counts only where no noun follows it, so "Roe's plan" is a possessive. (Other
 * contractions stay on their word, "they're", and are not counted here: hasVerbWordBetween counts them.)
 */
export function hasAuxiliaryOrFiniteVerbBetween(ctx: Reading, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    if (POSSESSIVE_MARKS.has(ctx.lower(index)) && isNounLike(ctx, index + 1)) continue;
    if (isAuxiliaryOrFiniteVerbAt(ctx, index)) return true;
  }
  return false;
}

/**
 * A finite verb, an auxiliary, or a verb right after its subject ("Roe leads Park", "she trails"): the
 * words are a clause. "'s" counts only after a pronoun ("he's ahead"), not as a possessive ("Roe's strength").
 */
export function hasAuxiliaryFiniteOrSubjectVerbBetween(ctx: Reading, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    if (POSSESSIVE_MARKS.has(ctx.lower(index)) && !PRONOUNS.has(ctx.lower(index - 1))) continue;
    if (isAuxiliaryOrFiniteVerbAt(ctx, index) || isVerbAfterSubject(ctx, index)) return true;
  }
  return false;
}

/**
 * "Roe leads Park", "Roe held a lead", "she trails", "Park remains fourth": right after a name or a
 * subject pronoun, a lower-case word the lexicon gives as a verb, or one with a verb's "-s" or "-ed"
 * ending, is the clause's verb (the lexicon lists few inflected forms).
 */
function isVerbAfterSubject(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  const before = ctx.tokens[index - 1];
  if (!before || token.kind !== 'word' || token.capitalized || index === ctx.currentSentenceStart) return false;
  if (!(before.capitalized && before.kind === 'word' && !DETERMINERS.has(before.lower)) && !PRONOUNS.has(before.lower)) return false;
  const classes = ctx.state.lexicon.classes(token.lower);
  if (classes.has('preposition') || classes.has('adjective') || DETERMINERS.has(token.lower)) return false;
  return classes.has('verb') || /[^su]s$|[^e]ed$/.test(token.lower);
}

/**
 * "the candidate misspoke", "he cannot support", "the videos exist": a lower-case word that may be a
 * verb outside a noun phrase (not right after a determiner or a possessive, and not an s-plural the
 * lexicon knows only as a noun), a contracted verb, or an "-ed" word the lexicon does not know.
 */
export function hasVerbOutsideNounPhraseBetween(ctx: Reading, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.kind !== 'word' || token.capitalized || ctx.quotes.depth[index] !== 0) continue;
    const before = ctx.lower(index - 1);
    // (The determiners hold the possessive pronouns: "his", "our", "my".)
    if (DETERMINERS.has(before) || POSSESSIVE_MARKS.has(before)) continue;
    if (carriesContractedVerb(token.lower) || token.lower === 'cannot' || /[^e]ed$|eed$/.test(token.lower)) return true;
    if (isVerbWord(ctx, token.lower) && !isPluralNoun(ctx, token.lower) && !ctx.state.lexicon.classes(token.lower).has('preposition')) return true;
  }
  return false;
}

/** Row of config/attributions/spans.json: a past form the lexicon also reads otherwise, as the verb after a sentence's subject. */
export const PAST_AFTER_SUBJECT_ROW = 'span.past-after-subject';
/** How many words a subject opened by a determiner may have before its verb: "The old wooden pier". */
const MAX_OPENING_SUBJECT_WORDS = 4;

/**
 * "The ferry left early", "The river turned on Monday": a past form the lexicon files as an
 * adjective or a noun ("left", "turned") right after a subject that a determiner opens is the
 * clause's verb. Only where a determiner and at least one lower-case word come first, so that
 * "The injured pilot" stays a noun phrase.
 */
export function pastAfterOpeningSubject(ctx: Reading, start: number, end: number): boolean {
  const { tokens } = ctx;
  if (!DETERMINERS.has(ctx.lower(start))) return false;
  for (let index = start + 2; index < end && index - start <= MAX_OPENING_SUBJECT_WORDS; index++) {
    const token = tokens[index] as Token;
    const before = tokens[index - 1] as Token;
    if (token.kind !== 'word' || before.kind !== 'word' || token.capitalized) return false;
    const classes = ctx.state.lexicon.classes(token.lower);
    if ((classes.has('past-reading') || token.lower.endsWith('ed')) && !AUXILIARY_VERBS.has(token.lower) && !DETERMINERS.has(before.lower)) return true;
  }
  return false;
}

/**
 * The widest test: any lower-case word the lexicon may read as a verb (not only a finite form), an
 * auxiliary or cue adverb, or a word carrying a contracted verb ("we're"). `possessiveIsVerb` false
 * skips a name's "'s"; `wordAfterDeterminerIsVerb` false skips a word other than an auxiliary right
 * after a determiner ("at a rally", "the report"), which heads a noun phrase.
 */
export function hasVerbWordBetween(ctx: Reading, start: number, end: number, possessiveIsVerb = true, wordAfterDeterminerIsVerb = true): boolean {
  const { tokens } = ctx;
  for (let index = start; index < end; index++) {
    const token = tokens[index] as Token;
    if (!possessiveIsVerb && isPossessiveS(ctx, index)) continue;
    if (!wordAfterDeterminerIsVerb && index > start && DETERMINERS.has(ctx.lower(index - 1)) && ctx.lower(index - 1) !== 'that' && !AUXILIARIES.has(token.lower)) continue;
    if (!token.capitalized && (isVerbWord(ctx, token.lower) || AUXILIARIES.has(token.lower))) return true;
    if (carriesContractedVerb(token.lower)) return true;
    // "factors impact the cost": a word that may be a verb, between a plural noun and a determiner.
    if (!token.capitalized && index > start && index + 1 < end && DETERMINERS.has(ctx.lower(index + 1)) && ctx.state.lexicon.classes(token.lower).has('verb-reading') && isPluralNoun(ctx, ctx.lower(index - 1))) return true;
  }
  return false;
}

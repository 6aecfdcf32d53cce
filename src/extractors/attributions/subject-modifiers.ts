import type { Sentence, Token } from '../text/tokens.js';
import { AUXILIARIES, AUXILIARY_VERBS, CLAUSE_WORDS, PAST_FORM, COORDINATORS, CUE_ADVERBS, OBJECT_PRONOUNS, POSSESSIVE_MARKS, PRONOUNS, DETERMINERS, RELATIVE_SPEAKERS, LY_ADVERB } from './word-lists.js';
import { isNounLike, isNounWord, isVerbWord } from './word-tests.js';
import { matchCue } from './cue-matching.js';
import type { Reading } from './reading.js';

// A cue inside a modifier of the sentence's subject ("Democrats supporting Roe have said …"): where the subject's own verb ends the cue's object.

/**
 * "Democrats supporting Roe …", "the novice who wants …", "groups that have endorsed him …": the
 * cue is a participle right after a noun or sits in a relative clause, and nothing before that
 * clause in the sentence is a verb or opens a phrase or clause of its own, so the clause modifies
 * the sentence's subject and the sentence's own verb comes after the cue's object.
 */
export function subjectModifierAt(ctx: Reading, sentenceIndex: number, cueStart: number): 'relative' | 'participle' | undefined {
  const { tokens, lower } = ctx;
  let first = Math.max((ctx.sentences[sentenceIndex] as Sentence).tokenStart, ctx.currentSentenceStart);
  // "And a lot of voters who prefer …": a coordinator joining the sentence to the one before.
  if ((lower(first) === 'and' || lower(first) === 'but') && first + 1 < cueStart) first++;
  let at = cueStart - 1;
  while (at > first && (AUXILIARIES.has(lower(at)) || LY_ADVERB.test((tokens[at] as Token).text))) at--;
  const relative = RELATIVE_SPEAKERS.has(lower(at)) || lower(at) === 'that';
  if (!relative && !(/ing$/.test(lower(cueStart)) && at === cueStart - 1 && at >= first && (tokens[at] as Token).kind === 'word' && isNounLike(ctx, at))) return undefined;
  const clauseStart = relative ? at : cueStart;
  const opener = tokens[first] as Token;
  if (clauseStart <= first || ctx.state.lexicon.classes(opener.lower).has('preposition') || CLAUSE_WORDS.has(opener.lower)) return undefined;
  for (let index = first; index < clauseStart; index++) {
    const token = tokens[index] as Token;
    if (ctx.quotes.depth[index] !== 0 || ctx.isOpenQuote(index) || token.text === ':' || token.text === ';' || isSubjectsVerbAt(ctx, index)) return undefined;
  }
  return relative ? 'relative' : 'participle';
}

/** Forms of "be" that are no finite verb, and marks that are possessives here ("Iowa's"). */
const NON_FINITE_AUXILIARIES: ReadonlySet<string> = new Set(['being', 'be', 'been', 'not', "n't", "'s", '’s', "'re"]);

/**
 * A finite verb of the sentence's subject at `index`: an auxiliary ("is", "could", "have") or a
 * past form ("paid", "included"); not after "to", a determiner or a preposition, not an -ing form,
 * and not a participle before "by" ("a plan approved by …").
 */
export function isSubjectsVerbAt(ctx: Reading, index: number): boolean {
  const { tokens, lower, state } = ctx;
  const token = tokens[index] as Token;
  if (token.kind !== 'word' || token.capitalized || /ing$/.test(token.lower)) return false;
  let before = index - 1;
  while (before > 0 && (CUE_ADVERBS.has(lower(before)) || LY_ADVERB.test((tokens[before] as Token).text))) before--;
  const previous = lower(before);
  if (previous === 'to' || DETERMINERS.has(previous) || POSSESSIVE_MARKS.has(previous) || state.lexicon.classes(previous).has('preposition')) return false;
  if (AUXILIARY_VERBS.has(token.lower)) return !NON_FINITE_AUXILIARIES.has(token.lower);
  if (lower(index + 1) === 'by') return false;
  // A base or present form ("plan", "votes") is too often a noun here: only a past form counts.
  // ("began", "stood": a past form the lexicon knows counts as one ending in "-ed".)
  return (PAST_FORM.test(token.lower) || state.lexicon.classes(token.lower).has('past-tense')) && (state.cues.has(token.lower) || (isVerbWord(ctx, token.lower) && !isNounWord(ctx, token.lower)));
}

/**
 * "showing the moment a dinghy was towed by pilots was shared …": a second verb of the same kind
 * after the verb group at `verb`, with no comma, coordinator, pronoun or clause word between, shows
 * the first belonged to a clause inside the object; returns that second verb.
 */
export function laterSubjectsVerb(ctx: Reading, verb: number, bodyEnd: number): number | undefined {
  const { tokens, lower } = ctx;
  // "offering to run the clinic said the findings were wrong": the verbs after a verb of saying or belief are in what it reports.
  const frame = matchCue(ctx, verb, bodyEnd)?.frame;
  if (frame === 'speech' || frame === 'belief') return undefined;
  let index = verb + 1;
  while (index < bodyEnd && (AUXILIARIES.has(lower(index)) || LY_ADVERB.test((tokens[index] as Token).text) || (PAST_FORM.test(lower(index)) && AUXILIARY_VERBS.has(lower(index - 1))))) index++;
  for (; index < bodyEnd; index++) {
    const token = tokens[index] as Token;
    if (ctx.quotes.depth[index] !== 0 || token.kind === 'punct' && token.text !== '.' || PRONOUNS.has(token.lower) || CLAUSE_WORDS.has(token.lower)) return undefined;
    if (isSubjectsVerbAt(ctx, index)) return index;
  }
  return undefined;
}

/** Tokens `start` to `verb` are a bare noun phrase that is no object pronoun and no infinitive: "the council", "Mrs. Roe". */
export function subjectBeforeVerb(ctx: Reading, start: number, verb: number): boolean {
  const { tokens, lower, state } = ctx;
  if (OBJECT_PRONOUNS.has(lower(start)) || lower(start) === 'to') return false;
  for (let index = start; index < verb; index++) {
    const token = tokens[index] as Token;
    if ((token.kind === 'punct' && token.text !== '.') || state.lexicon.classes(token.lower).has('preposition') || CLAUSE_WORDS.has(token.lower)) return false;
  }
  return true;
}

/**
 * Where an object before the subject's verb at `verb` ends: before a coordinator that joins a
 * second act of the modifier ("who opposed the plan and again did …"), else at the first comma
 * that closes the modifier ("the group backing Roe, spent …", "one pastor backing Roe, Jo Lee,
 * said …") unless it is part of a series ("backing Roe, Lee, and Diaz paid …"), else before the verb.
 */
export function subjectModifierEnd(ctx: Reading, start: number, verb: number): number {
  const { tokens, lower } = ctx;
  let before = verb - 1;
  while (before > start && (CUE_ADVERBS.has(lower(before)) || LY_ADVERB.test((tokens[before] as Token).text))) before--;
  if (COORDINATORS.has(lower(before)) && before > start) return (tokens[before - 1] as Token).text === ',' ? before - 1 : before;
  let comma = -1;
  for (let index = start + 1; index < verb; index++) {
    if ((tokens[index] as Token).text !== ',' || ctx.quotes.depth[index] !== 0) continue;
    if (COORDINATORS.has(lower(index + 1))) return verb - 1 > start && (tokens[verb - 1] as Token).text === ',' ? verb - 1 : verb;
    if (comma === -1) comma = index;
  }
  // ("Pilots who backed the levy later changed their minds": adverbs before the subject's verb are the predicate's.)
  return comma !== -1 ? comma : before + 1;
}

import { AUXILIARY_VERBS, CLAUSE_WORDS, COORDINATORS, CUE_ADVERBS, DETERMINERS, endsInSingleS, INDEFINITE_OPENERS, NEGATED_BE, NEGATIONS, NOUN_PREPOSITIONS, PASSIVE_MARKERS, PERFECT_AUXILIARIES, POSSESSIVE_ENDINGS, PRONOUNS, LY_ADVERB } from './word-lists.js';
import { spanAfterWords, spanWords } from './span-rules.js';
import type { Token } from '../text/tokens.js';
import { isAdjectiveAt, isNounLike } from './word-tests.js';
import { hasVerbWordBetween } from './verb-ranges.js';
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
const PARTICIPLE_AUXILIARIES = new Set([...PERFECT_AUXILIARIES, 'having', ...PASSIVE_MARKERS, "'s", "'re", "'ve", "'d", 'get', 'gets', 'got', 'gotten', "hasn't", "haven't", "hadn't", ...NEGATED_BE, ...NEGATIONS]);

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
  while (before >= ctx.currentSentenceStart && LY_ADVERB.test(lower(before))) before--;
  if (before === position - 1 || before < ctx.currentSentenceStart) return false;
  return (DETERMINERS.has(lower(before)) || POSSESSIVE_ENDINGS.has(lower(before))) && isNounLike(ctx, position + 1) && !PRONOUNS.has(lower(position + 1));
}

/** Words before a participle that count or place the noun after it, never that participle's subject: "more pledged delegates", "a lead in pledged delegates". */
const COUNTING_WORDS: ReadonlySet<string> = new Set(['more', 'fewer', 'most', 'both', 'all', 'many', 'several', 'other']);
/** Prepositions before a past form that make it a verb of the clause, not a describing word: "to pledged", "by", "that", "as". */
const VERB_LEADING_PREPOSITIONS: ReadonlySet<string> = new Set(['to', 'by', 'that', 'as']);
/** Words after "pledged delegates" that make the plural a subject with its own clause or infinitive: "delegates to …", "delegates that …". */
const CLAUSE_AFTER_PLURAL: ReadonlySet<string> = new Set(['to', 'that']);

/**
 * "300 pledged delegates", "more pledged delegates", "a lead in pledged delegates": a past form
 * between a count (a number, a quantity word or a preposition) and a plural noun describes that
 * noun; no one before it pledged anything (span.counted-participle).
 */
export function isCountedNounParticiple(ctx: Reading, position: number): boolean {
  const { tokens, lower, state } = ctx;
  if (!/ed$/.test(lower(position)) || position - 1 < ctx.currentSentenceStart) return false;
  const before = tokens[position - 1] as Token;
  const counted = before.kind === 'number' || COUNTING_WORDS.has(before.lower) || (before.kind === 'word' && !before.capitalized && !VERB_LEADING_PREPOSITIONS.has(before.lower) && state.lexicon.classes(before.lower).has('preposition'));
  if (!counted) return false;
  const noun = tokens[position + 1];
  // After a past form a plural is its noun, whatever else the lexicon lets the word be ("delegates", "votes").
  if (!noun || noun.kind !== 'word' || noun.capitalized || !endsInSingleS(noun.lower) || PRONOUNS.has(noun.lower)) return false;
  return !CLAUSE_AFTER_PLURAL.has(lower(position + 2));
}

/** Words the lexicon counts as prepositions that may stand before a verb of a clause: "the group that proposed …", "as reported by …". */
const CLAUSE_LEADING_PREPOSITIONS: ReadonlySet<string> = new Set(['that', 'as', 'than', 'like']);

/**
 * "sparked by proposed legislation", "marched over alleged abuse": a past form right after a
 * preposition and before a common noun describes that noun (span.preposition-participle); no one
 * before the preposition proposed or alleged anything. Plurals after a count are read by
 * span.counted-participle.
 */
export function isPrepositionParticiple(ctx: Reading, position: number): boolean {
  const { tokens, lower, state } = ctx;
  if (!/ed$/.test(lower(position)) || position - 1 < ctx.currentSentenceStart) return false;
  const before = tokens[position - 1] as Token;
  if (before.kind !== 'word' || before.capitalized || CLAUSE_LEADING_PREPOSITIONS.has(before.lower)) return false;
  if (!state.lexicon.classes(before.lower).has('preposition') && !spanWords('span.preposition-participle').has(before.lower)) return false;
  const noun = tokens[position + 1];
  if (!noun || noun.kind !== 'word' || noun.capitalized || PRONOUNS.has(noun.lower) || DETERMINERS.has(noun.lower)) return false;
  return isNounLike(ctx, position + 1) || state.lexicon.classes(noun.lower).has('noun');
}

/** How far back from a naming participle its noun phrase may open with "a": "a small family-run printing company called …". */
const MAX_NAMED_PHRASE_TOKENS = 6;
/** Articles and demonstratives that open a noun phrase for a thing that cannot speak: "the disease dubbed …", "these cells called …". */
const DEFINITE_OPENERS: ReadonlySet<string> = new Set(['the', 'this', 'that', 'these', 'those']);
/** Particles after "called" or "named" that make a phrasal verb, never a name: "the bill called for", "a strike called off". */
const PHRASAL_PARTICLES: ReadonlySet<string> = new Set(['for', 'on', 'upon', 'off', 'out', 'up', 'in', 'into', 'back', 'at', 'to', 'over']);
/** Endings of nouns for people the lexicon may not know ("farmer", "inspector", "activist", "physician"): such a noun may be a speaker. */
const PERSON_NOUN_ENDING = /(?:er|or|ist|ian)s?$/;

/**
 * A common noun that names no one who could say or name anything ("disease", "cells", "virus"):
 * no speaker head, no noun for people in the lexicon, no ending of one.
 */
function cannotSpeak(ctx: Reading, lowerWord: string): boolean {
  return !ctx.state.speakerHeads.has(lowerWord) && !ctx.state.lexicon.classes(lowerWord).has('person-noun') && !PERSON_NOUN_ENDING.test(lowerWord);
}

/**
 * "a company called Cambridge Analytica", "a resident named Caroline", "a play called “Sons of
 * Trump”": a naming participle (span.naming-participle) after a common noun opened by "a",
 * "an" or "another", before a name or a quotation, names the thing; no one called it anything.
 * After a noun for a thing that cannot speak the participle names it too: opened by "a", before
 * any word but a pronoun or a particle ("a kind of weed called sea lettuce"), not an adjective ("a budget called tight"), and opened by
 * "the" or "this", before a name, when a verb comes earlier or the phrase opens the sentence
 * ("… to contract the disease dubbed the Black Death").
 */
export function isNamingParticiple(ctx: Reading, position: number): boolean {
  const { tokens, lower, isOpenQuote } = ctx;
  if (!spanWords('span.naming-participle').has(lower(position))) return false;
  const head = tokens[position - 1];
  if (!head || head.kind !== 'word' || head.capitalized || PRONOUNS.has(head.lower)) return false;
  const next = tokens[position + 1];
  if (next === undefined) return false;
  const named = isOpenQuote(position + 1) || (next.capitalized && !PRONOUNS.has(next.lower)) || (next.lower === 'the' && tokens[position + 2]?.capitalized === true);
  const mute = cannotSpeak(ctx, head.lower);
  const namedInWords = mute && next.kind === 'word' && !PRONOUNS.has(next.lower) && !PHRASAL_PARTICLES.has(next.lower) && !DETERMINERS.has(next.lower) && !isAdjectiveAt(ctx, position + 1);
  if (!named && !namedInWords) return false;
  for (let index = position - 1; index >= ctx.currentSentenceStart && position - index <= MAX_NAMED_PHRASE_TOKENS; index--) {
    const token = tokens[index] as Token;
    if (INDEFINITE_OPENERS.has(token.lower)) return true;
    // "Leaders of the movement called the Senate …": without an earlier verb the phrase may be the subject's complement.
    if (mute && named && DEFINITE_OPENERS.has(token.lower)) return index === ctx.currentSentenceStart || hasVerbWordBetween(ctx, ctx.currentSentenceStart, index);
    if (token.kind === 'punct' && token.text !== '-') return false;
    if (token.capitalized || DETERMINERS.has(token.lower)) return false;
  }
  return false;
}

/** Degree words that make the word after them an adjective when a word, not a clause opening, comes before them: "the most elaborate", "far less telling". */
const DEGREE_WORDS: ReadonlySet<string> = new Set(['most', 'more', 'less', 'least']);

/**
 * "one of the most elaborate", "the candidate most identified with", "much more demanding": a
 * cue word right after a degree word that itself follows a word is graded like an adjective; after
 * a comma, a name, a pronoun or a clause opening the degree word is a count of people ("…, most
 * support Roe") or an adverb of the verb ("what they most want") (span.degree-modified).
 */
export function isDegreeModified(ctx: Reading, position: number): boolean {
  const { tokens, lower } = ctx;
  if (!DEGREE_WORDS.has(lower(position - 1)) || position - 2 < ctx.currentSentenceStart) return false;
  const before = tokens[position - 2] as Token;
  // "The most telling promise …": a capitalised determiner opening the sentence still makes the degree word grade a participle.
  const openingDeterminer = before.capitalized && DETERMINERS.has(before.lower) && /(?:ed|ing)$/.test(lower(position));
  if (before.kind !== 'word' || (before.capitalized && !openingDeterminer) || PRONOUNS.has(before.lower) || CLAUSE_WORDS.has(before.lower) || COORDINATORS.has(before.lower)) return false;
  // "the issue voters most care about": after a plain noun only a participle is graded ("the candidate most identified with").
  const classes = ctx.state.lexicon.classes(before.lower);
  const plainNoun = classes.has('noun') && !classes.has('adjective') && !classes.has('verb') && !DETERMINERS.has(before.lower);
  return !plainNoun || /(?:ed|ing)$/.test(lower(position));
}

/** Row of config/attributions/spans.json whose participles of accusing, before one of its `after` words, describe the noun accused. */
const REDUCED_ACCUSATION_ROW = 'span.reduced-passive-accusation';

/**
 * "the man accused of theft", "officers charged with fraud": a participle of accusing right after a
 * noun (adverbs between) and before the charge is a passive whose auxiliary is left out, so the noun
 * is the one accused. An auxiliary, a pronoun, a relative or a clause word before it ("was accused of",
 * "whom she accused of") leaves the reading to the cue rows.
 */
export function isReducedPassiveAccusation(ctx: Reading, position: number): boolean {
  const { tokens, lower } = ctx;
  if (!spanWords(REDUCED_ACCUSATION_ROW).has(lower(position)) || !spanAfterWords(REDUCED_ACCUSATION_ROW).has(lower(position + 1))) return false;
  let before = position - 1;
  while (before > ctx.currentSentenceStart && (CUE_ADVERBS.has(lower(before)) || LY_ADVERB.test(lower(before)))) before--;
  const token = tokens[before];
  if (before < ctx.currentSentenceStart || !token || token.kind !== 'word') return false;
  const word = token.lower;
  if (PARTICIPLE_AUXILIARIES.has(word) || PRONOUNS.has(word) || CLAUSE_WORDS.has(word) || COORDINATORS.has(word) || word === 'to') return false;
  // "the skipper, whom Roe accused of theft": a relative word before the subject makes the participle its verb.
  for (let index = before - 1; index >= ctx.currentSentenceStart && before - index <= MAX_ACCUSER_TOKENS; index--) {
    const earlier = tokens[index] as Token;
    if (earlier.kind === 'punct') break;
    if (RELATIVE_OBJECTS.has(earlier.lower)) return false;
  }
  return true;
}

/** Relative words that may stand as the object of the participle: "whom Roe accused of theft". */
const RELATIVE_OBJECTS: ReadonlySet<string> = new Set(['whom', 'who', 'which', 'that']);
/** How many words the accuser between a relative word and the participle may run: "whom the harbour board accused". */
const MAX_ACCUSER_TOKENS = 5;

/** Prepositions after a participle that bring its agent, its description or its own complement ("promoted by", "seen as", "planned to"), read by other rows. */
const OWN_COMPLEMENT_PREPOSITIONS: ReadonlySet<string> = new Set(['by', 'as', 'to', 'that', 'of', 'about', 'with', 'than', 'like']);
/** How far after the participle the noun phrase's own verb may stand: "the fare rise planned for next spring would …". */
const MAX_REDUCED_RELATIVE_TOKENS = 12;

/**
 * "The fare rise planned for next spring would have …", "the address listed on the records is
 * …": a past form right after a noun for a thing that cannot speak, before a preposition, with an
 * auxiliary of the noun's own verb later in the clause, is a passive whose auxiliary is left out
 * (span.reduced-relative-participle): the thing was planned or listed, it said nothing. A phrasal
 * cue ("a campaign focused on …"), a comma, a clause word or a quotation before that auxiliary
 * keeps the verb.
 */
export function isReducedRelativeParticiple(ctx: Reading, position: number): boolean {
  const { tokens, lower, state } = ctx;
  if (!/ed$/.test(lower(position)) || position - 1 < ctx.currentSentenceStart) return false;
  const head = tokens[position - 1] as Token;
  if (head.kind !== 'word' || head.capitalized || PRONOUNS.has(head.lower) || DETERMINERS.has(head.lower) || AUXILIARY_VERBS.has(head.lower) || CLAUSE_WORDS.has(head.lower) || COORDINATORS.has(head.lower) || LY_ADVERB.test(head.lower) || CUE_ADVERBS.has(head.lower)) return false;
  // "plan", "measure", "address": a noun; "rebuffed", "often" or "who" before the participle make it a verb of a clause.
  const classes = state.lexicon.classes(head.lower);
  if (classes.has('preposition') || /(?:ed|ing)$/.test(head.lower) || (classes.has('adjective') && !classes.has('noun')) || !cannotSpeak(ctx, head.lower)) return false;
  const next = lower(position + 1);
  if (OWN_COMPLEMENT_PREPOSITIONS.has(next) || (!NOUN_PREPOSITIONS.has(next) && !state.lexicon.classes(next).has('preposition'))) return false;
  // A verb of saying may take a clause with no "that" after a time ("reported on Wednesday Jo Roe had …"): only the other cues are read.
  if (state.cues.get(lower(position))?.some((option) => option.words[1] === next || option.frame === 'speech')) return false;
  const limit = Math.min(tokens.length, position + 2 + MAX_REDUCED_RELATIVE_TOKENS);
  for (let index = position + 2; index < limit; index++) {
    const token = tokens[index] as Token;
    if (token.kind === 'punct' && !POSSESSIVE_ENDINGS.has(token.lower) && token.text !== '-') return false;
    if (CLAUSE_WORDS.has(token.lower) || PRONOUNS.has(token.lower) || ctx.isOpenQuote(index)) return false;
    // "reported on Wednesday the ferry had …": a determiner or a name not opening the preposition's object starts a clause's subject.
    const afterPreposition = NOUN_PREPOSITIONS.has(lower(index - 1)) || state.lexicon.classes(lower(index - 1)).has('preposition');
    if ((DETERMINERS.has(token.lower) || token.capitalized) && !afterPreposition && !(token.capitalized && tokens[index - 1]?.capitalized === true)) return false;
    if (AUXILIARY_VERBS.has(token.lower) && !NEGATIONS.has(token.lower) && !POSSESSIVE_ENDINGS.has(token.lower) && token.lower !== "'s") return true;
  }
  return false;
}

/**
 * "the number of votes he received", "the kinds of questions that …", "a base of support that …":
 * after one of the prepositions of span.noun-after-preposition the cue word heads the noun phrase
 * that preposition takes, so it is no verb; an -ing form there is a verb of its own ("a history of
 * blaming others") and keeps its subject, and so does a noun that names talk itself, of the row's
 * `after` words ("a lot of talk about the fares" reports unowned talk).
 */
export function isNounAfterPreposition(ctx: Reading, position: number): boolean {
  const { tokens, lower } = ctx;
  const before = tokens[position - 1];
  if (position - 1 < ctx.currentSentenceStart || !before || before.kind !== 'word' || before.capitalized) return false;
  return spanWords('span.noun-after-preposition').has(before.lower) && !/ing$/.test(lower(position)) && !spanAfterWords('span.noun-after-preposition').has(lower(position));
}

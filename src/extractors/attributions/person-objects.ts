import type { Token } from '../text/tokens.js';
import { readsAsInfinitive } from './noun-cues.js';
import { spanAfterWords, spanVerbForms } from './span-rules.js';
import { AUXILIARIES, CLAUSE_OPENERS, DAY_WORDS, DETERMINERS, LY_ADVERB, NOUN_PREPOSITIONS, OBJECT_PRONOUNS, POSSESSIVE_ENDINGS, PRONOUNS, RELATIVE_SUBJECTS } from './word-lists.js';
import { carriesContractedVerb } from './word-tests.js';
import type { Reading } from './reading.js';
import { PEOPLE_SPEAKER_ROWS } from './source-phrases.js';

/** "Mr", "Mrs", "Sen", "Gov": a capitalised word this short before a stop and a name is a title. */
const MAX_TITLE_LENGTH = 4;

/**
 * The index after a person standing as the whole object of the verb at `position`: an object
 * pronoun or a name in capitals ("Jo Roe", "Mr. Roe", and `withThe`, "the Clintons"). Undefined when no person follows.
 */
function afterPersonObject(ctx: Reading, position: number, withThe: boolean): number | undefined {
  const { tokens, lower } = ctx;
  let after = position + 1;
  // "her" may be a possessive ("knew her drinking was a danger"), so only the other object pronouns count.
  if (OBJECT_PRONOUNS.has(lower(after)) && lower(after) !== 'her') return after + 1;
  if (withThe && lower(after) === 'the' && tokens[after + 1]?.capitalized === true) after++;
  const nameStart = after;
  // "Mr. Roe", "Sen. Park": a title's stop stays inside the name.
  while ((tokens[after]?.capitalized === true && !PRONOUNS.has(lower(after))) || (lower(after) === '.' && (tokens[after - 1]?.text.length ?? MAX_TITLE_LENGTH + 1) <= MAX_TITLE_LENGTH && tokens[after + 1]?.capitalized === true)) after++;
  return after > nameStart ? after : undefined;
}

/** Punctuation that ends the clause after a telephoned person; a comma may open an apposition before what the person was called. */
const CLAUSE_STOPS: ReadonlySet<string> = new Set(['.', '?', '!', ';']);

/**
 * Nothing after the person, or punctuation that is no possessive, quotation or colon (which bring what was said);
 * with `commaEnds` false only a stop ends it ("called Roe, the mayor, a liar").
 */
function endsAt(ctx: Reading, index: number, commaEnds: boolean): boolean {
  const next = ctx.tokens[index] as Token | undefined;
  if (next === undefined) return true;
  if (next.kind !== 'punct' || POSSESSIVE_ENDINGS.has(next.lower)) return false;
  return commaEnds ? next.text !== ':' && !ctx.isOpenQuote(index) : CLAUSE_STOPS.has(next.text);
}

/**
 * "has known Roe for years", "did not know him", "I know Jo Park personally": a person as the
 * whole object, with nothing after it but how long or how well, is someone the subject is acquainted
 * with, not a view the subject holds. A clause after the name ("knew Roe was lying") keeps the cue.
 */
export function knowsPerson(ctx: Reading, position: number): boolean {
  if (!spanVerbForms('span.acquaintance-object').has(ctx.lower(position)) || ctx.tokens[position]?.capitalized === true) return false;
  const after = afterPersonObject(ctx, position, true);
  return after !== undefined && (endsAt(ctx, after, true) || spanAfterWords('span.acquaintance-object').has(ctx.lower(after)));
}

/**
 * "Obama called Roe on Monday", "she rang Kroll to thank him", "no one called them":
 * a person as the whole object, with nothing after it but when, why or a reason to call, is someone
 * telephoned or summoned. Calling a person something ("called Roe a liar", "called him “weak”") keeps the cue.
 */
export function telephonesPerson(ctx: Reading, position: number): boolean {
  // "… General Who Called For Internment": in a headline's capitals the words after the verb are no name.
  if (!spanVerbForms('span.telephone-object').has(ctx.lower(position)) || ctx.tokens[position]?.capitalized === true) return false;
  // "a dock called the Inner Basin": a name after "the" is more often a thing's than a person's.
  const after = afterPersonObject(ctx, position, false);
  if (after !== undefined) return endsTelephoneCall(ctx, after);
  return telephonesPeopleNamedByNoun(ctx, position);
}

/** What may follow a telephoned person: nothing, when, "back", "and", an "-ly" adverb or a "to" infinitive of why. */
function endsTelephoneCall(ctx: Reading, after: number): boolean {
  const next = ctx.tokens[after];
  return endsAt(ctx, after, false) || spanAfterWords('span.telephone-object').has(ctx.lower(after)) || (next !== undefined && LY_ADVERB.test(next.text)) || (ctx.lower(after) === 'to' && readsAsInfinitive(ctx, after + 1));
}

/** How many words a common noun phrase for people may run after the verb: "a pro-Trump delegate candidate", "my friend's mother". */
const MAX_PEOPLE_PHRASE_TOKENS = 6;
/** Endings of nouns for people the lexicon does not know ("fundraisers", "canvassers", "lobbyists"); a singular "-er" is as often a thing ("pier"). */
const PEOPLE_NOUN_ENDING = /(?:ers|ors|ists?|ians?)$/;

/** A lower-case word naming people: a speaker head, a noun for people in the lexicon, or one with such an ending. */
function namesPeople(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized) return false;
  if (PEOPLE_SPEAKER_ROWS.has(ctx.state.speakerHeads.get(token.lower) ?? '')) return true;
  const classes = ctx.state.lexicon.classes(token.lower);
  return classes.has('person-noun') || (classes.size === 0 && PEOPLE_NOUN_ENDING.test(token.lower));
}

/** Words after a common noun phrase for people that end a telephone call's object ("called a donor back"); a preposition there may still belong to the noun ("immigrants from Mexico"). */
const PEOPLE_CALL_ENDS: ReadonlySet<string> = new Set(['back', 'again', 'shortly', 'himself', 'herself', 'themselves', 'myself', 'ourselves', 'yourself']);

/**
 * "called two donors to thank them", "is calling major donors himself", "called both candidates
 * Tuesday night", "to call residents, put up posters …": a common noun phrase for people as the whole
 * object (a determiner only first or after an owner's "'s"), followed by nothing, a "to" infinitive,
 * an "-ly" adverb, "back", a reflexive, a day, a comma before the next verb of a list, or "and"
 * before a new subject or verb. Calling people something ("called the mayor a liar", "calls himself
 * a socialist", "called the voters “confused”") keeps the cue.
 */
function telephonesPeopleNamedByNoun(ctx: Reading, position: number): boolean {
  const { tokens, lower } = ctx;
  const limit = position + 1 + MAX_PEOPLE_PHRASE_TOKENS;
  for (let index = position + 1; index < limit; index++) {
    const token = tokens[index];
    if (!token) return false;
    if (token.kind === 'punct' && !POSSESSIVE_ENDINGS.has(token.lower) && token.text !== '-') return false;
    // A determiner inside the phrase opens a second one ("calls himself a socialist"), unless an owner's "'s" comes before it.
    if (DETERMINERS.has(token.lower) && index > position + 1 && !POSSESSIVE_ENDINGS.has(lower(index - 1))) return false;
    // A pronoun, a reflexive, a clause opening or a preposition ("called on the company to …", "a budget called tight by critics") ends the phrase before any noun for people.
    if (token.kind === 'word' && !DETERMINERS.has(token.lower) && (PRONOUNS.has(token.lower) || OBJECT_PRONOUNS.has(token.lower) || PEOPLE_CALL_ENDS.has(token.lower) || CLAUSE_OPENERS.has(token.lower) || token.lower === 'to' || NOUN_PREPOSITIONS.has(token.lower) || ctx.state.lexicon.classes(token.lower).has('preposition'))) return false;
    if (!namesPeople(ctx, index)) continue;
    const after = index + 1;
    const next = tokens[after];
    if (next === undefined || endsAt(ctx, after, false) || PEOPLE_CALL_ENDS.has(lower(after)) || DAY_WORDS.has(lower(after)) || LY_ADVERB.test(next.text)) return true;
    if (lower(after) === 'to' && readsAsInfinitive(ctx, after + 1)) return true;
    const following = tokens[after + 1];
    const followingClasses = following !== undefined && following.kind === 'word' && !following.capitalized ? ctx.state.lexicon.classes(following.lower) : undefined;
    const verbNext = followingClasses !== undefined && (followingClasses.has('verb') || followingClasses.has('verb-reading'));
    if (lower(after) === 'and') return PRONOUNS.has(lower(after + 1)) || verbNext;
    if (next.text === ',') return verbNext;
  }
  return false;
}

/** Words of the question asked that say what it was about or give it: "a question about …", "a question: …". */
const QUESTION_TOPIC_WORDS: ReadonlySet<string> = new Set(['about', 'on', 'over', 'of', 'regarding', 'concerning', 'that', 'which', 'whether', 'if', 'he', 'she', 'they', 'it', 'we', 'i', 'you']);

/**
 * "tried to ask Kroll a question after the meeting", "when Roe put him a question": a person
 * as the object, then only "a question" (an adjective may stand before it) with nothing after it
 * but when or where (span.question-object), says a question was put, not what it was: no
 * content to report. A question about something ("asked him a question about the budget"), one
 * given after a colon or in quotation marks, or one described by a clause keeps the cue.
 */
export function asksUnstatedQuestion(ctx: Reading, position: number): boolean {
  if (!spanVerbForms('span.question-object').has(ctx.lower(position))) return false;
  const person = afterPersonObject(ctx, position, true);
  if (person === undefined) return false;
  const { lower } = ctx;
  let index = person;
  if (lower(index) !== 'a' && lower(index) !== 'another') return false;
  index++;
  if (lower(index) !== 'question' && ctx.tokens[index]?.kind === 'word' && !ctx.tokens[index]?.capitalized) index++;
  if (lower(index) !== 'question') return false;
  const after = index + 1;
  const next = ctx.tokens[after];
  if (next === undefined) return true;
  if (next.kind === 'punct') return next.text !== ':' && !ctx.isOpenQuote(after);
  return !QUESTION_TOPIC_WORDS.has(lower(after)) && !ctx.isOpenQuote(after);
}

/**
 * "Roe, who is challenging Sen. Park for the seat", "the firepower to challenge Park in November": a
 * person as the whole object, with nothing after it but the race, is an opponent at the polls, not a
 * claim disputed. Challenging someone on or over something ("challenged Park on the budget"), or to
 * something ("challenged Park to a debate"), keeps the cue.
 */
export function runsAgainstPerson(ctx: Reading, position: number): boolean {
  if (!spanVerbForms('span.opponent-object').has(ctx.lower(position)) || ctx.tokens[position]?.capitalized === true) return false;
  const after = afterPersonObject(ctx, position, false);
  return after !== undefined && (endsAt(ctx, after, true) || spanAfterWords('span.opponent-object').has(ctx.lower(after)));
}

/** How far the head of an audience or occasion may stand from the verb: "attendees of …", "a Wednesday night rally in …". */
const MAX_OBJECT_HEAD_WORDS = 8;

/**
 * "addressed a rally in the park", "celebrating a victory in the primary": the verb of a row such as
 * span.audience-object or span.occasion-object, whose object's head (the last word before a
 * preposition, a relative word, a day, "again" or punctuation other than a comma) is one of that
 * row's "after" nouns: people spoken to or an occasion marked, not a view. A colon or quotation
 * later in the sentence ("addressed the crowd: “…”") keeps the cue.
 */
export function objectHeadOfRow(ctx: Reading, position: number, end: number, ruleId: string): boolean {
  if (!spanVerbForms(ruleId).has(ctx.lower(position))) return false;
  const { tokens, lower } = ctx;
  const heads = spanAfterWords(ruleId);
  const limit = Math.min(end, position + 1 + MAX_OBJECT_HEAD_WORDS);
  let head = position;
  for (let index = position + 1; index < limit; index++) {
    const token = tokens[index] as Token;
    // "big, boisterous rallies": a comma between modifiers goes on; one after the head ends it.
    if (token.text === ',' && heads.has(lower(head))) break;
    // "about 100 committee members": a word of measure right after the verb opens the object.
    if (token.kind === 'punct' ? token.text !== ',' && token.text !== '-' : index > position + 1 && endsObjectNoun(ctx, index)) break;
    if (token.kind !== 'punct') head = index;
  }
  if (head === position || !heads.has(lower(head))) return false;
  for (let index = head + 1; index < end; index++) if (tokens[index]?.text === ':' || ctx.isOpenQuote(index)) return false;
  return true;
}

/**
 * A word that ends the object's noun phrase: a preposition, a relative word, "again", or a day
 * standing after it ("a rally Thursday"; "a Wednesday night rally" keeps going).
 */
function endsObjectNoun(ctx: Reading, index: number): boolean {
  const word = ctx.lower(index);
  if (DAY_WORDS.has(word)) return ctx.tokens[index + 1]?.kind !== 'word' || endsObjectNoun(ctx, index + 1);
  return NOUN_PREPOSITIONS.has(word) || RELATIVE_SUBJECTS.has(word) || word === 'again' || ctx.state.lexicon.classes(word).has('preposition');
}

/**
 * "the economy added 151,000 jobs", "added around 292,000 jobs", "could add another title to his
 * resume": the verb of span.increase-object with an object that opens with a number (after at most
 * two of the row's "after" words), or that runs without a verb or punctuation into "to" and a noun
 * phrase, makes something bigger; it says nothing.
 */
export function addsToSomething(ctx: Reading, position: number, end: number): boolean {
  if (!spanVerbForms('span.increase-object').has(ctx.lower(position))) return false;
  const { tokens, lower } = ctx;
  const leaders = spanAfterWords('span.increase-object');
  let index = position + 1;
  while (index < position + 3 && leaders.has(lower(index)) && tokens[index + 1]?.kind !== 'punct') index++;
  if (tokens[index]?.kind === 'number') return true;
  // "adding that he …", "adding he intended to …": a clause, whatever "to" comes later in it.
  if (CLAUSE_OPENERS.has(lower(position + 1))) return false;
  const limit = Math.min(end, position + 1 + MAX_OBJECT_HEAD_WORDS);
  for (let at = position + 1; at < limit; at++) {
    const token = tokens[at] as Token;
    if (token.kind === 'punct' && !POSSESSIVE_ENDINGS.has(token.lower)) return false;
    if (AUXILIARIES.has(token.lower) || carriesContractedVerb(token.lower)) return false;
    if (token.lower === 'to') return at > position + 1 && tokens[at + 1]?.kind === 'word' && !ctx.state.lexicon.classes(lower(at + 1)).has('verb');
    if (ctx.state.lexicon.classes(token.lower).has('verb') && !ctx.state.lexicon.classes(token.lower).has('noun') && at > position + 1) return false;
  }
  return false;
}

/** How far the "to" may stand from a verb of inviting: "invited the harbour pilots' union to". */
const MAX_GUEST_TOKENS = 8;
/** Words that take a guest somewhere right after the object: "invited reporters in to tour". */
const GUEST_PARTICLES: ReadonlySet<string> = new Set(['in', 'inside', 'over', 'along', 'back', 'up']);

/**
 * "invited observers to attend", "invited the pilots to be co-hosts", "inviting Jo Lee to the pier to
 * use the ramp", "invited reporters in to tour the office", "inviting nominations as it did": a verb of
 * span.guest-invitation whose object is asked to come, to be present or to be somewhere (one of the row's
 * "after" verbs, a place after "to", a particle of place) or is only a thing asked for, names a guest or
 * an opening, not a request whose content a reader could check. An infinitive of another act ("invited
 * residents to comment on the fees") keeps the cue.
 */
export function invitesGuest(ctx: Reading, position: number, end: number): boolean {
  if (!spanVerbForms('span.guest-invitation').has(ctx.lower(position))) return false;
  const { tokens, lower } = ctx;
  const first = position + 1;
  if (lower(first) === 'that' || ctx.isOpenQuote(first) || tokens[first]?.text === ':' || tokens[first]?.text === ',') return false;
  const limit = Math.min(end, first + MAX_GUEST_TOKENS);
  // The object takes at least its first word ("invited Jo Lee to …"): a "to" right after the verb has no object before it.
  for (let index = first + 1; index < limit; index++) {
    const token = tokens[index] as Token;
    const word = lower(index);
    if (word === 'to') return !readsAsInfinitive(ctx, index + 1) || spanAfterWords('span.guest-invitation').has(lower(index + 1));
    if (GUEST_PARTICLES.has(word)) return true;
    // "inviting nominations as it did", "invited comments.": a thing asked for, with no act after it.
    if ((token.kind === 'punct' && !POSSESSIVE_ENDINGS.has(word) && token.text !== '-') || CLAUSE_OPENERS.has(word) || word === 'as') return !ctx.isOpenQuote(index + 1);
  }
  return false;
}

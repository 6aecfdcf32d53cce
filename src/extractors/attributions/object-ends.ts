import type { Token } from '../text/tokens.js';
import { AUXILIARY_VERBS, CLAUSE_WORDS, COORDINATORS, CUE_ADVERBS, OBJECT_PRONOUNS, POSSESSIVE_MARKS, PRONOUNS, DETERMINERS, DASHES, TIME_WORDS, LY_ADVERB } from './word-lists.js';
import { spanWords } from './span-rules.js';
import { isAdjectiveAt, isNounWord } from './word-tests.js';
import { isFiniteVerbAt, startsClause } from './clause-boundaries.js';
import type { Reading } from './reading.js';
import { insertBeforeVerb } from './content-continuations.js';

// Where content that is an object ends: the writer's comment, a "with" phrase, a coordinated clause, a clause of time or a poll's margin after it.

/** After a subordinator: a subject and its verb ("after a ferry ran aground") or an -ing form ("after arriving late"), so the word opens a clause, not a phrase. */
export function opensAdjunctClause(ctx: Reading, index: number, bodyEnd: number): boolean {
  return /ing$/.test(ctx.lower(index)) || startsClause(ctx, index, bodyEnd) || (PRONOUNS.has(ctx.lower(index)) && ctx.lower(index) !== 'it');
}

/** "two days after", "the night before", "soon after": a count or time word right before a subordinator makes it part of a time phrase, not the opening of an adjunct clause. */
export function measuresTimeBefore(ctx: Reading, subordinator: number): boolean {
  const word = ctx.lower(subordinator - 1);
  return ctx.tokens[subordinator - 1]?.kind === 'number' || TIME_WORDS.has(word) || spanWords('span.fronted-time-clause').has(word) || spanWords('span.modified-fronted-clause').has(word);
}

/** Determiners that do not open an apposition after a comma ("…, that is, …", "…, one that …", "…, all of them …"). */
const NON_APPOSITION_DETERMINERS: ReadonlySet<string> = new Set(['that', 'this', 'these', 'those', 'one', 'all', 'both', 'each', 'no', 'most', 'many', 'some', 'several', 'few', 'other', 'others']);
/** Words that open a relative clause inside an apposition: "a banker who has …". */
const APPOSITION_RELATIVES: ReadonlySet<string> = new Set(['who', 'whom', 'whose', 'which', 'that', 'where']);
/** How many words before the comma a gerund may stand and make the object a series of acts: "accused Roe of covering up, delaying, …". */
const GERUND_SERIES_REACH = 3;

/**
 * The row of the writer's comment that the comma at `comma` opens after an object content: a
 * participle ("…, attending the opening", "…, not wanting to …") or an apposition closing the
 * sentence ("…, a Republican appointed by …", "…, the state's largest county"); not an insert
 * before more of the content ("Roe, the mayor, of lying"), a series ("the mayor, the council and
 * the port", "of covering up, delaying, and …"), a clause after the comma, a word of the row that
 * carries the object on ("…, including …"), nor anything after content that is itself a clause.
 */
export function commentAfterObject(ctx: Reading, start: number, comma: number, bodyEnd: number): string | undefined {
  const { tokens, lower } = ctx;
  if (comma <= start || comma + 1 >= bodyEnd || CLAUSE_WORDS.has(lower(start)) || insertBeforeVerb(ctx, comma, bodyEnd)) return undefined;
  // "hurrying through the last repairs, possibly even bringing …": an object that is an act goes on with the next.
  if (/ing$/.test(lower(lower(start) === 'to' ? start + 1 : start))) return undefined;
  for (let index = start; index < comma; index++) {
    // "includes: free tuition, …": a list after a colon; "of covering up, delaying": a series of acts;
    // "Roe, his rival, an ISIS founder": after an insert the next phrase may still be what was said.
    const text = (tokens[index] as Token).text;
    if (text === ':' || (text === ',' && ctx.quotes.depth[index] === 0) || (comma - index <= GERUND_SERIES_REACH && /ing$/.test(lower(index)))) return undefined;
  }
  // "shows pilots running down the gangway, gathering beside …": an object doing something goes on with its next act.
  for (let index = start + 1; index < comma; index++) if (/^[a-z]{3,}ing$/.test((tokens[index] as Token).text) && !isNounWord(ctx, lower(index)) && !spanWords('span.object-participle').has(lower(index))) return undefined;
  let at = comma + 1;
  while (at + 1 < bodyEnd && at - comma <= 2 && (lower(at) === 'not' || CUE_ADVERBS.has(lower(at)) || LY_ADVERB.test((tokens[at] as Token).text))) at++;
  const word = tokens[at] as Token;
  if (word.kind !== 'word' || word.capitalized) return undefined;
  if (/^[a-z]{3,}ing$/.test(word.lower)) {
    // "something", "morning": nouns, not participles.
    const classes = ctx.state.lexicon.classes(word.lower);
    return spanWords('span.object-participle').has(word.lower) || (classes.has('noun') && !classes.has('gerund')) ? undefined : 'span.object-participle';
  }
  if (at !== comma + 1 || !DETERMINERS.has(word.lower) || NON_APPOSITION_DETERMINERS.has(word.lower)) return undefined;
  let relative = false;
  let participle = false;
  let prepositionObjects = false;
  for (let index = at + 1; index < bodyEnd; index++) {
    if (ctx.quotes.depth[index] !== 0) continue;
    const text = (tokens[index] as Token).text;
    // "Pier Seven, the town's busiest pier, where ferries wait longest": a clause of place set off after the description is more of the writer's comment.
    // (A "who" there may start the subject's verb; ", and" after the clause goes on with a series: "the quay, the old pier, where ferries dock, and the lock".)
    if (text === ',' && lower(index + 1) === 'where') {
      for (let after = index + 2; after < bodyEnd; after++) if (lower(after) === ',' && COORDINATORS.has(lower(after + 1))) return undefined;
      break;
    }
    // ("the 12-port levy": a hyphen inside a word joins it, only a spaced one sets off an aside.)
    if (text === ',' || text === ';' || DASHES.has(text) || (text === '-' && (tokens[index] as Token).spaceBefore)) return undefined;
    if (APPOSITION_RELATIVES.has(lower(index))) relative = true;
    // "a harbour official overseeing the quays and the locks": in a description opened by "a", "and" after a participle joins its objects;
    // otherwise it may close a series ("the pier, the quay and the locks", "the flood, the crews working the locks and the pilots").
    if (/^an?$/.test(word.lower) && /^[a-z]{3,}ing$/.test(lower(index)) && !isNounWord(ctx, lower(index))) participle = true;
    // "the pre-school run by schools and charities": after a preposition (not "of": "the head of the board and pilots") inside the description, "and" before a bare noun joins that preposition's objects.
    if (ctx.state.lexicon.classes(lower(index)).has('preposition') && lower(index) !== 'of' && index > at + 1) prepositionObjects = true;
    // "the earlier they act, the more likely it is …": a subject or verb of its own makes a clause, not a description.
    if (!relative && ((COORDINATORS.has(lower(index)) && !(participle && joinsNounPhrase(ctx, index + 1)) && !(prepositionObjects && !joinsNounPhrase(ctx, index + 1))) || PRONOUNS.has(lower(index)) || (AUXILIARY_VERBS.has(lower(index)) && !POSSESSIVE_MARKS.has(lower(index))))) return undefined;
  }
  return 'span.object-apposition';
}

/** "the quays and the locks", "Dorr and Lee": a determiner, a name or a number after a coordinator opens a second noun phrase. */
function joinsNounPhrase(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  return token !== undefined && (token.kind === 'number' || token.capitalized || (DETERMINERS.has(token.lower) && token.lower !== 'that'));
}

/** How many words the noun phrase of an absolute phrase may run: "with the state's interior minister". */
const MAX_ABSOLUTE_SUBJECT_TOKENS = 6;

/**
 * "with Lee taking to the radio", "with some polls showing …": a word of span.with-absolute, a
 * noun phrase with no preposition or verb in it, then a participle (not a noun such as "morning",
 * and not after a preposition: "with his plan for cutting …" is a noun phrase).
 */
export function opensAbsolutePhrase(ctx: Reading, index: number, bodyEnd: number): boolean {
  return absoluteParticipleAt(ctx, index, bodyEnd) !== undefined;
}

/** Where the participle of the absolute phrase opening at `index` stands (see opensAbsolutePhrase). */
export function absoluteParticipleAt(ctx: Reading, index: number, bodyEnd: number): number | undefined {
  const { tokens, lower, state } = ctx;
  // ("…, with it having the lowest failure rate": a pronoun takes up what was said and goes on with it.)
  // ("with her aides insisting": "her" there is a possessive.)
  if (!spanWords('span.with-absolute').has(lower(index)) || PRONOUNS.has(lower(index + 1)) || (OBJECT_PRONOUNS.has(lower(index + 1)) && lower(index + 1) !== 'her')) return undefined;
  for (let at = index + 2; at < bodyEnd && at - index <= MAX_ABSOLUTE_SUBJECT_TOKENS + 1; at++) {
    const token = tokens[at] as Token;
    if ((token.kind === 'punct' && token.text !== '.' && token.text !== "'") || ctx.quotes.depth[at] !== 0 || CLAUSE_WORDS.has(token.lower)) return undefined;
    // ("reportedly yelling": an adverb may come before the participle.)
    if (LY_ADVERB.test(token.text) && /ing$/.test(lower(at + 1))) continue;
    if (/^[a-z]{3,}ing$/.test(token.text)) {
      const classes = state.lexicon.classes(token.lower);
      return !(classes.has('noun') && !classes.has('gerund')) && !state.lexicon.classes(lower(at - 1)).has('preposition') && !DETERMINERS.has(lower(at - 1)) && !POSSESSIVE_MARKS.has(lower(at - 1)) ? at : undefined;
    }
    // ("with 40 percent of anglers saying", "with three in 10 saying": a share of people is one phrase.)
    const share = token.lower === 'of' || (token.lower === 'in' && tokens[at + 1]?.kind === 'number');
    if (token.kind === 'word' && !token.capitalized && ((state.lexicon.classes(token.lower).has('preposition') && !share) || AUXILIARY_VERBS.has(token.lower) || isFiniteVerbAt(ctx, at))) return undefined;
  }
  return undefined;
}
/** How many words the subject of a coordinated clause may run: "the state's interior minister". */
const MAX_COORDINATED_SUBJECT_TOKENS = 5;

/**
 * "he didn't …", "the mayor fired …", "his campaign did …", "Lee has …": a subject pronoun, a name
 * or a determined noun phrase, then a verb that shows its tense (an auxiliary or a past form; "his
 * 2005 vote" is no clause).
 */
export function opensClauseWithSubject(ctx: Reading, index: number, bodyEnd: number): boolean {
  const { tokens, lower, state } = ctx;
  const first = tokens[index];
  if (!first || first.kind !== 'word') return false;
  let verb = index + 1;
  if (PRONOUNS.has(first.lower)) {
    if (first.lower === 'it' || first.lower === 'you') return false;
  } else {
    // ("… and that he lied" reports a second clause.)
    if (!(first.capitalized || DETERMINERS.has(first.lower)) || first.lower === 'that') return false;
    // "Nega's excitement": a possessive stays in the subject.
    // "Mr. Lee", "Sen. Roe": the stop of a title is part of the name.
    const titleStop = (at: number): boolean => (tokens[at] as Token).text === '.' && (tokens[at - 1] as Token).capitalized;
    while (verb < bodyEnd && verb - index < MAX_COORDINATED_SUBJECT_TOKENS && (POSSESSIVE_MARKS.has(lower(verb)) || (!AUXILIARY_VERBS.has(lower(verb)) && !isFiniteVerbAt(ctx, verb) && !pastBetweenNameAndObject(ctx, verb))) && ((tokens[verb] as Token).kind !== 'punct' || titleStop(verb))) {
      // "other candidates that he was …": a clause inside the phrase makes it an object, not a subject.
      if (CLAUSE_WORDS.has(lower(verb)) || PRONOUNS.has(lower(verb))) return false;
      verb++;
    }
  }
  while (verb < bodyEnd && (CUE_ADVERBS.has(lower(verb)) || LY_ADVERB.test((tokens[verb] as Token).text))) verb++;
  const word = tokens[verb];
  if (!word || word.kind !== 'word' || word.capitalized) return false;
  if (POSSESSIVE_MARKS.has(word.lower)) return false;
  // "the White House and its leaders not to pass …": "not" before "to" shows no tense.
  if (AUXILIARY_VERBS.has(word.lower)) return !((word.lower === 'not' || word.lower === "n't") && lower(verb + 1) === 'to');
  // "the full details": after a determiner, a possessive or an adjective a verb-looking word is a noun.
  // "his 2005 vote": after a number too.
  if (DETERMINERS.has(lower(verb - 1)) || POSSESSIVE_MARKS.has(lower(verb - 1)) || isAdjectiveAt(ctx, verb - 1) || (tokens[verb - 1] as Token).kind === 'number') return false;
  return isFiniteVerbAt(ctx, verb) || (state.lexicon.classes(word.lower).has('past-tense') && !isNounWord(ctx, word.lower)) || pastBetweenNameAndObject(ctx, verb);
}

/** "Dover lost his son", "Lee left the pier": a past form the lexicon files as an adjective ('past-reading') is a verb between a name and the start of an object. */
export function pastBetweenNameAndObject(ctx: Reading, verb: number): boolean {
  const object = ctx.tokens[verb + 1];
  return ctx.state.lexicon.classes(ctx.lower(verb)).has('past-reading') && (ctx.tokens[verb - 1] as Token).capitalized && object !== undefined && object.kind === 'word' && (DETERMINERS.has(object.lower) || OBJECT_PRONOUNS.has(object.lower) || object.capitalized);
}

/** How many words "by" may stand before the noun of a margin: "by nearly a 12 percentage point margin". */
const MAX_MARGIN_TOKENS = 6;

/**
 * "Roe 46 percent to 32 percent", "Roe, 57 percent to 22 percent", "her by broad margins in polls":
 * where a poll's split ("N percent to M percent") or a "by" phrase with a noun of span.poll-margin
 * starts after an object, before anything else follows the object.
 */
export function pollMarginStart(ctx: Reading, start: number, end: number): number | undefined {
  const { tokens, lower, quotes } = ctx;
  const nouns = spanWords('span.poll-margin');
  for (let index = start + 1; index < end; index++) {
    const token = tokens[index] as Token;
    if (quotes.depth[index] !== 0) return undefined;
    const from = lower(index - 1) === ',' ? index - 1 : index;
    if (token.kind === 'number' && (lower(index + 1) === 'percent' || lower(index + 1) === '%') && lower(index + 2) === 'to' && (tokens[index + 3] as Token | undefined)?.kind === 'number') return from;
    if (token.lower === 'by') {
      for (let at = index + 1; at < end && at - index <= MAX_MARGIN_TOKENS; at++) {
        if ((tokens[at] as Token).kind === 'punct') break;
        if (nouns.has(lower(at))) return from;
      }
    }
    // "backed the plan to cut fares by ten points": the margin of a verb inside the object is part of it.
    if (token.lower === 'to' || (token.kind === 'punct' && token.text !== ',' && token.text !== '.')) return undefined;
  }
  return undefined;
}

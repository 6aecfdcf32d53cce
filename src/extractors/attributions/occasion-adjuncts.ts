import type { Token } from '../text/tokens.js';
import { AUXILIARY_VERBS, COORDINATORS, DAY_WORDS, DETERMINERS, POSSESSIVE_MARKS, TIME_WORDS, TIME_LEADERS } from './word-lists.js';
import { spanWords } from './span-rules.js';
import { bracketDepthAfter } from './quotes.js';
import { isQuotedTitle } from './clause-boundaries.js';
import { isNounWord, isVerbWord } from './word-tests.js';
import type { Reading } from './reading.js';

/** Prepositions before an occasion ("in an interview", "at a rally", "during the debate") and before a medium ("on Twitter", "via Facebook"). */
const OCCASION_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'during', 'with']);
const MEDIUM_PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'via']);
/** How many modifiers may stand between the preposition and its noun: "in a brief televised interview". */
const MAX_OCCASION_MODIFIERS = 4;
/** Words a time phrase may open with before its time word: "in late May", "over the next week", "since the spring". */
const ADJUNCT_LEADS: ReadonlySet<string> = new Set([...OCCASION_PREPOSITIONS, ...MEDIUM_PREPOSITIONS, 'over', 'since', 'until', 'by', 'the']);
/** After these the rest of an object is a clause of its own: "which votes on Tuesday", "the woman he met Monday". */
const OWN_CLAUSE_WORDS: ReadonlySet<string> = new Set(['which', 'who', 'whom', 'whose', 'that', 'where', 'when', 'he', 'she', 'they', 'we', 'i']);
/** Words after an adjunct that carry on what was said: "… Wednesday to act", "… on Sunday that …". */
const AFTER_ADJUNCT_CONTENT: ReadonlySet<string> = new Set(['that', 'to', 'whether', 'how', 'what', 'why', 'as', 'about', 'for', 'of', 'over']);

/**
 * Where a phrase saying when or on what occasion an act took place starts inside an object
 * content ("endorsed Roe at a rally on Sunday", "praised the plan in an interview"), with the row that reads it.
 * Time phrases count only when the content holds no verb of its own ("urged the council to vote
 * on Monday": Monday is when the vote is); nothing counts once the content has a clause of its
 * own before the phrase ("a win in Ohio, which votes on Tuesday", "the woman he met Monday").
 */
export function occasionAdjunctStart(ctx: Reading, start: number, end: number): { index: number; ruleId: string } | undefined {
  const { tokens, quotes, lower } = ctx;
  let embeddedVerb = false;
  let bracketDepth = 0;
  for (let index = start; index < end; index++) {
    const token = tokens[index] as Token;
    bracketDepth = bracketDepthAfter(bracketDepth, token.text);
    if (quotes.depth[index] !== 0 || bracketDepth !== 0 || ctx.isOpenQuote(index)) continue;
    // "to vote", "of grabbing her": a verb of its own (not "to a rescue", "staffing shortages").
    if ((token.lower === 'to' && !opensNounPhrase(ctx, index + 1)) || (/ing$/.test(token.lower) && (index === start || ctx.state.lexicon.classes(lower(index - 1)).has('preposition')))) embeddedVerb = true;
    if (index === start) continue;
    if (opensOwnClause(ctx, index)) return undefined;
    const ruleId = adjunctRule(ctx, index, end, embeddedVerb);
    if (!ruleId) continue;
    // "in late May", "over the next week", "later this week": the phrase starts at its first word ("rally", "ally" are no adverbs).
    let adjunct = index;
    // "two weeks ago", "a few years ago": the count before the unit.
    const ago = lower(index + 1) === 'ago';
    while (adjunct - 1 > start && ((ago && ((tokens[adjunct - 1] as Token).kind === 'number' || DETERMINERS.has(lower(adjunct - 1)))) || ADJUNCT_LEADS.has(lower(adjunct - 1)) || TIME_LEADERS.has(lower(adjunct - 1)) || (/ly$/.test(lower(adjunct - 1)) && !(tokens[adjunct - 1] as Token).capitalized && !isVerbWord(ctx, lower(adjunct - 1)) && !isNounWord(ctx, lower(adjunct - 1))))) adjunct--;
    // "noted a planned rally on Saturday": an object that is itself an event owns the time or place after it;
    // so does a noun before "of" ("the flood of ten years ago").
    if (spanWords('span.occasion-adjunct').has(lower(adjunct - 1)) || (ago && (lower(adjunct - 1) === 'of' || lower(adjunct - 2) === 'of'))) return undefined;
    return keepsObject(ctx, start, adjunct) && closesContent(ctx, index, end) ? { index: adjunct, ruleId } : undefined;
  }
  return undefined;
}

/** "in a statement", "at a rally", "on Twitter": a phrase of occasion or medium (not of time alone) opens at `index`. */
export function opensOccasionPhrase(ctx: Reading, index: number, end: number): boolean {
  const word = ctx.lower(index);
  if (!OCCASION_PREPOSITIONS.has(word) && !MEDIUM_PREPOSITIONS.has(word)) return false;
  return adjunctRule(ctx, index, end, true) !== undefined;
}

/** The row of the phrase of occasion, medium or time opening at `index`, if one does. */
function adjunctRule(ctx: Reading, index: number, end: number, embeddedVerb: boolean): string | undefined {
  const { tokens, lower } = ctx;
  const word = lower(index);
  const timeWords = spanWords('span.speaker-time-phrase');
  // "during his time on MSNBC", "during the primaries": "during" always tells when, whatever its noun.
  if (word === 'during' && !embeddedVerb && opensNounPhrase(ctx, index + 1)) return 'span.occasion-adjunct';
  if (OCCASION_PREPOSITIONS.has(word)) return nounAfter(ctx, index, end, spanWords('span.occasion-adjunct')) ? 'span.occasion-adjunct' : undefined;
  if (MEDIUM_PREPOSITIONS.has(word) && nounAfter(ctx, index, end, spanWords('span.occasion-medium'))) return 'span.occasion-medium';
  if (embeddedVerb) return undefined;
  if (word === 'on') return DAY_WORDS.has(lower(index + 1)) || timeWords.has(lower(index + 1)) ? 'span.occasion-adjunct' : undefined;
  // "on Super Tuesday", "a USA TODAY poll": after a capitalised word a weekday is part of a name;
  // "a Wednesday night rally", "Sunday's debate": after a determiner it describes a noun.
  // "decades ago", "two weeks ago".
  if (lower(index + 1) === 'ago' && timeWords.has(word)) return 'span.occasion-adjunct';
  const before = tokens[index - 1] as Token;
  if (before.capitalized || DETERMINERS.has(before.lower) || before.lower === "'s" || before.lower === '’s') return undefined;
  const time = DAY_WORDS.has(word) || (TIME_LEADERS.has(word) && (TIME_WORDS.has(lower(index + 1)) || timeWords.has(lower(index + 1))));
  // "last week's primary": the time owns a noun, naming an event rather than when the act took place.
  return time && !POSSESSIVE_MARKS.has(lower(DAY_WORDS.has(word) ? index + 1 : index + 2)) ? 'span.occasion-adjunct' : undefined;
}

/**
 * A noun of the list after the preposition at `index`, its phrase opened by a determiner, a
 * possessive or a name, or the noun a plural ("in a televised interview", "on his Facebook
 * page", "in interviews"; not "in political speech" or "on Roe meeting …").
 */
function nounAfter(ctx: Reading, index: number, end: number, nouns: ReadonlySet<string>): boolean {
  const { tokens, lower } = ctx;
  let probe = index + 1;
  while (probe < end && probe - index <= MAX_OCCASION_MODIFIERS && !nouns.has(lower(probe)) && isOccasionModifier(ctx, probe)) probe++;
  if (probe >= end || !nouns.has(lower(probe))) return false;
  const first = tokens[index + 1] as Token;
  if (/ing$/.test(lower(probe)) && (tokens[probe - 1] as Token).capitalized) return false;
  // "in early-morning tweets": a plural needs no determiner, whatever its modifiers.
  return /s$/.test(lower(probe)) || DETERMINERS.has(first.lower) || first.capitalized || first.kind === 'number';
}

/** A word that may stand before the noun of an occasion: "a", "his", "Sunday's", "CNN", "brief", "press", "televised". */
function isOccasionModifier(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  if (token.kind === 'number' || DETERMINERS.has(token.lower) || token.lower === "'s" || token.lower === '’s' || token.capitalized) return true;
  if (token.kind !== 'word' || token.lower === 'to' || COORDINATORS.has(token.lower) || OWN_CLAUSE_WORDS.has(token.lower)) return false;
  return !ctx.state.lexicon.classes(token.lower).has('preposition');
}

/** A relative word, a subject pronoun, an auxiliary or a participle after a comma: the content has a clause of its own from here. */
function opensOwnClause(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  if (OWN_CLAUSE_WORDS.has(token.lower) || (AUXILIARY_VERBS.has(token.lower) && token.lower !== 'being' && !namesOwner(ctx, index))) return true;
  return /ing$/.test(token.lower) && ctx.tokens[index - 1]?.text === ',';
}

/**
 * "on CBS's show", "at Roe's rally": a possessive after a name or noun. After a day or unit of
 * time ("in Saturday's debate", "last week's primary") the phrase names an event the content is
 * about, so it still ends the search as a clause would.
 */
function namesOwner(ctx: Reading, index: number): boolean {
  const owner = ctx.lower(index - 1);
  return POSSESSIVE_MARKS.has(ctx.lower(index)) && !TIME_WORDS.has(owner) && !spanWords('span.speaker-time-phrase').has(owner);
}

/** What stays before the phrase names something: not only "on" or "a". */
function keepsObject(ctx: Reading, start: number, adjunct: number): boolean {
  for (let index = start; index < adjunct; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.kind !== 'punct' && !DETERMINERS.has(token.lower) && !ADJUNCT_LEADS.has(token.lower)) return true;
  }
  return false;
}

/**
 * The adjunct ends the content only when the rest is more of the same (places, times, the
 * occasion's own words), not the rest of what was said ("called on the council Wednesday to
 * act", "said on Sunday that …", "announced a buy this week targeting young voters").
 */
function closesContent(ctx: Reading, adjunct: number, end: number): boolean {
  const { tokens, lower, state } = ctx;
  const occasions = spanWords('span.occasion-adjunct');
  for (let index = adjunct + 1; index < end; index++) {
    const token = tokens[index] as Token;
    // "in an interview with “The Harbour Hour”": a programme's title names the occasion; any other quotation is what was said.
    const close = ctx.isOpenQuote(index) ? ctx.quotes.closeOf[index] ?? -1 : -1;
    if (close > index && isQuotedTitle(ctx, close)) {
      index = close;
      continue;
    }
    if (ctx.isOpenQuote(index) || token.text === ':') return false;
    // "… Wednesday to reopen the pier" goes on; "… in a letter to the council" does not.
    // "at a rally for her supporters": "for" and a noun after an occasion tell whose occasion it was; "for failing …" gives a reason.
    const forOccasion = token.lower === 'for' && occasions.has(lower(index - 1)) && !/ing$/.test(lower(index + 1));
    // "on the same day as the vote": "as" after "same" completes the comparison.
    const sameAs = token.lower === 'as' && (lower(index - 2) === 'same' || lower(index - 3) === 'same');
    if (AFTER_ADJUNCT_CONTENT.has(token.lower) && !forOccasion && !sameAs && !(token.lower === 'to' && opensNounPhrase(ctx, index + 1)) && !(token.lower === 'of' && !namesTime(ctx, index - 1))) return false;
    // "Wednesday morning", "Friday evening": a part of the day is more of the time, not a participle.
    if (token.kind !== 'word' || token.capitalized || occasions.has(token.lower) || TIME_WORDS.has(token.lower) || namesOwner(ctx, index)) continue;
    const classes = state.lexicon.classes(token.lower);
    // ("… Wednesday during a panel": "during" is a preposition, not a participle.)
    if (AUXILIARY_VERBS.has(token.lower) || (/ing$/.test(token.lower) && !classes.has('preposition'))) return false;
    // "in a notice pinned on the quay": a participle describing the occasion.
    if (/ed$/.test(token.lower)) continue;
    // "in his home state": the last word after a determiner and a modifier heads their noun phrase.
    // ("in his home state of Vermont": so does a word before "of".)
    const endsNounPhrase = (index === end - 1 || lower(index + 1) === 'of') && DETERMINERS.has(lower(index - 2));
    // "with state officials", "with Westport state officials": right after a preposition other than "to" (and any name) a verb-looking word opens a noun phrase.
    let before = index - 1;
    while (before > adjunct && (tokens[before] as Token).capitalized) before--;
    const afterPreposition = lower(before) !== 'to' && state.lexicon.classes(lower(before)).has('preposition');
    if (classes.has('verb') && !classes.has('noun') && !classes.has('adjective') && !DETERMINERS.has(lower(index - 1)) && !endsNounPhrase && !afterPreposition) return false;
  }
  return true;
}

/** How many modifiers may stand before a plural after "to": "to conservative pastors". */
const MAX_PLURAL_MODIFIERS = 2;

/** A noun phrase, not a verb, after "to": "the council", "Roe", "supporters", "conservative pastors". */
function opensNounPhrase(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (token === undefined) return false;
  if (token.capitalized || token.kind === 'number' || DETERMINERS.has(token.lower)) return true;
  for (let at = index; at < ctx.tokens.length && at - index <= MAX_PLURAL_MODIFIERS; at++) {
    const word = ctx.tokens[at] as Token;
    if (word.kind !== 'word' || word.capitalized) return false;
    if (/[^su']s$/.test(word.lower) && !isVerbWord(ctx, word.lower)) return true;
  }
  return false;
}

/**
 * "warned on Sunday of a crisis", "in a letter of support": "of" right after a time or an
 * occasion carries on what was said; after another noun ("his home state of Vermont") it stays
 * inside the phrase.
 */
function namesTime(ctx: Reading, index: number): boolean {
  const word = ctx.lower(index);
  return TIME_WORDS.has(word) || spanWords('span.speaker-time-phrase').has(word) || spanWords('span.occasion-adjunct').has(word) || spanWords('span.occasion-medium').has(word);
}

/** Pronouns that are a whole object on their own: "opposed it", "mentioned him", "discussed this". */
const WHOLE_OBJECT_PRONOUNS: ReadonlySet<string> = new Set(['it', 'him', 'her', 'them', 'himself', 'herself', 'themselves', 'me', 'us']);
/** Words after the phrase that carry a preference on: "backed Roe in the primary over Lee". */
const PREFERENCE_WORDS: ReadonlySet<string> = new Set(['over', 'against', 'instead']);

/**
 * "opposed it throughout the year", "backed Ruth Calder in the primary": where a phrase of
 * span.named-object-adjunct starts right after an object that is a pronoun or a person's name
 * (with a title before it), which takes no phrase of its own ("those in the country" does).
 */
export function namedObjectAdjunctStart(ctx: Reading, start: number, end: number): number | undefined {
  const { tokens, lower } = ctx;
  let after = start + 1;
  if (!WHOLE_OBJECT_PRONOUNS.has(lower(start))) {
    const first = tokens[start] as Token;
    if (!first.capitalized) return undefined;
    // "Mr. Lee", "Sen. Roe": the title may stand outside the mention.
    const titleEnd = lower(start + 1) === '.' ? start + 2 : start + 1;
    const person = ctx.actors.find((actor) => actor.type === 'person' && (actor.start === first.start || (titleEnd < end && actor.start === (tokens[titleEnd] as Token).start)));
    if (!person) return undefined;
    while (after < end && (tokens[after] as Token).start < person.end) after++;
  }
  if (after + 1 >= end || !spanWords('span.named-object-adjunct').has(lower(after))) return undefined;
  for (let index = after + 1; index < end; index++) if (PREFERENCE_WORDS.has(lower(index))) return undefined;
  return after;
}

import type { Attribution } from '../../model/claim.js';
import type { Token } from '../text/tokens.js';
import { firstStartingAtOrAfter } from '../text/spans.js';
import { AMOUNT_BOUNDS, AUXILIARY_VERBS, CLAUSE_OPENERS, DAY_WORDS, DETERMINERS, endsInSingleS, LY_ADVERB, PRONOUNS } from './word-lists.js';
import { spanAfterWords, spanWords } from './span-rules.js';
import { isFiniteVerbAt } from './clause-boundaries.js';
import type { Reading } from './reading.js';

/** How many words a circumstance may run to: "before the harbour board's standing finance committee on Friday". */
const MAX_CIRCUMSTANCE_WORDS = 12;
/** How many words a bare time phrase may run to: "on the morning of Jan. 27". */
const MAX_TIME_PHRASE_WORDS = 5;
/** Words that end a subject's noun phrase before any verb: a relative clause, a preposition, a possessive. */
const NOUN_PHRASE_BREAKS: ReadonlySet<string> = new Set(['that', 'who', 'which', 'whose', 'whom', 'of', 'to', 'in', 'for', 'on', 'with', 'at', 'by', 'from', "'s"]);
/** "as many as 30 percent", "as much as", "as well as": "as" measuring an amount, not opening a clause of time. */
const DEGREE_WORDS: ReadonlySet<string> = new Set(['many', 'much', 'few', 'little', 'most', 'well', 'long', 'far', 'soon']);

/**
 * "a bid the councillors turned down at a closed town hall session", "as Dayen noted in The Intercept",
 * "the crowd applauded loudly", "Roe responded first", "the talks concluded Monday": content that is
 * only when, where or how the cue happened, a phrase opened by one of the words of
 * span.circumstance-content with no verb and no punctuation in it, a lone "-ly" adverb, or a lone
 * day or adverb of span.lone-adverb-content, holds nothing anyone said: the cue was used with no
 * content of its own, or its content stands elsewhere. Answers the rule that rules it out.
 */
export function circumstanceRuleOf(ctx: Reading, attribution: Attribution): string | undefined {
  // "…, the mayor hints;" with nothing read, or only the bracket or quotation mark that closes the clause: no words, so nothing was said.
  if (!/[\p{L}\p{N}]/u.test(attribution.content.text)) return 'span.wordless-content';
  if (attribution.direct) return undefined;
  const words = attribution.content.text.split(/\s+/).filter(Boolean);
  const first = (words[0] ?? '').toLowerCase();
  const timeRule = timeOnlyRuleOf(ctx, attribution);
  if (timeRule) return timeRule;
  if (countsActs(ctx, attribution)) return COUNT_OF_ACTS_ROW;
  if (words.length === 1) {
    const word = first.replace(/[^\p{L}]/gu, '');
    if (DAY_WORDS.has(word) || spanWords('span.lone-adverb-content').has(word)) return 'span.lone-adverb-content';
    // "family", "rally", "ally" are nouns a cue may take.
    return LY_ADVERB.test(words[0] ?? '') && !ctx.state.lexicon.classes(first).has('noun') ? 'span.circumstance-content' : undefined;
  }
  if (!spanWords('span.circumstance-content').has(first) || words.length > MAX_CIRCUMSTANCE_WORDS) return undefined;
  // "at least six boats sank": "at least", "at most" count the subject of a clause, they say no place.
  if (first === 'at' && AMOUNT_BOUNDS.has((words[1] ?? '').toLowerCase())) return undefined;
  if (/[,;:"“”‘’(]|''/.test(attribution.content.text)) return undefined;
  // "in which training the youngest pilots has paid off": a verb makes it a clause, which may say something.
  // "since 1914 that misery breeds fascism": a clause opened inside it is the content.
  const clause = words.some((word) => AUXILIARY_VERBS.has(word.toLowerCase()) || CLAUSE_OPENERS.has(word.toLowerCase()) || ctx.state.cues.has(word.toLowerCase()));
  return clause ? undefined : 'span.circumstance-content';
}

/** Row of config/attributions/spans.json: a count of times the act was done, standing where content would. */
const COUNT_OF_ACTS_ROW = 'span.count-of-acts';
/** Words that bound or round a count: "more than 5,000 times", "at least twice", "about 40 times". */
const COUNT_BOUNDS: ReadonlySet<string> = new Set(['more', 'less', 'fewer', 'than', 'over', 'under', 'about', 'around', 'roughly', 'nearly', 'almost', 'some', 'at', 'least', 'most', 'up', 'to']);

/**
 * "posted more than 5,000 times since June", "has spoken three times this year": a number (and a bound
 * before it) then a word of span.count-of-acts counts how often the cue's act was done, and the words
 * after it say when or where, with no clause of their own: nothing anyone said.
 */
function countsActs(ctx: Reading, attribution: Attribution): boolean {
  const { tokens, lower } = ctx;
  const start = firstStartingAtOrAfter(tokens, attribution.content.start);
  const end = firstStartingAtOrAfter(tokens, attribution.content.end);
  let index = start;
  while (index < end && COUNT_BOUNDS.has(lower(index))) index++;
  if (index >= end || (tokens[index] as Token).kind !== 'number' || !spanWords(COUNT_OF_ACTS_ROW).has(lower(index + 1))) return false;
  for (let after = index + 2; after < end; after++) {
    const word = lower(after);
    if (AUXILIARY_VERBS.has(word) || CLAUSE_OPENERS.has(word) || ctx.state.cues.has(word) || ctx.isOpenQuote(after) || isFiniteVerbAt(ctx, after)) return false;
  }
  return true;
}

/**
 * "when it went up on Feb. 3", "the chapter she addressed a month earlier": content made only of
 * a time phrase (span.time-phrase-content); "she insisted as Kroll kept cutting in": a clause
 * of time opened by a word of span.time-clause-content, with its own subject and verb and no comma
 * or quotation. Either says when the cue happened, not what was said.
 */
function timeOnlyRuleOf(ctx: Reading, attribution: Attribution): string | undefined {
  const { tokens } = ctx;
  const start = firstStartingAtOrAfter(tokens, attribution.content.start);
  const end = firstStartingAtOrAfter(tokens, attribution.content.end);
  if (end <= start) return undefined;
  // A lone day ("concluded Monday") is span.lone-adverb-content's.
  if (end - start > 1 && end - start <= MAX_TIME_PHRASE_WORDS && isTimePhrase(ctx, start, end)) return 'span.time-phrase-content';
  if (!spanWords('span.time-clause-content').has(ctx.lower(start)) || /[,;:"“”‘’(]|''/.test(attribution.content.text)) return undefined;
  const subject = tokens[start + 1] as Token | undefined;
  if (subject === undefined || DEGREE_WORDS.has(subject.lower) || !(DETERMINERS.has(subject.lower) || PRONOUNS.has(subject.lower) || subject.capitalized)) return undefined;
  // The verb must follow its subject phrase: "seen as a tax that hurts riders", "as a sign of the board's
  // patience with rival bidders" put a verb or a plural inside a noun phrase, not in a clause of time.
  for (let index = start + 2; index < end && !NOUN_PHRASE_BREAKS.has(ctx.lower(index)); index++) if (isFiniteVerbAt(ctx, index) || isPresentVerbAfterNoun(ctx, index)) return 'span.time-clause-content';
  return undefined;
}

/** "as a deckhand walks past", "as a storm looms": an -s form that may be a verb (or is unknown), after a word that is no determiner. */
function isPresentVerbAfterNoun(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  if (token.kind !== 'word' || token.capitalized || !endsInSingleS(token.lower) || DETERMINERS.has(ctx.lower(index - 1))) return false;
  const classes = ctx.state.lexicon.classes(token.lower);
  return classes.size === 0 || classes.has('verb') || classes.has('verb-reading');
}

/** Every token a time noun, day, month, number or a word that goes with them, and at least one time noun, day or month. */
function isTimePhrase(ctx: Reading, start: number, end: number): boolean {
  const nouns = spanWords('span.time-phrase-content');
  const around = spanAfterWords('span.time-phrase-content');
  let timed = false;
  for (let index = start; index < end; index++) {
    const token = ctx.tokens[index] as Token;
    const date = DAY_WORDS.has(token.lower) || ctx.state.lexicon.classes(token.lower).has('date-word');
    if (nouns.has(token.lower) || date) timed = true;
    else if (token.kind !== 'number' && !around.has(token.lower)) return false;
  }
  return timed;
}

import type { Token } from '../text/tokens.js';
import { AUXILIARY_VERBS, CLAUSE_WORDS, COORDINATORS, CUE_ADVERBS, DETERMINERS, MAX_SPEAKER_TOKENS, DASHES, LY_ADVERB, OBJECT_PRONOUNS, POSSESSIVE_MARKS, PRONOUNS, INDEFINITE_OPENERS } from './word-lists.js';
import { spanWords } from './span-rules.js';
import { isAdjectiveAt, isNounLike, isNounWord, isPhraseBreak } from './word-tests.js';
import { isFiniteVerbAt, isPastForm, isSentenceEndAfterCue, startsCoordinatedPredicate, startsClause } from './clause-boundaries.js';
import { isFindingVerbAt } from './cue-matching.js';
import { inHeadline, type Reading } from './reading.js';
import { dashFollows } from './content-continuations.js';
import { hasFiniteOrPronounPresentVerbBetween } from './verb-ranges.js';
import { readSpeakerAfter } from './speakers-after-cue.js';

// Clauses that close what was said: one about the last noun or conceding something, an inverted cue, a document's finding, the next act in a series.

/**
 * "…, called her “a joke” and walked out": from `from`, before any semicolon or dash of the sentence,
 * "and" and a verb of the speaker's (span.coordinated-predicate's reading) end the series; a comma
 * may stand before that "and" ("…, recited her plans, and walked out") or before a further verb of
 * the series ("…, recited her plans, thanked the crew and left"), not before anything else.
 */
export function closesPredicateSeries(ctx: Reading, from: number, bodyEnd: number, cueStart: number): boolean {
  const { tokens, quotes } = ctx;
  // "Roe Slams Lee, Praises Dover": a headline joins its acts with a comma alone.
  if (inHeadline(ctx, cueStart)) return true;
  for (let index = from; index < bodyEnd; index++) {
    const text = (tokens[index] as Token).text;
    if (quotes.depth[index] !== 0) continue;
    if (text === ';' || DASHES.has(text)) return false;
    if (text === ',') {
      if (ctx.lower(index + 1) === 'and' && startsCoordinatedPredicate(ctx, index + 2, cueStart)) return true;
      if (!startsCoordinatedPredicate(ctx, index + 1, cueStart)) return false;
      continue;
    }
    if (ctx.lower(index) === 'and' && startsCoordinatedPredicate(ctx, index + 1, cueStart)) return true;
  }
  return false;
}

/** "…, quickly went up with …", "…, notably stopped short …": adverbs may stand between an insert's closing comma and the subject's own verb. */
export function verbAfterAdverbs(ctx: Reading, index: number, bodyEnd: number): number {
  let at = index;
  while (at + 1 < bodyEnd && at - index < 2 && (CUE_ADVERBS.has(ctx.lower(at)) || LY_ADVERB.test((ctx.tokens[at] as Token).text))) at++;
  return at;
}

/** "said the union", "says Roe", "wrote his lawyer": a verb of the row, then the noun phrase of its speaker up to the sentence end or a clause break. */
export function opensInvertedReport(ctx: Reading, index: number, bodyEnd: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || !spanWords('span.inverted-report').has(token.lower)) return false;
  const speaker = readSpeakerAfter(ctx, index + 1, bodyEnd, false);
  if (!speaker) return false;
  // "…, recited her policy ideas": the phrase must name someone, or something that speaks.
  for (let at = speaker.start; at < speaker.end; at++) {
    const word = ctx.tokens[at] as Token;
    if (word.capitalized || ctx.state.speakerHeads.has(word.lower)) return true;
  }
  return false;
}

/** "records show.", "a new Gazette analysis found.": a noun phrase headed by a document, then a verb of finding ending the sentence. */
export function opensClosingFinding(ctx: Reading, index: number, bodyEnd: number): boolean {
  const { tokens, state } = ctx;
  let document = false;
  for (let at = index; at < bodyEnd && at - index <= MAX_SPEAKER_TOKENS; at++) {
    const token = tokens[at] as Token;
    if (document && isFindingVerbAt(ctx, at)) return isSentenceEndAfterCue(ctx, at + 1, bodyEnd);
    if (isPhraseBreak(token)) return false;
    if (state.speakerHeads.get(token.lower) === 'speaker.document') document = true;
  }
  return false;
}

/** "public attitudes make …", "older voters say …": adjectives, then a noun phrase and its verb. */
export function adjectiveLedClause(ctx: Reading, index: number, bodyEnd: number): boolean {
  let subject = index;
  while (subject < bodyEnd && subject - index < 3 && isAdjectiveAt(ctx, subject)) subject++;
  return subject > index && ctx.lower(subject) !== 'to' && isNounLike(ctx, subject) && startsClause(ctx, subject, bodyEnd);
}

/** ", but people keep …", ", yet voters want …": a bare noun (one the lexicon lists, or an unlisted plural) and its verb. */
export function bareNounClause(ctx: Reading, index: number, bodyEnd: number): boolean {
  const token = ctx.tokens[index];
  return token !== undefined && token.kind === 'word' && !token.capitalized && !CLAUSE_WORDS.has(token.lower) && (isNounWord(ctx, token.lower) || (/[^su]s$/.test(token.lower) && ctx.state.lexicon.classes(token.lower).size === 0)) && startsClause(ctx, index, bodyEnd);
}

/** Rows of config/attributions/spans.json whose word after a comma opens a clause that ends what was reported. */
const CLOSING_CLAUSE_ROWS = ['span.nonrestrictive-modifier', 'span.concessive-clause'];

/**
 * The row whose word follows `comma` and opens a clause running to the end of the sentence, in
 * reported words opened by no quotation. A relative clause closed by a comma is an insert inside the
 * reported clause ("said the bridge, which opened in May, was cracked").
 */
export function closingClauseRule(ctx: Reading, start: number, comma: number, bodyEnd: number): string | undefined {
  if (comma <= start) return undefined;
  const word = ctx.lower(comma + 1);
  const ruleId = CLOSING_CLAUSE_ROWS.find((id) => spanWords(id).has(word));
  if (!ruleId) return undefined;
  for (let index = start; index < comma; index++) if (ctx.isOpenQuote(index)) return undefined;
  // "…, though." ends it; "…, although not in winter" qualifies what was reported and stays in it.
  if (ruleId === 'span.concessive-clause') return comma + 2 >= bodyEnd || hasFiniteOrPronounPresentVerbBetween(ctx, comma + 2, bodyEnd) ? ruleId : undefined;
  for (let index = comma + 2; index < bodyEnd; index++) {
    const text = (ctx.tokens[index] as Token).text;
    if (ctx.quotes.depth[index] === 0 && (text === ',' || DASHES.has(text) || ctx.isOpenQuote(index))) return undefined;
  }
  return ruleId;
}

/** Marks inside a summing-up phrase that show it goes on with more than its description: "…, a cut in fares, a new pier …". */
const SUMMARY_BREAKS: ReadonlySet<string> = new Set([',', ';', ':', '(', '-']);

/** "gave Roe the lead", "boosted the fares": a name, a pronoun or a determiner after a verb opens its object. */
function opensObject(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  return token !== undefined && token.kind === 'word' && (token.capitalized || PRONOUNS.has(token.lower) || OBJECT_PRONOUNS.has(token.lower) || (DETERMINERS.has(token.lower) && !ctx.state.lexicon.classes(token.lower).has('preposition')));
}

/** How many words may describe the noun of a phrase summing up a clause: "a gradual but distinct shift". */
const MAX_SUMMARY_MODIFIERS = 4;
/** Words after the noun of a summing-up phrase that open its description: "a move that …", "a claim which …". */
const SUMMARY_DESCRIPTIONS: ReadonlySet<string> = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when']);

/**
 * "…, a move that angered the union.", "…, a drop from 76 percent in May.": after the comma at
 * `comma`, "a", "an" or "another", a few describing words and a noun of span.clause-summary running
 * to the end of the sentence sum up the clause before the comma in the writer's words. Not a
 * subject with a verb of its own ("…, a drop in support gave Roe the lead"), nor an item of a
 * series ("…, a cut in fares and a new pier").
 */
export function summarisesClauseBefore(ctx: Reading, comma: number, bodyEnd: number): boolean {
  const { tokens, lower, quotes } = ctx;
  if (spanWords('span.contact-relative').has(lower(comma + 1))) return describedToSentenceEnd(ctx, comma + 1, bodyEnd);
  if (!INDEFINITE_OPENERS.has(lower(comma + 1))) return false;
  const nouns = spanWords('span.clause-summary');
  let head = comma + 2;
  while (head < bodyEnd && head - comma - 2 < MAX_SUMMARY_MODIFIERS && !nouns.has(lower(head))) {
    const word = tokens[head] as Token;
    // ("…, a man was out of step": a verb, a preposition or a clause word ends the describing words; "a gradual but distinct shift" joins two.)
    if ((word.kind !== 'word' && word.kind !== 'number') || word.capitalized || AUXILIARY_VERBS.has(word.lower) || (CLAUSE_WORDS.has(word.lower) && !COORDINATORS.has(word.lower)) || ctx.state.lexicon.classes(word.lower).has('preposition')) return false;
    head++;
  }
  if (head >= bodyEnd || !nouns.has(lower(head))) return false;
  let preposition = false;
  for (let index = head + 1; index < bodyEnd; index++) {
    if (quotes.depth[index] !== 0) continue;
    const token = tokens[index] as Token;
    // "a move that angered …", "a mass layoff rivaling …", "a deal announced in May": the phrase is described, and the description is the writer's too.
    if (SUMMARY_DESCRIPTIONS.has(token.lower) || /^[a-z]{3,}ing$/.test(token.text) || (index === head + 1 && isPastForm(ctx, token.lower))) return true;
    if (SUMMARY_BREAKS.has(token.text) || DASHES.has(token.text) || COORDINATORS.has(token.lower)) return false;
    // ("than on other questions", "a reference to emails", "at Roe's rallies", "on economic questions": after a
    // determiner, a preposition, a possessive or an adjective a verb-looking word is a noun.)
    const before = lower(index - 1);
    const nounPlace = DETERMINERS.has(before) || before === 'to' || POSSESSIVE_MARKS.has(before) || ctx.state.lexicon.classes(before).has('preposition') || isAdjectiveAt(ctx, index - 1);
    if ((AUXILIARY_VERBS.has(token.lower) && !POSSESSIVE_MARKS.has(token.lower)) || (!nounPlace && isFiniteVerbAt(ctx, index))) {
      // "a reference to emails leaked last week": a past form with no object of its own describes the noun before it.
      if (isPastForm(ctx, token.lower) && !opensObject(ctx, index + 1)) continue;
      // "a plan the council has changed", "a goal they share": a relative clause without its pronoun.
      const next = tokens[head + 1] as Token;
      return !preposition && (PRONOUNS.has(next.lower) || DETERMINERS.has(next.lower) || next.capitalized);
    }
    if (ctx.state.lexicon.classes(token.lower).has('preposition')) preposition = true;
  }
  return true;
}

/**
 * "…, something that the mayor mocked.", "…, something the pilots wanted.": a word standing for a whole noun
 * phrase (span.contact-relative) and a relative clause describing it, running to the sentence's end, sum up the
 * clause before the comma too. Not "something like forty percent", nor a phrase going on past a mark or a coordinator.
 */
function describedToSentenceEnd(ctx: Reading, head: number, bodyEnd: number): boolean {
  const next = ctx.tokens[head + 1];
  if (next === undefined || next.kind !== 'word' || !(SUMMARY_DESCRIPTIONS.has(next.lower) || PRONOUNS.has(next.lower) || DETERMINERS.has(next.lower) || next.capitalized)) return false;
  for (let index = head + 1; index < bodyEnd; index++) {
    const token = ctx.tokens[index] as Token;
    if (ctx.quotes.depth[index] === 0 && (SUMMARY_BREAKS.has(token.text) || DASHES.has(token.text) || COORDINATORS.has(token.lower))) return false;
  }
  return true;
}

/** "although the divers found cracks", "even as the board met": a concession of span.dash-concession, or "even as" / "even though", with a finite verb and no dash closing it as an insert. */
export function opensDashConcession(ctx: Reading, index: number, bodyEnd: number): boolean {
  const led = ctx.lower(index) === 'even';
  if (led ? !EVEN_CONCESSIONS.has(ctx.lower(index + 1)) : !spanWords('span.dash-concession').has(ctx.lower(index))) return false;
  const from = led ? index + 2 : index + 1;
  return (startsClause(ctx, from, bodyEnd) || hasFiniteOrPronounPresentVerbBetween(ctx, from, bodyEnd)) && !dashFollows(ctx, from, bodyEnd);
}

/** Concessions that "even" may lead: "even as", "even though" (not "even if", which states a condition of what was said). */
const EVEN_CONCESSIONS: ReadonlySet<string> = new Set(['as', 'though']);

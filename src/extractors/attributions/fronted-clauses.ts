import type { Sentence, Token } from '../text/tokens.js';
import { spanPhrases, spanWords } from './span-rules.js';
import { AUXILIARY_VERBS, PRONOUNS, DETERMINERS, CLAUSE_WORDS, POSSESSIVE_MARKS, FLOATING_QUANTIFIERS } from './word-lists.js';
import { isNounLike } from './word-tests.js';
import type { Reading } from './reading.js';
import { isFiniteVerbAt, startsClause } from './clause-boundaries.js';
import { afterOpeningTimePhrase } from './opening-phrases.js';

/**
 * "After the mayor criticized the plan at the hearing, the council voted …": a cue inside a
 * clause that opens the sentence with a subordinator reports no further than that clause's comma.
 * Returns the comma's token index, or -1.
 */
export function frontedClauseEnd(ctx: Reading, sentenceIndex: number, cueStart: number, bodyEnd: number): { comma: number; ruleId: string } | undefined {
  const { tokens, quotes } = ctx;
  const opening = frontedClauseOpening(ctx, sentenceIndex, cueStart);
  if (opening === undefined) return undefined;
  const { ruleId } = opening;
  for (let index = cueStart + 1; index < bodyEnd; index++) {
    const token = tokens[index] as Token;
    if (token.text !== ',') continue;
    // "While voters said Roe has “the best record,” Lee is …": the clause may close on a comma inside its quotation.
    const insideQuote = quotes.depth[index] !== 0;
    if (insideQuote && !ctx.isCloseQuote(index + 1)) continue;
    const after = insideQuote ? index + 2 : index + 1;
    // "Just because the pilots knew of the cracks first, “that does not mean …”": the main clause may open a quotation.
    const quotedMain = !insideQuote && ctx.isOpenQuote(after);
    if (opensMainClause(ctx, quotedMain ? after + 1 : after, bodyEnd)) return { comma: insideQuote ? index + 2 : index, ruleId };
  }
  return undefined;
}

/** Whether the cue lies in a clause or phrase that opens the sentence (or its second clause, after ", and while …"): that clause's subordinator and the row that reads it. */
export function frontedClauseOpening(ctx: Reading, sentenceIndex: number, cueStart: number): { subordinator: number; ruleId: string } | undefined {
  const { sentences, lower } = ctx;
  const sentence = sentences[sentenceIndex] as Sentence;
  let first = Math.max(sentence.tokenStart, ctx.currentSentenceStart);
  if (lower(first) === 'but' || lower(first) === 'and') first++;
  // "Yet in addition to …", "So, when …", "However when …": a connective before the opener.
  // ("Now that …" is a subordinator, not the connective "now".)
  if (first + 1 < cueStart && spanWords('span.opening-connective').has(lower(first)) && !opensWithSubordinator(ctx, first, cueStart)) first += lower(first + 1) === ',' ? 2 : 1;
  // "Last week, when I asked Lee …", "On Monday, after the mayor warned …": a time phrase and its comma before the subordinator.
  const afterTime = afterOpeningTimePhrase(ctx, first, cueStart);
  if (afterTime > first && spanWords('span.fronted-clause').has(lower(afterTime))) first = afterTime;
  if (first >= cueStart) return undefined;
  const subordinator = afterSubordinatorModifiers(ctx, first, cueStart);
  const openingRule = opensWithSubordinator(ctx, subordinator, cueStart)
    ? subordinator === first ? 'span.fronted-clause' : 'span.modified-fronted-clause'
    : frontedTimeClauseAt(ctx, first, cueStart) ? 'span.fronted-time-clause' : cueInFrontedPhrase(ctx, first, cueStart) ? 'span.fronted-phrase' : undefined;
  // "…, and while he said he would hold a hearing, it is unlikely …": a subordinate clause may front the second clause of the sentence too.
  const coordinated = openingRule === undefined ? subordinatorAfterCoordinator(ctx, first, cueStart) : undefined;
  if (coordinated !== undefined) first = coordinated;
  const ruleId = openingRule ?? (coordinated !== undefined ? 'span.fronted-clause' : undefined);
  if (ruleId === undefined) return undefined;
  if (!clauseBeforeCueUnbroken(ctx, first, cueStart, opensWithSubordinator(ctx, first, cueStart))) return undefined;
  return { subordinator: coordinated ?? subordinator, ruleId };
}

/** A subordinator of span.fronted-clause at `index`, a word ("while") or a phrase ("now that"), ending by the cue. */
function opensWithSubordinator(ctx: Reading, index: number, cueStart: number): boolean {
  return spanPhrases('span.fronted-clause').some((words) => index + words.length <= cueStart && words.every((word, offset) => ctx.lower(index + offset) === word));
}

/**
 * ", and while …", "; but because …": the subordinator of span.fronted-clause nearest before the cue that opens a
 * clause after a coordinator, itself after a comma or semicolon; the search starts after the sentence's opener `first`.
 */
function subordinatorAfterCoordinator(ctx: Reading, first: number, cueStart: number): number | undefined {
  const { tokens, lower } = ctx;
  for (let index = cueStart - 2; index > first + 1; index--) {
    if (!spanWords('span.fronted-clause').has(lower(index)) || ctx.quotes.depth[index] !== 0) continue;
    const mark = (tokens[index - 2] as Token).text;
    return (lower(index - 1) === 'and' || lower(index - 1) === 'but') && (mark === ',' || mark === ';') ? index : undefined;
  }
  return undefined;
}

/** How far before the cue the comma that closes an insert after the fronted clause's subject may stand: "…, like Roe, continued to affirm". */
const MAX_INSERT_TO_CUE_TOKENS = 3;

/**
 * No comma or semicolon ends the fronted clause between its opener at `first` and the cue, but for one pair set off
 * after the subject of a clause a subordinator opens, close before the verb and holding no verb of its own:
 * "While many pilots, like Roe, continued to back the levy, …".
 */
function clauseBeforeCueUnbroken(ctx: Reading, first: number, cueStart: number, subordinateClause: boolean): boolean {
  const commas: number[] = [];
  for (let index = first + 1; index < cueStart; index++) {
    const text = (ctx.tokens[index] as Token).text;
    if (text === ';') return false;
    if (text === ',') commas.push(index);
  }
  if (commas.length === 0) return true;
  if (commas.length !== 2 || !subordinateClause) return false;
  const [open, close] = commas as [number, number];
  if (open <= first + 1 || close <= open + 1 || cueStart - close > MAX_INSERT_TO_CUE_TOKENS || startsSubjectBetween(ctx, close + 1, cueStart)) return false;
  for (let index = open + 1; index < close; index++) if (isFiniteVerbAt(ctx, index)) return false;
  return true;
}

/** A determiner, a pronoun or a capitalized word between `from` and `end`: a subject of its own may start there. */
function startsSubjectBetween(ctx: Reading, from: number, end: number): boolean {
  for (let index = from; index < end; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.capitalized || DETERMINERS.has(token.lower) || PRONOUNS.has(token.lower)) return true;
  }
  return false;
}

/** Words that open a clause inside a phrase: "For someone who had defended …", "At a time when …", "To the extent that …". */
const PHRASE_CLAUSE_OPENERS: ReadonlySet<string> = new Set(['who', 'whom', 'whose', 'which', 'that', 'when', 'where']);

/**
 * "Despite complaints that …", "By refusing to …", "For someone who had defended …": a phrase
 * opened by a preposition of span.fronted-phrase whose cue is a noun or a participle, or sits in
 * a clause inside the phrase, so the cue is not the sentence's own verb.
 */
function cueInFrontedPhrase(ctx: Reading, first: number, cueStart: number): boolean {
  const { lower } = ctx;
  if (!spanWords('span.fronted-phrase').has(lower(first))) return false;
  // "the complaints", "Will's call": a noun cue ("they all voted" has a floating quantifier, not a determiner).
  const nounCue = (DETERMINERS.has(lower(cueStart - 1)) && !FLOATING_QUANTIFIERS.has(lower(cueStart - 1))) || POSSESSIVE_MARKS.has(lower(cueStart - 1));
  if (cueStart === first + 1 || /ing$/.test(lower(cueStart)) || nounCue) return true;
  for (let index = first + 1; index < cueStart; index++) if (PHRASE_CLAUSE_OPENERS.has(lower(index))) return true;
  return false;
}

/** How many words may stand before a subordinator that opens the sentence: "Even after", "Just days before", "A few weeks after". */
const MAX_SUBORDINATOR_MODIFIER_TOKENS = 3;

/**
 * "Ever since she endorsed …", "Three years after the mayor vowed …": past the words that say how
 * soon or how surely (span.modified-fronted-clause) or how long before or after (a count and a
 * time noun of span.fronted-time-clause) to the word that may be the subordinator.
 */
function afterSubordinatorModifiers(ctx: Reading, first: number, cueStart: number): number {
  const modifiers = spanWords('span.modified-fronted-clause');
  const timeNouns = spanWords('span.fronted-time-clause');
  let index = first;
  while (index < cueStart && index - first < MAX_SUBORDINATOR_MODIFIER_TOKENS) {
    const token = ctx.tokens[index] as Token;
    if (!modifiers.has(token.lower) && !timeNouns.has(token.lower) && token.kind !== 'number') break;
    index++;
  }
  return index;
}

/** How many words a phrase of time or place may run before the clause's subject: "at the quay on Friday morning she said", "but for most Republicans in the state, it is". */
const MAX_OPENING_PHRASE_TOKENS = 8;

/**
 * The main clause after a fronted one: a subject and its verb ("the council voted", "27 percent
 * said"), also after a short phrase of time or place (clauseAfterOpeningPhrase).
 */
function opensMainClause(ctx: Reading, index: number, bodyEnd: number): boolean {
  const next = ctx.tokens[index];
  if (!next) return false;
  if ((next.capitalized || PRONOUNS.has(next.lower) || DETERMINERS.has(next.lower) || next.kind === 'number') && startsClause(ctx, index, bodyEnd)) return true;
  // "As the mayor demands a wall, smugglers dig tunnels": a bare plural noun and its verb open the main clause too.
  if (next.kind === 'word' && /[^su]s$/.test(next.lower) && !CLAUSE_WORDS.has(next.lower) && isNounLike(ctx, index) && startsClause(ctx, index, bodyEnd)) return true;
  return clauseAfterOpeningPhrase(ctx, index, bodyEnd) || longSubjectThenVerb(ctx, index, bodyEnd) || quotedNameThenVerb(ctx, index, bodyEnd);
}

/** How many words a name in quotation marks may hold: "the “Harbour Plan”". */
const MAX_QUOTED_NAME_TOKENS = 4;

/**
 * "…, the “Harbour Plan” was a way to raise fees": a determiner, a short name in quotation marks
 * and a finite verb open the main clause like any other subject and verb.
 */
function quotedNameThenVerb(ctx: Reading, index: number, bodyEnd: number): boolean {
  if (!DETERMINERS.has(ctx.lower(index)) || !ctx.isOpenQuote(index + 1)) return false;
  for (let at = index + 2; at < bodyEnd && at - index - 2 <= MAX_QUOTED_NAME_TOKENS; at++) {
    if (ctx.isCloseQuote(at)) return at > index + 2 && isFiniteVerbAt(ctx, at + 1);
    if ((ctx.tokens[at] as Token).kind === 'punct') return false;
  }
  return false;
}

/** How many words a main clause's subject may run before its verb: "31 percent of the riders who chose a ferry said". */
const MAX_MAIN_SUBJECT_TOKENS = 10;

/**
 * "…, 31 percent of the riders who chose a ferry said …", "…, there's a sense …", "…, then we would …",
 * "…, at least 21,000 said …": a subject longer than startsClause reads, or an expletive "there",
 * then a finite verb before any punctuation. A word that opens a phrase or clause of its own
 * ("which", "and", "in", "including"), or a verb first ("said Roe"), is no subject.
 */
function longSubjectThenVerb(ctx: Reading, index: number, bodyEnd: number): boolean {
  const { tokens, lower } = ctx;
  let subject = index;
  if (lower(subject) === 'then') subject++;
  if (lower(subject) === 'at' && lower(subject + 1) === 'least') subject += 2;
  const first = tokens[subject];
  if (!first || first.kind === 'punct' || ctx.isOpenQuote(subject)) return false;
  if (first.lower === 'there') return AUXILIARY_VERBS.has(lower(subject + 1));
  if (CLAUSE_WORDS.has(first.lower) || /ing$/.test(first.lower) || isFiniteVerbAt(ctx, subject) || (!first.capitalized && ctx.state.lexicon.classes(first.lower).has('preposition'))) return false;
  for (let at = subject + 1; at < bodyEnd && at - subject <= MAX_MAIN_SUBJECT_TOKENS; at++) {
    const token = tokens[at] as Token;
    if ((token.kind === 'punct' && token.text !== '.' && token.text !== "'" && token.text !== '(' && token.text !== ')') || ctx.quotes.depth[at] !== 0) return false;
    if (isFiniteVerbAt(ctx, at)) return true;
  }
  return false;
}

/**
 * "at the quay on Friday morning she said", "for Republicans, it is": a phrase opened by a preposition,
 * then (after its comma, if it has one) a subject and its verb.
 */
export function clauseAfterOpeningPhrase(ctx: Reading, index: number, bodyEnd: number): boolean {
  const { tokens, lower } = ctx;
  const first = tokens[index];
  if (!first || first.kind !== 'word' || first.capitalized || !ctx.state.lexicon.classes(first.lower).has('preposition')) return false;
  for (let at = index + 1; at < bodyEnd && at - index <= MAX_OPENING_PHRASE_TOKENS; at++) {
    const token = tokens[at] as Token;
    if (token.text === ',') return at + 1 < bodyEnd && (PRONOUNS.has(lower(at + 1)) || DETERMINERS.has(lower(at + 1)) || (tokens[at + 1] as Token).capitalized) && startsClause(ctx, at + 1, bodyEnd);
    if (token.kind === 'punct' || ctx.isOpenQuote(at)) return false;
    if (PRONOUNS.has(lower(at)) && lower(at) !== 'it' && startsClause(ctx, at, bodyEnd)) return true;
  }
  return false;
}

/** Words a fronted time phrase may take between its preposition and its time noun: "on the same day", "in the first week". */
const TIME_PHRASE_FILLERS = new Set(['the', 'that', 'this', 'same', 'very', 'first', 'last', 'next', 'following']);
const TIME_PHRASE_PREPOSITIONS = new Set(['on', 'in', 'at', 'by', 'during', 'within', 'until']);
/** The words that open a time noun's relative clause: "the day that …", "the week after …". */
const TIME_RELATIVES = new Set(['that', 'when', 'after', 'before', 'since']);
/** How many words a fronted time phrase may take before its relative word: "On the very same day that". */
const MAX_TIME_PHRASE_TOKENS = 5;

/**
 * "On the day that the firm announced the deal, I rushed …", "By the time the mayor said so, …":
 * a time phrase whose relative clause holds the cue opens the sentence like a subordinator does.
 */
function frontedTimeClauseAt(ctx: Reading, first: number, cueStart: number): boolean {
  const { lower } = ctx;
  let index = first;
  if (TIME_PHRASE_PREPOSITIONS.has(lower(index))) index++;
  while (index < cueStart && index - first < MAX_TIME_PHRASE_TOKENS && TIME_PHRASE_FILLERS.has(lower(index))) index++;
  if (index === first || index + 1 >= cueStart || !spanWords('span.fronted-time-clause').has(lower(index))) return false;
  // "By the time the mayor said so": the one time phrase that is a subordinator without a relative word.
  // "At the moment the mayor announced …", "On the day Roe said …": after a preposition, a time noun other than "time"
  // ("At the time the mayor said …" may as well be the main clause) takes a clause with its own subject at once.
  const next = ctx.tokens[index + 1] as Token;
  const clauseSubject = next.kind === 'word' && (next.capitalized || PRONOUNS.has(next.lower) || next.lower === 'the');
  return TIME_RELATIVES.has(lower(index + 1)) || (lower(first) === 'by' && lower(index) === 'time') || (TIME_PHRASE_PREPOSITIONS.has(lower(first)) && lower(index) !== 'time' && clauseSubject);
}

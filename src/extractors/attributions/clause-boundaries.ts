import type { Sentence, Token } from '../text/tokens.js';
import { spanAfterWords, spanPhrases, spanWords, takesAddressee } from './span-rules.js';
import { endsInSingleS, AUXILIARY_VERBS, CUE_ADVERBS, PAST_FORM, PRONOUNS, DETERMINERS, CUE_ADJUNCT_STARTS, THAT_ADJUNCT_STARTS, CLAUSE_CONTINUERS, OBJECT_PRONOUNS, RELATIVE_SPEAKERS, TIME_WORDS, CLAUSE_WORDS, POSSESSIVE_MARKS, LY_ADVERB, AUXILIARIES, COORDINATORS, AMOUNT_BOUNDS, DASHES } from './word-lists.js';
import { isVerbWord, isNounLike, isNounWord } from './word-tests.js';
import { wordsStandAt, type Reading } from './reading.js';
import type { Span } from '../../model/claim.js';
import { firstStartingAtOrAfter } from '../text/spans.js';

/** "his firm", "the new plan": an adjective (or a noun the lexicon also lists as one) right after a determiner inside a subject. */
function modifiesNounAfterDeterminer(ctx: Reading, subjectStart: number, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  return index > subjectStart && token.kind === 'word' && DETERMINERS.has(ctx.lower(index - 1)) && ctx.state.lexicon.classes(token.lower).has('adjective');
}

/** A short noun phrase followed by a finite verb or auxiliary: "Trump had", "the plan would", "160 have". */
export function startsClause(ctx: Reading, subjectStart: number, bodyEnd: number): boolean {
  const { tokens, state } = ctx;
  let index = subjectStart;
  while (index < bodyEnd && index - subjectStart < 6) {
    const token = tokens[index] as Token;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== "'") return false;
    // "said Trump's nomination will …": a possessive after a name or noun carries the phrase on to its head.
    if (token.lower === "'s" && index > subjectStart && !PRONOUNS.has((tokens[index - 1] as Token).lower)) {
      index++;
      continue;
    }
    // "Roe contradicted him", "the board closed it": a regular past form after the subject is its verb, though the lexicon may not know the word or file it as an adjective.
    if (index > subjectStart && isRegularPastAfterSubject(ctx, index)) break;
    // "his firm worked", "the new plan would": after a determiner an adjective (or a noun the lexicon also lists as one) stays in the noun phrase.
    if (!token.capitalized && !DETERMINERS.has(token.lower) && !PRONOUNS.has(token.lower) && !isNounLike(ctx, index) && !modifiesNounAfterDeterminer(ctx, subjectStart, index)) break;
    if (TIME_WORDS.has(token.lower)) return false;
    index++;
  }
  if (index === subjectStart || index >= bodyEnd) return false;
  // "her group never worked", "the mayor also said": an adverb may stand between a subject and its verb.
  const verbAt = index;
  // "the firm's recently named chair": after a possessive the words name what is owned, no verb.
  while (ctx.lower(index - 1) !== "'s" && index + 1 < bodyEnd && (CUE_ADVERBS.has((tokens[index] as Token).lower) || LY_ADVERB.test((tokens[index] as Token).text))) index++;
  const verb = tokens[index] as Token;
  // After such an adverb an "-ed" word is the verb ("the channel never closed"), not a modifier.
  if (index > verbAt && /^[a-z]{3,}ed$/.test(verb.text)) return true;
  return !verb.capitalized && verb.lower !== "'s" && (AUXILIARY_VERBS.has(verb.lower) || (isVerbWord(ctx, verb.lower) && !state.lexicon.classes(verb.lower).has('preposition')) || (index > subjectStart && isRegularPastAfterSubject(ctx, index)));
}

/** "contradicted", "closed": a lower-case word in "-ed" that is no noun ("need", "hundred") and does not follow a determiner or a possessive ("the closed pier", "Roe's embattled aide"), where it would describe a noun, nor a coordinator or a clause word. */
function isRegularPastAfterSubject(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  if (token.kind !== 'word' || token.capitalized || !/^[a-z]{3,}ed$/.test(token.text)) return false;
  const previous = ctx.lower(index - 1);
  // ("the board and sealed the hull": after a coordinator it is a second verb of someone named earlier.)
  return !DETERMINERS.has(previous) && !POSSESSIVE_MARKS.has(previous) && !COORDINATORS.has(previous) && !CLAUSE_WORDS.has(previous) && !ctx.state.lexicon.classes(token.lower).has('noun');
}

/** "said Trump had lied", "told CNN the plan would work": a noun phrase and then a verb is a clause, not an adjunct. */
function clauseFollows(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower } = ctx;
  let index = cueEnd;
  if (takesAddressee(lower(cueEnd - 1)) && index < bodyEnd && ((tokens[index] as Token).capitalized || OBJECT_PRONOUNS.has(lower(index)))) index++;
  return startsClause(ctx, index, bodyEnd);
}

/** "that …", a quotation or a subject and its verb: what a speech verb reports. */
export function opensReportedClause(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower, isOpenQuote } = ctx;
  if (cueEnd >= bodyEnd) return false;
  return lower(cueEnd) === 'that' || isOpenQuote(cueEnd) || (tokens[cueEnd] as Token).text === ':' || startsClause(ctx, cueEnd, bodyEnd) || (PRONOUNS.has(lower(cueEnd)) && lower(cueEnd) !== 'it') || thatAfterAdjunct(ctx, cueEnd, bodyEnd);
}

/** "said in a note sent to the quay office that …", "said after the vote that …": a short adjunct, then "that". */
function thatAfterAdjunct(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  return thatClosingAdjunct(ctx, cueEnd, bodyEnd) !== undefined;
}

/** Where the "that" stands that closes a short adjunct right after a cue ("said after the vote that …"), if one does. */
export function thatClosingAdjunct(ctx: Reading, cueEnd: number, bodyEnd: number): number | undefined {
  const { tokens, lower, isOpenQuote } = ctx;
  if (!opensCueAdjunct(ctx, cueEnd) && !THAT_ADJUNCT_STARTS.has(lower(cueEnd))) return undefined;
  for (let index = cueEnd + 1; index < bodyEnd && index - cueEnd <= 10; index++) {
    if (lower(index) === 'that') return index;
    // "into detail on how to mend the nets that we use": a clause inside the adjunct makes its "that" a relative.
    if ((tokens[index] as Token).kind === 'punct' || isOpenQuote(index) || CLAUSE_WORDS.has(lower(index))) return undefined;
  }
  return undefined;
}

/** Words before a quoted programme, book or article title: "on CBS's “Face the Nation”", "in “The Art of the Deal”", "an interview with “The View”". */
export const TITLE_LEADS: ReadonlySet<string> = new Set(["'s", '’s', 'on', 'in', 'at', 'to', 'with']);
const MAX_TITLE_TOKENS = 10;
/** Words a title leaves in lower case: "Meet the Press", "The Art of the Deal". */
const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from']);

/**
 * "Sunday on Fox News’s “Sunday Morning Futures,” Roe said …": a short quotation in title case
 * after a possessive or a preposition names a programme, book or article; it is not what was said.
 * `close` is the index of the closing quotation mark.
 */
export function isQuotedTitle(ctx: Reading, close: number): boolean {
  const { lower } = ctx;
  const open = ctx.quotes.openOf[close] ?? -1;
  if (open < 1 || close - open > MAX_TITLE_TOKENS || !TITLE_LEADS.has(lower(open - 1))) return false;
  return isTitleCaseBetween(ctx, open, close);
}

/** The words between the quotation marks at `open` and `close` are in title case ("Meet the Press"), and there is one at least. */
function isTitleCaseBetween(ctx: Reading, open: number, close: number): boolean {
  let words = 0;
  for (let index = open + 1; index < close; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.kind === 'punct') continue;
    if (!token.capitalized && !TITLE_SMALL_WORDS.has(token.lower)) return false;
    words++;
  }
  return words > 0;
}

/** Row of config/attributions/spans.json: words for a work whose title may follow it after a comma. */
const TITLED_WORK_ROW = 'span.titled-work';

/**
 * "in his 2012 book, “The Harbour Years.”", "on her podcast “Low Tide.”": after `before`, a word of
 * span.titled-work or a comma after one, a short quotation in title case closing the sentence is the work's name.
 */
export function titleOfMediumAt(ctx: Reading, before: number, bodyEnd: number): boolean {
  const open = before + 1;
  const workWord = ctx.tokens[before]?.text === ',' ? before - 1 : before;
  if (!spanWords(TITLED_WORK_ROW).has(ctx.lower(workWord)) || !ctx.isOpenQuote(open)) return false;
  const close = ctx.quotes.closeOf[open] ?? -1;
  if (close <= open || close < bodyEnd - 1 || close - open > MAX_TITLE_TOKENS) return false;
  return isTitleCaseBetween(ctx, open, close);
}

/** "at least", "at most", "more than", "fewer than" at `index`: a bound on the amount after it, not an adjunct ("said at least six boats sank"). */
export function opensAmountBound(ctx: Reading, index: number): boolean {
  const word = ctx.lower(index);
  if (word === 'at') return AMOUNT_BOUNDS.has(ctx.lower(index + 1));
  return COMPARED_BOUNDS.has(word) && ctx.lower(index + 1) === 'than';
}

/** "more than half", "fewer than 3 in 10": a comparative before "than" bounds the amount after it. */
const COMPARED_BOUNDS: ReadonlySet<string> = new Set(['more', 'fewer', 'less']);

/** A word opening an adjunct of the cue ("on Monday", "in a statement"), not the bound of an amount. */
export function opensCueAdjunct(ctx: Reading, index: number): boolean {
  return CUE_ADJUNCT_STARTS.has(ctx.lower(index)) && !opensAmountBound(ctx, index);
}

/** Words after a cue's comma that carry on the speaker's own reasoning: its reason or its consequence. */
const REPORTED_REASONING: ReadonlySet<string> = new Set(['because', 'so']);

/** Sets a condition on what was said: "…, she says, as long as the wind drops." */
export const CONDITION_AFTER_REPORT_ROW = 'span.condition-after-report';

/** Whether a condition the speaker set ("if", "unless", "as long as", span.condition-after-report) opens at `index`. */
export function opensReportedCondition(ctx: Reading, index: number): boolean {
  for (const words of spanPhrases(CONDITION_AFTER_REPORT_ROW)) if (wordsStandAt(ctx, words, index)) return true;
  return false;
}

/**
 * "The crew found the leak, Roe said, and “patched” the hull": after the cue's comma, "and" or "but" and a verb with
 * no subject of its own goes on with the subject of the clause reported. A verb of saying there ("…, she said, but
 * added …") is the speaker's next act.
 */
function continuesReportedPredicate(ctx: Reading, cueEnd: number): boolean {
  const coordinator = ctx.lower(cueEnd + 1);
  if (coordinator !== 'and' && coordinator !== 'but') return false;
  const verbAt = ctx.isOpenQuote(cueEnd + 2) ? cueEnd + 3 : cueEnd + 2;
  return !ctx.state.cues.has(ctx.lower(verbAt)) && startsCoordinatedPredicate(ctx, verbAt, cueEnd - 1);
}

/** "…, he said." / "…, three officials told NBC News." / "…, she said in a statement." */
export function isSentenceEndAfterCue(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower, isOpenQuote, isCloseQuote } = ctx;
  if (cueEnd >= bodyEnd) return true;
  if (isCloseQuote(cueEnd) && cueEnd + 1 >= bodyEnd) return true;
  // "…, officials say; in 2012 …": a semicolon closes the clause as the stop does.
  if ((tokens[cueEnd] as Token).text === ';') return true;
  // ("…, he said, because …" gives the reason of what was said, "…, he said, so …" what follows from it: the sentence goes on with it.)
  if ((tokens[cueEnd] as Token).text === ',' && CLAUSE_CONTINUERS.has(lower(cueEnd + 1)) && !REPORTED_REASONING.has(lower(cueEnd + 1)) && !opensReportedCondition(ctx, cueEnd + 1) && !continuesReportedPredicate(ctx, cueEnd)) return true;
  const next = tokens[cueEnd] as Token;
  const tellLike = takesAddressee(lower(cueEnd - 1));
  if (opensCueAdjunct(ctx, cueEnd) || next.capitalized || next.lower === 'reporters' || (tellLike && (DETERMINERS.has(next.lower) || OBJECT_PRONOUNS.has(next.lower)))) {
    if (clauseFollows(ctx, cueEnd, bodyEnd)) return false;
    for (let index = cueEnd; index < bodyEnd; index++) {
      const token = tokens[index] as Token;
      // "said in his 2012 book, “The Harbour Years.”": a title set off after a word for a work names that work.
      if ((token.text === ',' || isOpenQuote(index + 1)) && titleOfMediumAt(ctx, index, bodyEnd)) return true;
      if (token.text === ',') return index === bodyEnd - 1 || (CLAUSE_CONTINUERS.has(lower(index + 1)) && reportAfterAside(ctx, index + 1, bodyEnd) === undefined);
      // "said on MSNBC's “Morning Joe.”": a short quoted title in the adjunct is a name, not what was said.
      const close = isOpenQuote(index) && index > cueEnd && TITLE_LEADS.has(lower(index - 1)) ? ctx.quotes.closeOf[index] ?? -1 : -1;
      if (close > index && close - index <= MAX_TITLE_TOKENS) {
        if (close >= bodyEnd - 1) return true;
        index = close;
        continue;
      }
      if (token.lower === 'that' || isOpenQuote(index) || token.text === ':') return false;
    }
    return bodyEnd - cueEnd <= 8;
  }
  return false;
}

/** How long an aside after a cue's adjunct may run: "where he now writes a weekly column", "with a nod to her old skipper". */
const MAX_ASIDE_TOKENS = 14;

/**
 * "said on harbour radio, where he hosts a show, that …", "said on Twitter, in reference to her child,
 * “…”": after the comma closing a cue's adjunct, an aside and a second comma, then "that" or a
 * quotation: the index of that "that" or opening mark, else undefined.
 */
export function reportAfterAside(ctx: Reading, from: number, bodyEnd: number): number | undefined {
  const { tokens, quotes, lower, isOpenQuote } = ctx;
  for (let index = from + 1; index < bodyEnd && index - from <= MAX_ASIDE_TOKENS; index++) {
    const token = tokens[index] as Token;
    if (isOpenQuote(index) || token.text === ';' || token.text === ':' || quotes.depth[index] !== 0) return undefined;
    if (token.text !== ',') continue;
    const next = index + 1;
    if (next < bodyEnd && (lower(next) === 'that' || isOpenQuote(next))) return next;
  }
  return undefined;
}

/** After "told": skip the recipient (a name, an object pronoun or a short noun phrase) to a clause with its own subject and verb. */
export function clauseAfterRecipient(ctx: Reading, start: number, bodyEnd: number): number | undefined {
  const { tokens } = ctx;
  for (let split = start + 1; split < bodyEnd && split - start <= 5; split++) {
    const recipient = tokens[split - 1] as Token;
    if (recipient.kind === 'punct' && recipient.text !== '.') return undefined;
    if (!recipient.capitalized && !OBJECT_PRONOUNS.has(recipient.lower) && !isNounLike(ctx, split - 1) && !DETERMINERS.has(recipient.lower)) return undefined;
    // "told the AP the plan …": a determiner still needs its noun, so no clause starts right after it.
    if (DETERMINERS.has(recipient.lower) && !OBJECT_PRONOUNS.has(recipient.lower) && !recipient.capitalized) continue;
    const next = tokens[split] as Token;
    // "told Fox News the plan …": a capitalised word after a capitalised recipient goes on with its name when a clause starts after it.
    if (recipient.capitalized && next.capitalized && startsClause(ctx, split + 1, bodyEnd)) continue;
    // "told us you should expect …": "you" opens a clause only with its verb (not "thanked them, you know").
    if ((PRONOUNS.has(next.lower) && next.lower !== 'it' && (next.lower !== 'you' || startsClause(ctx, split, bodyEnd))) || ((next.capitalized || DETERMINERS.has(next.lower)) && startsClause(ctx, split, bodyEnd))) return split;
  }
  return undefined;
}

/** How far back from its cue the relative pronoun of an insert may stand: "Roe, who last year threatened …", "Roe, who has seen the memo but would say …". */
const MAX_RELATIVE_TO_CUE_TOKENS = 8;
/** How long an apposition before the relative pronoun may be: "Roe, a former judge who writes …". */
const MAX_INSERT_APPOSITION_TOKENS = 6;

/** A participle or relative cue set off by a comma after its subject: "Roe, saying …", "Roe, who says …", "the firm, which boasts …", "Roe, who last year threatened …", "Roe, a former judge who writes …". */
export function opensInsert(ctx: Reading, cueStart: number): boolean {
  const { tokens, lower } = ctx;
  // ("Roe urged a strong stand, saying …": after a clause with its own verb the participle goes on from it, and sets nothing off before one;
  // "Roe stood up and, citing …, endorsed Lee": after "and" it opens an insert before the second verb;
  // "Sen. Roe (D-Me.), citing …": a bracket may close the subject before the comma.)
  if (/ing$/.test(lower(cueStart)) && (tokens[cueStart - 1] as Token | undefined)?.text === ',') return cueStart >= 2 && ((tokens[cueStart - 2] as Token).kind !== 'punct' || (tokens[cueStart - 2] as Token).text === ')') && (COORDINATORS.has(lower(cueStart - 2)) || !finiteVerbBefore(ctx, cueStart - 1));
  const relative = relativeBeforeCue(ctx, cueStart);
  if (relative === undefined) return false;
  if ((tokens[relative - 1] as Token | undefined)?.text === ',') return true;
  // "Roe, a former judge who writes …": the relative closes a short apposition opened by a comma.
  for (let index = relative - 1; index > ctx.currentSentenceStart && relative - index <= MAX_INSERT_APPOSITION_TOKENS; index--) {
    const token = tokens[index] as Token;
    if (token.text === ',') return index < relative - 1 && DETERMINERS.has(lower(index + 1)) && (tokens[index - 1] as Token).kind !== 'punct';
    if (token.kind === 'punct' || ctx.quotes.depth[index] !== 0) return false;
  }
  return false;
}

/** A finite verb outside quotation marks between the sentence's start and `end`. */
function finiteVerbBefore(ctx: Reading, end: number): boolean {
  for (let index = ctx.currentSentenceStart; index < end; index++) if (ctx.quotes.depth[index] === 0 && isFiniteVerbAt(ctx, index)) return true;
  return false;
}

/** The "who" or "which" whose clause holds the cue, with no punctuation or quotation between them. */
export function relativeBeforeCue(ctx: Reading, cueStart: number): number | undefined {
  const { tokens, lower } = ctx;
  for (let index = cueStart - 1; index > ctx.currentSentenceStart && cueStart - index <= MAX_RELATIVE_TO_CUE_TOKENS; index--) {
    if (RELATIVE_SPEAKERS.has(lower(index))) return index;
    const token = tokens[index] as Token;
    // "who has seen the memo but would say …": a second verb of the same relative clause.
    if (token.kind === 'punct' || ctx.quotes.depth[index] !== 0 || (CLAUSE_WORDS.has(token.lower) && token.lower !== 'and' && token.lower !== 'but')) return undefined;
  }
  return undefined;
}

/** A finite verb: "said", "called", "has", "warns" (not a participle opening another insert). */
export function isFiniteVerbAt(ctx: Reading, index: number): boolean {
  const { tokens } = ctx;
  const token = tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || /ing$/.test(token.lower) || DETERMINERS.has(token.lower) || PRONOUNS.has(token.lower)) return false;
  if (AUXILIARY_VERBS.has(token.lower) && token.lower !== 'not' && token.lower !== "n't") return true;
  // "withdrew", "took": a past form that no ending shows is one the lexicon files as past tense.
  const past = isPastForm(ctx, token.lower);
  return isVerbCueWord(ctx, token.lower) ? past || /s$/.test(token.lower) : isVerbWord(ctx, token.lower) && past && !isNounLike(ctx, index);
}

/** A cue word with a verb reading: one whose forms are all listed as mostly nouns ("rules that") is read like any other word. */
function isVerbCueWord(ctx: Reading, word: string): boolean {
  return ctx.state.cues.get(word)?.some((form) => !form.nounForm) ?? false;
}

/** Where the verb of a coordinated predicate stands: "and then boomed", "and once again did", "and pointedly saying" put up to two adverbs before it. */
function predicateVerbAt(ctx: Reading, index: number): number {
  let at = index;
  while (at - index < 2 && (ctx.lower(at) === 'then' || CUE_ADVERBS.has(ctx.lower(at)) || LY_ADVERB.test((ctx.tokens[at] as Token | undefined)?.text ?? ''))) at++;
  return at;
}

/** "withdrew", "took", "walked": a past form its ending shows, or one the lexicon files as past tense. */
export function isPastForm(ctx: Reading, word: string): boolean {
  return PAST_FORM.test(word) || ctx.state.lexicon.classes(word).has('past-tense');
}

/**
 * After "and"/"but": a verb of the cue's own subject ("… and tried to …", "… and calls her …",
 * "calling them X and vowing …"), not a noun or a clause with a subject of its own.
 */
export function startsCoordinatedPredicate(ctx: Reading, index: number, cueStart: number): boolean {
  const { tokens, lower, state } = ctx;
  const at = predicateVerbAt(ctx, index);
  const token = tokens[at];
  if (!token || token.kind !== 'word' || token.capitalized || DETERMINERS.has(token.lower) || PRONOUNS.has(token.lower)) return false;
  // "in diagnosing and treating …": an -ing word right before the coordinator is the one the second joins.
  // "is comparing the levy to the toll and says …": after a progressive cue a finite verb of saying joins the auxiliary.
  if (/ing$/.test(lower(cueStart)) && PROGRESSIVE_AUXILIARIES.has(lower(cueStart - 1)) && state.cues.has(token.lower) && (endsInSingleS(token.lower) || PAST_FORM.test(token.lower))) return true;
  if (/ing$/.test(lower(cueStart))) return /ing$/.test(token.lower) && !/ing$/.test(lower(index - 2)) && (isVerbWord(ctx, token.lower) || state.cues.has(token.lower) || (isGerundOfVerb(ctx, token.lower) && opensVerbObject(ctx, at + 1) && !gerundBetween(ctx, cueStart + 1, index - 1)));
  if (/ing$/.test(token.lower)) return false;
  if (AUXILIARY_VERBS.has(token.lower)) return spanWords('span.coordinated-predicate').has(token.lower);
  if (state.cues.has(token.lower)) return true;
  const classes = state.lexicon.classes(token.lower);
  // The lexicon lists few inflected forms: "walked" is read from its ending, "calls" from its stem.
  if (/ed$/.test(token.lower)) return !classes.has('noun');
  if (/[^s]s$/.test(token.lower)) return isVerbWord(ctx, token.lower.slice(0, -1)) && !classes.has('noun');
  return classes.has('verb') && !classes.has('noun') && (PAST_FORM.test(token.lower) || classes.has('past-tense'));
}

/** Forms of "be" that make a progressive of the -ing verb after them: "is comparing", "were urging". */
const PROGRESSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', "'s", "'re", '’s', '’re']);

/** "leading", "pounding", "trying": an -ing form of a listed verb (the lexicon lists few of them as verbs). */
function isGerundOfVerb(ctx: Reading, lowerWord: string): boolean {
  if (ctx.state.lexicon.classes(lowerWord).has('gerund')) return true;
  const stem = lowerWord.slice(0, -3);
  // "making" from "make", "running" from "run".
  return stem.length > 1 && (isVerbWord(ctx, stem) || isVerbWord(ctx, `${stem}e`) || (stem.at(-1) === stem.at(-2) && isVerbWord(ctx, stem.slice(0, -1))));
}

/** "accusing him of lying and cheating …", "fining marchers blocking roads or failing to …": an -ing word in between, which a second -ing word may join instead of the cue. */
function gerundBetween(ctx: Reading, from: number, end: number): boolean {
  for (let index = from; index < end; index++) {
    if (/ing$/.test(ctx.lower(index))) return true;
  }
  return false;
}

/**
 * "and leading the campaign", "and pounding Roe", "and trying to …": a word that opens what a verb
 * before it acts on; "and housing costs" has a noun there, so its -ing word was a noun's modifier.
 */
function opensVerbObject(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token) return false;
  return token.capitalized || token.kind === 'number' || ctx.isOpenQuote(index) || token.lower === 'to' || DETERMINERS.has(token.lower) || OBJECT_PRONOUNS.has(token.lower);
}

/**
 * "…, ruled Lee eligible …", "…, opposes the fee …": after a comma, a verb in the tense of the cue
 * (past after past, "-s" after "-s") that a word opening its object follows: the next act in a series
 * of the speaker's own. ("…, cuts and delays": a plural noun has no object after it.)
 */
export function seriesVerbAt(ctx: Reading, index: number, cueStart: number): boolean {
  const { lower, state } = ctx;
  if (!startsCoordinatedPredicate(ctx, index, cueStart)) return false;
  const at = predicateVerbAt(ctx, index);
  const verb = lower(at);
  const cue = lower(cueStart);
  if (isPastForm(ctx, cue)) return isPastForm(ctx, verb) && (opensVerbObject(ctx, at + 1) || state.lexicon.classes(lower(at + 1)).has('preposition'));
  return endsInSingleS(cue) && endsInSingleS(verb) && opensVerbObject(ctx, at + 1);
}

/**
 * Content that is a finite clause with its own subject ("that …", "the council had …", "Roe and
 * Doe were …"), not an object ("the council to delay …") or an object and a second predicate
 * ("the plan and have since …").
 */
export function opensFiniteClause(ctx: Reading, start: number, bodyEnd: number): boolean {
  const { tokens, lower, state } = ctx;
  if (lower(start) === 'that' || (PRONOUNS.has(lower(start)) && lower(start) !== 'it')) return true;
  // "to be named", "to have left": an infinitive has no subject, so its "be" or "have" is no finite verb.
  if (lower(start) === 'to' && AUXILIARY_VERBS.has(lower(start + 1))) return false;
  // "Roe's plan …": a possessive leaves the clause open until a verb shows whose it is; "Roe's remarks and went …" is an object and a second act.
  let possessive = false;
  for (let index = start + 1; index < bodyEnd && index - start < 8; index++) {
    const token = tokens[index] as Token;
    if (token.kind === 'punct' || token.lower === 'to' || state.lexicon.classes(token.lower).has('preposition')) return possessive;
    // "those claims", "the plan's backers": after a determiner a verb-looking word is the noun it introduces.
    if (DETERMINERS.has(lower(index - 1)) && !AUXILIARY_VERBS.has(token.lower)) continue;
    if (POSSESSIVE_MARKS.has(token.lower) && !PRONOUNS.has(lower(index - 1)) && ownsNounAt(ctx, index + 1)) {
      possessive = true;
      index++;
      continue;
    }
    // "talked about the market and made comments …": a second verb of the speaker before any verb of a clause makes the content an object.
    // (The word before the content is the cue's last: "touting Roe's record and pounding …" pairs -ing with -ing.)
    // ("the fog and rough seas could last …": a verb after the word shows it was a modifier of the subject.)
    if (COORDINATORS.has(token.lower) && startsCoordinatedPredicate(ctx, index + 1, start - 1) && !hasVerbSoonAfter(ctx, index + 2, bodyEnd)) return false;
    if (AUXILIARY_VERBS.has(token.lower) || isFiniteVerbAt(ctx, index)) {
      // "her home town and then boomed …": an adverb may stand between the coordinator and a second verb.
      let before = index - 1;
      while (before > start && (lower(before) === 'then' || CUE_ADVERBS.has(lower(before)))) before--;
      return !['and', 'but', 'or'].includes(lower(before));
    }
  }
  return possessive;
}

/** How far after a coordinated verb a finite verb shows it was a modifier instead: "and unsettled weather could". */
const MAX_MODIFIER_TO_VERB_TOKENS = 3;

/** An auxiliary or finite verb among the few words from `from`, before any punctuation. */
function hasVerbSoonAfter(ctx: Reading, from: number, bodyEnd: number): boolean {
  for (let index = from; index < bodyEnd && index - from < MAX_MODIFIER_TO_VERB_TOKENS; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.kind === 'punct') return false;
    // ("and made comments": a cue's noun form after the verb is its object.)
    if (AUXILIARY_VERBS.has(token.lower) || (isFiniteVerbAt(ctx, index) && !ctx.state.cues.has(token.lower))) return true;
  }
  return false;
}

/** A noun right after a possessive mark ("Roe's remarks", "Roe's plan"); not a word that shows "'s" was "is" or "has" ("Roe's a", "Roe's not", "Roe's running", "Roe's been"). */
function ownsNounAt(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind === 'punct' || DETERMINERS.has(token.lower) || AUXILIARIES.has(token.lower) || /ing$/.test(token.lower) || LY_ADVERB.test(token.text)) return false;
  return token.capitalized || token.kind === 'number' || isNounWord(ctx, token.lower) || isNounLike(ctx, index);
}

/** How long the subject before an insert's opening comma may run: "The advocacy group Right to Rise USA". */
const MAX_INSERT_SUBJECT_TOKENS = 10;

/**
 * "Her standing, even after she criticized Roe, shows …", "Harbour Watch, the group backing Lee,
 * spent …": the cue stands in a phrase that one comma sets off after a noun phrase opening the
 * sentence (no verb in it, and no opening preposition, adverb, participle or time word, which
 * would make the comma close an opening phrase instead), so the subject's own verb comes after
 * the comma that closes the phrase.
 */
export function cueInSubjectInsert(ctx: Reading, sentenceIndex: number, cueStart: number): boolean {
  const { tokens, lower, quotes, state } = ctx;
  let first = Math.max((ctx.sentences[sentenceIndex] as Sentence).tokenStart, ctx.currentSentenceStart);
  if ((lower(first) === 'and' || lower(first) === 'but') && first + 1 < cueStart) first++;
  const opener = tokens[first] as Token | undefined;
  if (!opener || opener.kind !== 'word' || TIME_WORDS.has(opener.lower) || /(?:ly|ing)$/.test(opener.lower) || state.lexicon.classes(opener.lower).has('preposition') || spanWords('span.fronted-clause').has(opener.lower) || spanWords('span.opening-connective').has(opener.lower) || CLAUSE_WORDS.has(opener.lower)) return false;
  let comma = -1;
  for (let index = first; index < cueStart; index++) {
    const token = tokens[index] as Token;
    // ("Roe, later alleging - wrongly - that pilots …,": a dash pair inside the phrase sets off an aside of its own.)
    if (quotes.depth[index] !== 0 || ctx.isOpenQuote(index) || (token.kind === 'punct' && token.text !== ',' && token.text !== '.' && token.text !== "'" && !(comma !== -1 && (DASHES.has(token.text) || token.text === '-')))) return false;
    if (token.text !== ',') continue;
    // "Pilots familiar with the pier in Dover, Del., speaking for the crew because they may not discuss …, said":
    // a later comma inside the phrase is no end of it, unless the subject's own verb or a new clause follows it.
    if (comma !== -1 && closesSubjectInsert(ctx, index)) return false;
    if (comma === -1) comma = index;
  }
  if (comma <= first || comma - first > MAX_INSERT_SUBJECT_TOKENS) return false;
  for (let index = first; index < comma; index++) if (isFiniteVerbAt(ctx, index) || PRONOUNS.has(lower(index))) return false;
  return true;
}

/** "…, said", "…, and": after the comma at `comma` the subject's verb (or a clause of its own) follows, so a phrase set off before it has closed. */
function closesSubjectInsert(ctx: Reading, comma: number): boolean {
  const next = comma + 1;
  const verbAt = LY_ADVERB.test((ctx.tokens[next] as Token | undefined)?.text ?? '') ? next + 1 : next;
  return opensSubjectsVerb(ctx, verbAt) || COORDINATORS.has(ctx.lower(next)) || CLAUSE_WORDS.has(ctx.lower(next)) || PRONOUNS.has(ctx.lower(next));
}

/**
 * "…, spent $20,000", "…, failed to agree", "…, shows how …": a verb with no subject of its own
 * after the comma closing an insert, read from the lexicon or from its ending ("failed", "shows"),
 * since the lexicon lists few inflected forms.
 */
export function opensSubjectsVerb(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || DETERMINERS.has(token.lower) || PRONOUNS.has(token.lower) || /ing$/.test(token.lower)) return false;
  if (isFiniteVerbAt(ctx, index)) return true;
  const classes = ctx.state.lexicon.classes(token.lower);
  if (classes.has('noun') || classes.has('preposition')) return false;
  return /^[a-z]{3,}ed$/.test(token.lower) || classes.has('past-tense') || (/[^su]s$/.test(token.lower) && isVerbWord(ctx, token.lower.slice(0, -1)) && !ctx.state.lexicon.classes(token.lower.slice(0, -1)).has('noun'));
}

/** How many words an addressee after "to" may run to before its "that": "to a row of pilots on the pier at dawn". */
const MAX_ADDRESSEE_TOKENS = 10;
/** Commas an addressee may hold around an apposition: "to her husband, Jo Roe, that …". */
const MAX_ADDRESSEE_COMMAS = 2;

/**
 * "admitted to the newspaper that …", "complained to her husband, Jo Roe, that …", "made the case to
 * voters in Ohio that …": the "that" opening a clause after an addressee that "to" opens (a noun
 * phrase, not an infinitive), with no clause or verb of its own in between ("agreed to a plan that
 * would …" opens no clause after its "that"), or undefined.
 */
export function thatAfterToAddressee(ctx: Reading, start: number, bodyEnd: number): number | undefined {
  const { tokens, lower, state, quotes } = ctx;
  if (lower(start) !== 'to') return undefined;
  const first = tokens[start + 1] as Token | undefined;
  if (!first || first.kind === 'punct') return undefined;
  const nounPhrase = first.capitalized || first.kind === 'number' || DETERMINERS.has(first.lower) || OBJECT_PRONOUNS.has(first.lower) || POSSESSIVE_MARKS.has(first.lower) || !isVerbWord(ctx, first.lower);
  if (!nounPhrase) return undefined;
  // Gatherings and outlets one speaks to that no speaker row lists: "told to a crowd that …", "admitted to the newspaper that …".
  const spokenTo = spanAfterWords('span.addressee-before-that');
  let commas = 0;
  let named = false;
  let index = start + 1;
  for (; index < bodyEnd && index - start <= MAX_ADDRESSEE_TOKENS && lower(index) !== 'that'; index++) {
    const token = tokens[index] as Token;
    if (quotes.depth[index] !== 0 || ctx.isOpenQuote(index)) return undefined;
    if (token.text === ',' && ++commas <= MAX_ADDRESSEE_COMMAS) continue;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== '-' && !POSSESSIVE_MARKS.has(token.lower)) return undefined;
    // "to his earlier statements that …": a noun of saying there owns the clause.
    if (!token.capitalized && token.kind === 'word' && token.lower !== 'and' && (AUXILIARY_VERBS.has(token.lower) || CLAUSE_WORDS.has(token.lower) || state.cues.has(token.lower) || state.phraseCues.get(token.lower)?.some((option) => option.frame === 'noun') === true)) return undefined;
    if (token.capitalized || OBJECT_PRONOUNS.has(token.lower) || state.speakerHeads.has(token.lower) || spokenTo.has(token.lower)) named = true;
  }
  // "agreeing to tests that they might not need": only someone spoken to, named or a word for people, stands here.
  return named && index < bodyEnd && lower(index) === 'that' && startsClause(ctx, index + 1, bodyEnd) ? index : undefined;
}

/**
 * "fired back that the voters had twice elected her", "mused in the debate that the rival was unfit": a verb that otherwise
 * carries speech only around a quotation reports the clause that a "that" after it opens (right after the cue a comma may set
 * off an aside first: "continued that, in her view, …"); "the slide continued that year" opens no clause.
 */
export function opensThatClause(ctx: Reading, content: Span, cueEnd: number): boolean {
  if (content.start < cueEnd) return false;
  const first = firstStartingAtOrAfter(ctx.tokens, content.start);
  const end = firstStartingAtOrAfter(ctx.tokens, content.end);
  // Only right after the cue: "in a video that, while …" is a relative clause.
  const asideNext = (ctx.tokens[first + 1] as Token | undefined)?.text === ',' && firstStartingAtOrAfter(ctx.tokens, cueEnd) === first;
  return ctx.lower(first) === 'that' && (asideNext || startsClause(ctx, first + 1, end));
}

/** How many words a middle item of a series may have: "the limits on harbour berths". */
const MAX_MIDDLE_ITEM_WORDS = 5;

/**
 * "which challenges new fees, limits on berths and the pilot levy": the comma at `comma` is followed
 * by one or more short items without a verb, each after a comma, then "and" or "or" and a last item
 * that opens no clause of its own, so it goes on with a series rather than closing the clause. Returns
 * the index of that coordinator. ", and" straight after the comma is left alone: "the board, which
 * backs the levy, and the pilots" joins two subjects as often as two objects.
 */
export function seriesCoordinatorAfter(ctx: Reading, comma: number, bodyEnd: number): number | undefined {
  const { tokens, lower, quotes } = ctx;
  let index = comma + 1;
  for (;;) {
    const itemStart = index;
    while (index < bodyEnd && index - itemStart < MAX_MIDDLE_ITEM_WORDS && (tokens[index] as Token).kind === 'word' && !COORDINATORS.has(lower(index)) && !CLAUSE_WORDS.has(lower(index)) && !AUXILIARIES.has(lower(index)) && !PRONOUNS.has(lower(index)) && !isFiniteVerbAt(ctx, index)) index++;
    if (index === itemStart || index >= bodyEnd || quotes.depth[index] !== 0) return undefined;
    const stop = tokens[index] as Token;
    // "…, limits on berths, and the levy": a comma before the coordinator closing the series.
    const coordinator = stop.text === ',' && (lower(index + 1) === 'and' || lower(index + 1) === 'or') ? index + 1 : stop.lower === 'and' || stop.lower === 'or' ? index : undefined;
    if (coordinator !== undefined) return coordinator + 1 < bodyEnd && !PRONOUNS.has(lower(coordinator + 1)) && !startsClause(ctx, coordinator + 1, bodyEnd) ? coordinator : undefined;
    if (stop.text !== ',') return undefined;
    index++;
  }
}

/**
 * The first comma outside quotations at or after `from` that does not go on with a series
 * (seriesCoordinatorAfter), else `end`; `pastSeries` tells whether a series' comma was passed
 * (span.series-continues).
 */
export function commaPastSeries(ctx: Reading, from: number, end: number): { index: number; pastSeries: boolean } {
  let pastSeries = false;
  for (let index = from; index < end; index++) {
    if ((ctx.tokens[index] as Token).text !== ',') continue;
    // "whether the pier “is safe enough,” most pilots said …": a comma closing a quotation opened after `from` ends the phrase with it.
    if (ctx.quotes.depth[index] !== 0) {
      if (ctx.isCloseQuote(index + 1) && openedSince(ctx, from, index + 1)) return { index: index + 2, pastSeries };
      continue;
    }
    const coordinator = seriesCoordinatorAfter(ctx, index, end);
    if (coordinator === undefined) return { index, pastSeries };
    pastSeries = true;
    index = coordinator;
  }
  return { index: end, pastSeries };
}

/** Whether the quotation closed at `close` was opened at or after `from`. */
function openedSince(ctx: Reading, from: number, close: number): boolean {
  for (let index = close - 1; index >= from; index--) if (ctx.isOpenQuote(index)) return ctx.quotes.closeOf[index] === close;
  return false;
}

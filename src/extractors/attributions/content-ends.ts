import type { Sentence, Token } from '../text/tokens.js';
import { ARTICLES, AUXILIARIES, AUXILIARY_VERBS, NEGATIONS, CLAUSE_WORDS, COORDINATORS, CUE_ADVERBS, PRONOUNS, OBJECT_PRONOUNS, DETERMINERS, RELATIVE_SPEAKERS, RELATIVE_SUBJECTS, endsInSingleS, CLAUSE_CONTINUERS, CLAUSE_BREAKERS, CONTRAST_OPENERS, DASHES, AUXILIARY_BREAKS } from './word-lists.js';
import { spanWords } from './span-rules.js';
import { cueInSubjectInsert, opensSubjectsVerb, opensInsert, startsCoordinatedPredicate, opensFiniteClause, seriesCoordinatorAfter, seriesVerbAt, relativeBeforeCue, isFiniteVerbAt, isPastForm } from './clause-boundaries.js';
import { clauseAfterOpeningPhrase, frontedClauseEnd } from './fronted-clauses.js';
import { clauseWithOwnCue, closingReportAt, comparedReportAt, coordinatedCueAt, speechClauseAt, speechClauseWithOwnSubject } from './clauses-with-own-cue.js';
import { bracketDepthAfter } from './quotes.js';
import type { CueForm } from './engine.js';
import { inHeadline, type Reading } from './reading.js';
import { closesPredicateSeries, verbAfterAdverbs, opensInvertedReport, opensClosingFinding, adjectiveLedClause, bareNounClause, closingClauseRule, opensDashConcession, summarisesClauseBefore } from './closing-clauses.js';
import { opensWithSubordinateClause, opensSecondComplement, closesComparison, dashFollows, closesCorrelative, closesSeries, subjectAwaitsVerb, insertBeforeVerb, lastItemWithoutVerb } from './content-continuations.js';
import { opensAdjunctClause, measuresTimeBefore, commentAfterObject, opensAbsolutePhrase, absoluteParticipleAt, opensClauseWithSubject, pastBetweenNameAndObject } from './object-ends.js';
import { hasAuxiliaryFiniteOrSubjectVerbBetween, hasAuxiliaryOrFiniteVerbBetween, hasVerbOutsideNounPhraseBetween } from './verb-ranges.js';
import { isNounWord, isVerbWord } from './word-tests.js';
import { predicateAgreesWithCue, seriesOwnedByClause, coordinatorClosesClauseSeries } from './verb-agreement.js';
import { namingRelativeEndAt, relativeGapOpenedAt } from './relative-gaps.js';
import { REPEATED_MARKER_ROW, repeatsCueMarker } from './repeated-markers.js';
import { subjectModifierAt, isSubjectsVerbAt, laterSubjectsVerb, subjectBeforeVerb, subjectModifierEnd } from './subject-modifiers.js';

// Where what was said ends: the tests read word by word after the content's start, in the order they apply.

/** Where the content ends, and the row of config/attributions/spans.json that ended it, if one did. */
export interface ContentEnd {
  end: number;
  endRule?: string;
}

/** Rows of config/attributions/cues.json whose verbs take an object, never a clause ("talked about", "went after"); span.coordinated-clause-after-object lists such verbs of other rows ("praised"). */
const OBJECT_CUE_ROWS: ReadonlySet<string> = new Set(['cue.stance', 'cue.evaluation', 'cue.judgement', 'cue.discussion', 'cue.desire', 'cue.attitude-object']);

/** "such as", "as well as", "just as": "as" here does not open a clause. */
const AS_COMPOUND_LEADS: ReadonlySet<string> = new Set(['such', 'well', 'as', 'so', 'same', 'just']);

/** What the search for the content's end knows before it reads past the content's first word. */
export interface ContentShape {
  readonly sentenceIndex: number;
  readonly bodyEnd: number;
  readonly cueStart: number;
  /** The content's first word. */
  readonly start: number;
  readonly cue: CueForm;
  /** The comma that closes a clause fronted before the sentence's own, if the cue is in one. */
  readonly fronted: { comma: number; ruleId: string } | undefined;
  /** The cue opens an insert set off after the subject. */
  readonly inInsert: boolean;
  /** "Her standing, even after she criticized Roe, shows …": the cue is in a phrase set off after the subject. */
  readonly subjectInsert: boolean;
  /** The content opens with a finite clause. */
  readonly clauseContent: boolean;
  /** "demonized the banks": the cue takes only an object, never a clause. */
  readonly objectOnlyCue: boolean;
  /** "declined to renew the deal": the content is an act. */
  readonly infinitiveContent: boolean;
  /** "says the plan is fair": a present cue after a subject that is not plural. */
  readonly presentCue: boolean;
  /** The cue stands inside brackets opened before it in the sentence. */
  readonly insideBrackets: boolean;
  /** The cue is in a relative clause or a participle phrase that modifies the sentence's subject. */
  readonly subjectModifier: 'relative' | 'participle' | undefined;
  /** The cue is the verb of a "who" or "which" clause ("fishers who wanted …"). */
  readonly inRelativeClause: boolean;
}

/** What the search for the content's end has read so far. */
interface EndScan {
  /** "its much-promised (and much-postponed) dredger": words in brackets start no clause of their own. */
  bracketDepth: number;
  /** A comma inside the content came before any that ends a subject insert. */
  contentComma: boolean;
  /** A word opening a clause inside the object came before ("frustration that the allies and …"). */
  objectClauseWord: boolean;
  /** The subject's own verb is still looked for after a modifier of the subject. */
  subjectVerbSearch: boolean;
  /** ", and that …": set when a second clause of what was reported carries the content on. */
  keptRule: string | undefined;
}

/** What the content starting at `start` is, read once before the search for its end. */
export function contentShape(ctx: Reading, sentenceIndex: number, bodyEnd: number, cueStart: number, start: number, cue: CueForm): ContentShape {
  const { lower, isOpenQuote } = ctx;
  const fronted = frontedClauseEnd(ctx, sentenceIndex, cueStart, bodyEnd);
  const inInsert = opensInsert(ctx, cueStart);
  // "Her standing, even after she criticized Roe, shows …": a phrase set off after the subject ends before the subject's verb.
  const subjectInsert = !inInsert && !isOpenQuote(start) && cueInSubjectInsert(ctx, sentenceIndex, cueStart);
  const clauseContent = opensFiniteClause(ctx, start, bodyEnd);
  // "demonized the banks and Lee has …": a cue that takes only an object reports no clause, so a subject and verb after a coordinator start the writer's own.
  const objectOnlyCue = (OBJECT_CUE_ROWS.has(cue.ruleId) || spanWords('span.coordinated-clause-after-object').has(lower(cueStart))) && !isOpenQuote(start);
  // "declined to renew the deal and the league could not …": an act has no subject a noun after "and" could join, so a subject and its verb there start a clause of the writer's.
  const infinitiveContent = !isOpenQuote(start) && (lower(start) === 'to' || (lower(start) === 'not' && lower(start + 1) === 'to'));
  // "says the plan is fair and warns that …": a present cue after a subject that is not plural.
  const presentCue = endsInSingleS(lower(cueStart)) && !endsInSingleS(lower(cueStart - 1));
  // "(the firm … called it “small”) and Roe laid off …": a cue inside brackets reports nothing past the bracket that closes them.
  const insideBrackets = opensBracketBefore(ctx, sentenceIndex, cueStart);
  // "Democrats supporting Roe have said …", "the novice who wants to unseat Roe is …": the object ends where the subject's own verb begins.
  // ("to unseat Mayor Roe is …" is no clause; "who believe the council made …" may be one, "supporting Roe have …" is not.)
  const subjectModifier = (!clauseContent || objectOnlyCue || lower(start) === 'to') && !isOpenQuote(start) ? subjectModifierAt(ctx, sentenceIndex, cueStart) : undefined;
  const inRelativeClause = relativeBeforeCue(ctx, cueStart) !== undefined;
  return { sentenceIndex, bodyEnd, cueStart, start, cue, fronted, inInsert, subjectInsert, clauseContent, objectOnlyCue, infinitiveContent, presentCue, insideBrackets, subjectModifier, inRelativeClause };
}

/** Where the content ends: the first word after its start at which a test of the end stops it, else the sentence body's end; with the row that kept a second clause in it, if one did. */
export function scanContentEnd(ctx: Reading, shape: ContentShape): ContentEnd & { keptRule: string | undefined } {
  const scan: EndScan = { bracketDepth: 0, contentComma: false, objectClauseWord: false, subjectVerbSearch: shape.subjectModifier !== undefined, keptRule: undefined };
  for (let index = shape.start + 1; index < shape.bodyEnd; index++) {
    const stop = contentEndAt(ctx, shape, scan, index);
    if (stop && clauseAwaitsVerb(ctx, shape, stop)) {
      scan.keptRule ??= CLAUSE_AWAITS_VERB_ROW;
      continue;
    }
    const asideEnd = stop ? asideAfterAuxiliaryEnd(ctx, shape, stop) : undefined;
    if (asideEnd !== undefined) {
      scan.keptRule ??= ASIDE_AFTER_AUXILIARY_ROW;
      index = asideEnd;
      continue;
    }
    if (stop) return { end: stop.end, endRule: stop.endRule, keptRule: scan.keptRule };
  }
  return { end: shape.bodyEnd, endRule: undefined, keptRule: scan.keptRule };
}

/** Row of config/attributions/spans.json: the words that open a reported clause, which goes on until it has its verb. */
const CLAUSE_AWAITS_VERB_ROW = 'span.clause-awaits-verb';
/** Row of config/attributions/spans.json: a "with" phrase with no comma before it whose participle reports, which ends the content before it. */
const UNMARKED_ABSOLUTE_ROW = 'span.with-absolute-unmarked';

/**
 * "noted that at a meeting in 1972, he backed …", "described how the mayor, as a candidate, cut …":
 * a reported clause opened by "that", "whether", "how" … has not ended before its verb, whatever
 * the comma after an opening phrase or inside its subject looks like; a closing bracket still ends it.
 */
function clauseAwaitsVerb(ctx: Reading, shape: ContentShape, stop: ContentEnd): boolean {
  const { start } = shape;
  // An insert set off by commas ("Roe, who estimates that …, described …") is bounded by its closing comma all the same.
  if (stop.endRule === 'span.bracket-ends' || shape.inInsert || stop.end <= start + 1 || !spanWords(CLAUSE_AWAITS_VERB_ROW).has(ctx.lower(start))) return false;
  // "that promise, saying …": before a noun, "that" points to what was said, and the noun phrase is the whole content.
  if (ctx.lower(start) === 'that' && !opensThatClauseWord(ctx, start + 1)) return false;
  // "he finds that in government work, he said": a report closing the sentence credits what came before it, verb or not.
  if (ctx.lower(stop.end) === ',' && (opensInvertedReport(ctx, stop.end + 1, shape.bodyEnd) || closingReportAt(ctx, stop.end + 1, shape.bodyEnd))) return false;
  return !hasAuxiliaryFiniteOrSubjectVerbBetween(ctx, start + 1, stop.end) && !hasVerbOutsideNounPhraseBetween(ctx, start + 1, stop.end);
}

/** Row of config/attributions/spans.json: an aside between an auxiliary and the rest of its verb phrase. */
const ASIDE_AFTER_AUXILIARY_ROW = 'span.aside-after-auxiliary';

/** How many words an aside between two commas may hold: ", in fact,", ", at the expense of the ferry crews,". */
const MAX_ASIDE_TOKENS = 7;

/**
 * "as proof that the ferry plan was, in fact, working": a clause cut at a comma right after its
 * auxiliary has lost its verb; when a short aside closed by a second comma is followed by a
 * lower-case word, the verb phrase goes on after the aside.
 */
function asideAfterAuxiliaryEnd(ctx: Reading, shape: ContentShape, stop: ContentEnd): number | undefined {
  const { tokens, lower, quotes } = ctx;
  const comma = stop.end;
  if (stop.endRule === 'span.bracket-ends' || comma <= shape.start || (tokens[comma] as Token | undefined)?.text !== ',' || quotes.depth[comma] !== 0) return undefined;
  // "she would, and the market did, …": a clause after the comma is no aside.
  if (!AUXILIARY_BREAKS.has(lower(comma - 1)) || CLAUSE_WORDS.has(lower(comma + 1))) return undefined;
  for (let index = comma + 1; index <= comma + MAX_ASIDE_TOKENS + 1 && index + 1 < shape.bodyEnd; index++) {
    const token = tokens[index] as Token;
    if (token.text !== ',') {
      if (token.kind !== 'word') return undefined;
      continue;
    }
    const next = tokens[index + 1] as Token;
    return index > comma + 1 && next.kind === 'word' && !next.capitalized && !PRONOUNS.has(next.lower) && !COORDINATORS.has(next.lower) ? index : undefined;
  }
  return undefined;
}

/** After "that", a word only a clause starts with: a determiner, a pronoun, a name, a number or an opening preposition ("that at a meeting …"). */
function opensThatClauseWord(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token | undefined;
  if (!token) return false;
  return token.text === ',' || token.capitalized || token.kind === 'number' || DETERMINERS.has(token.lower) || PRONOUNS.has(token.lower) || ctx.state.lexicon.classes(token.lower).has('preposition');
}

/** Whether the content ends at the word at `index`, and where: the tests of the end, in order. */
function contentEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number): ContentEnd | undefined {
  const { tokens, quotes, lower, isCloseQuote } = ctx;
  const token = tokens[index] as Token;
  if (scan.subjectVerbSearch && quotes.depth[index] === 0 && scan.bracketDepth === 0) {
    const modifierEnd = subjectModifierEndAt(ctx, shape, scan, index);
    if (modifierEnd) return modifierEnd;
  }
  // "argue that, while the levy may …, skippers …": a clause that has only its "that" has not yet begun.
  if (index === shape.start + 1 && lower(shape.start) === 'that') return undefined;
  if (token.text === ')' && scan.bracketDepth === 0 && shape.insideBrackets) return { end: index, endRule: 'span.bracket-ends' };
  scan.bracketDepth = bracketDepthAfter(scan.bracketDepth, token.text);
  // "Roe, saying wages had stalled, called a strike": the insert the cue opened closes before the main verb.
  const quotedComma = isCloseQuote(index) && (tokens[index - 1] as Token | undefined)?.text === ',';
  return closingMarkEndAt(ctx, shape, scan, index)
    ?? insertEndAt(ctx, shape, scan, index, quotedComma)
    ?? ownClauseEndAt(ctx, shape, scan, index)
    ?? commaEndAt(ctx, shape, scan, index, quotedComma)
    ?? dashEndAt(ctx, shape, scan, index)
    ?? laterReportEndAt(ctx, shape, scan, index)
    ?? relativeReportEndAt(ctx, shape, scan, index)
    ?? adjunctClauseEndAt(ctx, shape, scan, index)
    ?? relativeSeriesEndAt(ctx, shape, scan, index)
    ?? subjectsVerbEndAt(ctx, shape, scan, index)
    ?? auxiliaryAfterObjectEndAt(ctx, shape, scan, index)
    ?? commaClauseAfterObjectEndAt(ctx, shape, scan, index);
}

/**
 * "A pilot who backs Roe, Lee sailed at dawn", "voted for the levy, the council said": after an
 * object that is no clause, a comma and a clause with its own subject and tense start the sentence's
 * own clause, not more of what was judged or done.
 */
function commaClauseAfterObjectEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number): ContentEnd | undefined {
  const { tokens, quotes, lower, isOpenQuote } = ctx;
  const { start, bodyEnd, clauseContent } = shape;
  if ((tokens[index] as Token).text !== ',' || clauseContent || scan.objectClauseWord || quotes.depth[index] !== 0 || scan.bracketDepth !== 0 || isOpenQuote(start) || index <= start) return undefined;
  if (!objectWithoutClause(ctx, shape)) return undefined;
  for (let at = start; at < index; at++) if ((tokens[at] as Token).text === ',' && quotes.depth[at] === 0) return undefined;
  // ("…, the federally funded school run by …": a determined noun phrase after the comma is too often an apposition; "… or not, …" closes a fronted "whether".)
  const subject = tokens[index + 1] as Token | undefined;
  if (!subject || !(subject.capitalized || PRONOUNS.has(subject.lower)) || (lower(index - 1) === 'not' && lower(index - 2) === 'or')) return undefined;
  return opensClauseWithSubject(ctx, index + 1, bodyEnd) && !namesAfterNoun(ctx, index + 1) ? { end: index, endRule: 'span.comma-clause-after-object' } : undefined;
}

/** Auxiliaries that show tense, so open the predicate of a subject: "is", "could", "hasn't". */
function showsTense(word: string): boolean {
  return AUXILIARY_VERBS.has(word) && !UNTENSED_AUXILIARIES.has(word);
}

/**
 * "Voters who back Roe could switch", "the first pilot to endorse him was Lee", "Roe's attacks on
 * the levy are unusual": an object that is no clause (what a noun cue or a verb taking only an object
 * names, an act, an object pronoun) cannot be the subject of a verb after it, so an auxiliary that
 * shows tense right after its noun starts the predicate of the sentence the cue stood in. Not after a
 * clause word or a pronoun in the object ("the plan that …", "the deal he has …"), nor after a second
 * noun phrase, which may be the subject of a clause the object holds ("the deal the council has …").
 */
function auxiliaryAfterObjectEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number): ContentEnd | undefined {
  const { tokens, quotes, isOpenQuote, state } = ctx;
  const { start } = shape;
  const token = tokens[index] as Token;
  // ("George Will", "should they dare …": a name, or an inverted condition, is no predicate of the subject.)
  if (!showsTense(token.lower) || token.capitalized || opensInvertedCondition(ctx, index) || quotes.depth[index] !== 0 || scan.bracketDepth !== 0 || isOpenQuote(start) || index <= start) return undefined;
  if (!objectWithoutClause(ctx, shape)) return undefined;
  const previous = tokens[index - 1] as Token;
  if (!(previous.kind === 'word' || ctx.isCloseQuote(index - 1)) || DETERMINERS.has(previous.lower) || COORDINATORS.has(previous.lower) || previous.lower === 'to' || previous.lower === 'there' || state.lexicon.classes(previous.lower).has('preposition')) return undefined;
  for (let at = start; at < index; at++) {
    const word = tokens[at] as Token;
    // ("the plan that …", "the deal he has …", "of implying pilots were …", "to produce more trips, there are …": a clause may open inside the object.)
    if (PRONOUNS.has(word.lower) || CLAUSE_WORDS.has(word.lower) || AUXILIARY_VERBS.has(word.lower) || (at > start && (state.cues.has(word.lower) || isVerbingAt(ctx, at)))) return undefined;
    if (word.kind === 'punct' && quotes.depth[at] === 0 && !OBJECT_INNER_MARKS.has(word.text)) return undefined;
    // ("the deal the council …", "the plan Lee …": a noun phrase right after a noun may be a clause's subject.)
    const before = tokens[at - 1] as Token;
    if (at > start + 1 && before.kind === 'word' && !before.capitalized && isNounWord(ctx, before.lower) && !DETERMINERS.has(before.lower) && !state.lexicon.classes(before.lower).has('preposition') && (DETERMINERS.has(word.lower) || (word.capitalized && !before.capitalized))) return undefined;
  }
  return { end: index, endRule: 'span.auxiliary-after-object' };
}

/** The content is an object that holds no clause of its own: what a noun cue or a verb taking only an object names, an act ("to sail", "not to sail"), or an object pronoun. */
function objectWithoutClause(ctx: Reading, shape: ContentShape): boolean {
  const { tokens, lower } = ctx;
  const { start, cue, objectOnlyCue, infinitiveContent } = shape;
  // ("admitted to the port": "to" before a noun is no act.)
  const verb = lower(start) === 'not' ? start + 2 : start + 1;
  const act = infinitiveContent && isVerbWord(ctx, lower(verb)) && !(tokens[verb] as Token).capitalized;
  return (cue.frame === 'noun' && cue.complement !== 'clause') || objectOnlyCue || act || ACTED_ON_PRONOUNS.has(lower(start));
}

/** Object pronouns that stand for who was acted on, never a possessive ("her" may be either). */
const ACTED_ON_PRONOUNS: ReadonlySet<string> = new Set(['him', 'them', 'us', 'me']);

/** Marks that stand inside a noun phrase: a title's stop, a possessive's apostrophe, a hyphen, quotation marks. */
const OBJECT_INNER_MARKS: ReadonlySet<string> = new Set(['.', "'", '’', '-', '"', '“', '”', '‘']);

/** An -ing form at `index` that is a verb, not a noun such as "morning" or "building". */
function isVerbingAt(ctx: Reading, index: number): boolean {
  const word = ctx.lower(index);
  if (!/^[a-z]{3,}ing$/.test(word)) return false;
  const classes = ctx.state.lexicon.classes(word);
  return !classes.has('noun') || classes.has('gerund');
}

/** Auxiliaries that show no tense, so open no predicate of a subject: "being", "been". */
const UNTENSED_AUXILIARIES: ReadonlySet<string> = new Set(['being', 'be', 'been', "'s", "'re", ...NEGATIONS]);

/**
 * "His call to deport the crews, denounced as cruel, has wide support", "a judge considered a moderate,
 * nonetheless ranks high": after an object (not a clause), a comma and a verb that shows its tense with
 * no subject of its own start the predicate of the subject the cue stood in, not more of what was
 * reported. A series of the speaker's acts that "and" closes is span.predicate-series'; a verb in
 * "-s" counts only after an adverb or before "to" or an object ("…, cuts and delays" lists nouns).
 */
function subjectsVerbEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number): ContentEnd | undefined {
  const { tokens, quotes, lower, isOpenQuote, state } = ctx;
  const { start, bodyEnd, clauseContent, cueStart, cue } = shape;
  // (While span.subject-modifier-ends still looks for the subject's verb, it reads this one.)
  if ((tokens[index] as Token).text !== ',' || clauseContent || scan.objectClauseWord || scan.subjectVerbSearch || isOpenQuote(start) || quotes.depth[index] !== 0 || scan.bracketDepth !== 0 || index <= start + 1) return undefined;
  // Only a cue that is not the sentence's own verb stands in a subject: a noun, an infinitive, a participle, a relative clause's verb.
  if (!(cue.frame === 'noun' || lower(cueStart - 1) === 'to' || /ing$/.test(lower(cueStart)) || shape.inRelativeClause || shape.subjectModifier !== undefined)) return undefined;
  const verb = verbAfterAdverbs(ctx, index + 1, bodyEnd);
  const word = tokens[verb] as Token | undefined;
  if (!word || word.kind !== 'word' || word.capitalized) return undefined;
  const tensedAuxiliary = AUXILIARY_VERBS.has(word.lower) && !UNTENSED_AUXILIARIES.has(word.lower);
  const presentVerb = !AUXILIARY_VERBS.has(word.lower) && endsInSingleS(word.lower) && !state.cues.has(word.lower) && isVerbWord(ctx, word.lower.slice(0, -1)) && (verb > index + 1 || lower(verb + 1) === 'to' || DETERMINERS.has(lower(verb + 1)));
  if (!tensedAuxiliary && !presentVerb) return undefined;
  if (closesPredicateSeries(ctx, verb + 1, bodyEnd, cueStart)) return undefined;
  return { end: index, endRule: 'span.subject-verb-after-object' };
}

/** How many words may name the next group of a series of relative clauses: "angry harbour traders who …". */
const MAX_SERIES_GROUP_TOKENS = 3;

/**
 * "fishers who wanted a new pier, traders who were angry …", "who backed the levy and who now …": when the
 * cue is the verb of a relative clause, a further "who" or "which" after "and", or after a comma and a bare
 * noun phrase, opens the next clause of the series, not more of what was reported. ("…, a pilot who …" and
 * "…, Lee, who …" describe the object.)
 */
function relativeSeriesEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number): ContentEnd | undefined {
  const { tokens, quotes, lower } = ctx;
  if (!shape.inRelativeClause || !RELATIVE_SPEAKERS.has((tokens[index] as Token).lower) || quotes.depth[index] !== 0 || scan.bracketDepth !== 0 || index <= shape.start + 1) return undefined;
  if (lower(index - 1) === 'and') return { end: (tokens[index - 2] as Token).text === ',' ? index - 2 : index - 1, endRule: 'span.relative-series' };
  for (let at = index - 1; at >= shape.start && index - at <= MAX_SERIES_GROUP_TOKENS + 1; at--) {
    const token = tokens[at] as Token;
    if (token.text === ',') return at < index - 1 && at > shape.start && quotes.depth[at] === 0 ? { end: at, endRule: 'span.relative-series' } : undefined;
    if (token.kind !== 'word' || token.capitalized || DETERMINERS.has(token.lower) || PRONOUNS.has(token.lower) || CLAUSE_WORDS.has(token.lower)) return undefined;
  }
  return undefined;
}

/**
 * "Democrats supporting Roe have said …", "who believe the council made a grab …": while the cue sits
 * in a modifier of the sentence's subject, where the subject's own verb ends the object; a pronoun,
 * a quotation or a clause word first ends the search.
 */
function subjectModifierEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number): ContentEnd | undefined {
  const { tokens, isOpenQuote } = ctx;
  const { start, bodyEnd, subjectModifier, objectOnlyCue } = shape;
  const token = tokens[index] as Token;
  if (isOpenQuote(index) || PRONOUNS.has(token.lower) || (CLAUSE_WORDS.has(token.lower) && !COORDINATORS.has(token.lower) && token.lower !== 'as')) scan.subjectVerbSearch = false;
  else if (isSubjectsVerbAt(ctx, index)) {
    // "who believe the council made a grab …": a relative's noun phrase right before the verb may be that verb's subject.
    // (A cue that takes only an object reports no clause: "who support Roe are …".)
    if (subjectModifier === 'relative' && !objectOnlyCue && subjectBeforeVerb(ctx, start, index)) return { end: bodyEnd };
    return { end: subjectModifierEnd(ctx, start, laterSubjectsVerb(ctx, index, bodyEnd) ?? index), endRule: 'span.subject-modifier-ends' };
  }
  return undefined;
}

/** A source phrase ("according to …") naming who reported the words before it, a semicolon, or the comma that closes a fronted clause. */
function closingMarkEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number): ContentEnd | undefined {
  const { tokens, quotes, lower } = ctx;
  const { start, fronted } = shape;
  const token = tokens[index] as Token;
  // "… as many expected, according to an email …": a source phrase names who reported the words before it.
  // ("reported that, according to …, the …" still has its clause to come; a source between dashes is an insert.)
  const beforeSource = tokens[index - 1] as Token;
  if (token.lower === 'according' && lower(index + 1) === 'to' && quotes.depth[index] === 0 && scan.bracketDepth === 0 && index > start + 2 && (beforeSource.kind === 'word' || (beforeSource.text === ',' && lower(index - 2) !== 'that'))) {
    return { end: (tokens[index - 1] as Token).text === ',' ? index - 1 : index, endRule: 'span.source-phrase-ends' };
  }
  if (token.text === ';' || index === fronted?.comma) {
    if (index === fronted?.comma) return { end: index, endRule: fronted.ruleId };
    return { end: index };
  }
  return undefined;
}

/** The comma that closes the insert the cue opened, or the phrase set off after the subject, before the subject's own verb. */
function insertEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number, quotedComma: boolean): ContentEnd | undefined {
  const { tokens, quotes } = ctx;
  const { bodyEnd, inInsert, subjectInsert } = shape;
  const token = tokens[index] as Token;
  // ("…, which challenges new fees, limits on berths and the levy": a comma inside a series closes nothing.)
  if (inInsert && ((token.text === ',' && quotes.depth[index] === 0) || quotedComma) && opensSubjectsVerb(ctx, verbAfterAdverbs(ctx, index + 1, bodyEnd)) && seriesCoordinatorAfter(ctx, index, bodyEnd) === undefined) {
    return { end: quotedComma ? index + 1 : index, endRule: 'span.insert-ends' };
  }
  if (subjectInsert && token.text === ',' && quotes.depth[index] === 0 && scan.bracketDepth === 0) {
    if (!scan.contentComma && opensSubjectsVerb(ctx, verbAfterAdverbs(ctx, index + 1, bodyEnd))) return { end: index, endRule: 'span.subject-insert-ends' };
    scan.contentComma = true;
  }
  return undefined;
}

/**
 * A predicate, a clause or a scene that is not more of what was said: the speaker's own next act, a
 * "with" phrase setting the scene, a clause with a cue of its own, or, after an object, a coordinated
 * clause with its own subject.
 */
function ownClauseEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number): ContentEnd | undefined {
  const { tokens, quotes, lower } = ctx;
  const { start, bodyEnd, cueStart, cue, clauseContent, objectOnlyCue, infinitiveContent, subjectModifier } = shape;
  const token = tokens[index] as Token;
  // "to brag that fares fell and to rail against …": the cue's marker repeated after "and" opens the speaker's next act.
  if (scan.bracketDepth === 0 && repeatsCueMarker(ctx, start, cueStart, index)) return { end: (tokens[index - 1] as Token).text === ',' ? index - 1 : index, endRule: REPEATED_MARKER_ROW };
  // "urged the council to act and tried to …": the speaker's own next predicate.
  if (COORDINATORS.has(token.lower) && quotes.depth[index] === 0 && scan.bracketDepth === 0 && (!clauseContent || /ing$/.test(lower(cueStart))) && !closesCorrelative(ctx, start, index) && startsCoordinatedPredicate(ctx, index + 1, cueStart) && !joinsModifiers(ctx, index, bodyEnd)) {
    return { end: index > start + 1 && (tokens[index - 1] as Token).text === ',' ? index - 1 : index, endRule: 'span.coordinated-predicate' };
  }
  // "denies that the quay was unsafe and goes on to …": after a clause, a verb in the cue's form and not the clause's is the speaker's next act.
  if (clauseContent && (token.lower === 'and' || token.lower === 'but') && quotes.depth[index] === 0 && scan.bracketDepth === 0 && index > start + 1 && predicateAgreesWithCue(ctx, start, index, cueStart)) {
    return { end: (tokens[index - 1] as Token).text === ',' ? index - 1 : index, endRule: 'span.cue-agreeing-predicate' };
  }
  // "distanced herself from the board by saying …": after an object, "by" and a participial cue say how the speaker went about it, which is a report of its own.
  // ("said the crews could save fuel by cutting …", "said his staff “did the wrong thing” by looking …": inside a reported clause, "by" tells how its own subject acts.)
  if (token.lower === 'by' && !clauseContent && !infinitiveContent && quotes.depth[index] === 0 && scan.bracketDepth === 0 && index > start && lower(start) !== 'by' && opensParticipleAfterPreposition(ctx, index) && !hasAuxiliaryFiniteOrSubjectVerbBetween(ctx, start, index)) {
    return { end: index, endRule: PARTICIPLE_AFTER_PREPOSITION_ROW };
  }
  // "…, with the mayor's aides insisting …": a noun phrase and a participle after "with" set the scene in the writer's words.
  // (What a poll or record shows goes on with its figures: "shows Roe ahead, with 13 percent undecided".)
  if (token.text === ',' && cue.frame !== 'finding' && quotes.depth[index] === 0 && scan.bracketDepth === 0 && index > start + 1 && opensAbsolutePhrase(ctx, index + 1, bodyEnd)) {
    return { end: index, endRule: 'span.with-absolute' };
  }
  // "described themselves as liberal with about three in 10 saying …": with no comma, an absolute
  // phrase whose participle reports (and "with" not taken by a verb: "met with pilots calling …") is a report of its own.
  if (token.lower === 'with' && cue.frame !== 'finding' && quotes.depth[index] === 0 && scan.bracketDepth === 0 && index > start + 1 && (tokens[index - 1] as Token).kind === 'word' && !isVerbWord(ctx, lower(index - 1))) {
    const participle = absoluteParticipleAt(ctx, index, bodyEnd);
    // ("along with graphics showing …" adds to what was said; "to avoid adding …" is no noun phrase's act.)
    const reports = participle !== undefined && ctx.state.cues.get(lower(participle))?.some((option) => option.frame === 'speech' || option.frame === 'finding') === true;
    if (reports && lower(index - 1) !== 'along' && !isVerbWord(ctx, lower(participle - 1)) && lower(participle - 1) !== 'to') return { end: index, endRule: UNMARKED_ABSOLUTE_ROW };
  }
  // "… as he noted that …", "… but the council said …": a subordinate or coordinated clause
  // whose own subject reports something is an attribution of its own.
  if (quotes.depth[index] === 0 && index > start + 1 && spanWords('span.own-cue-clause').has(token.lower) && !AS_COMPOUND_LEADS.has(lower(index - 1)) && !closesComparison(ctx, start, index) && clauseWithOwnCue(ctx, CLAUSE_BREAKERS.has(token.lower) ? index : index + 1, bodyEnd)) {
    return { end: (tokens[index - 1] as Token).text === ',' ? index - 1 : index, endRule: 'span.own-cue-clause' };
  }
  // "… and one in four said …": a coordinated clause whose own subject says something.
  if (quotes.depth[index] === 0 && index > start + 1 && speechClauseAt(ctx, start, index, bodyEnd)) {
    return { end: (tokens[index - 1] as Token).text === ',' ? index - 1 : index, endRule: 'span.coordinated-speech-clause' };
  }
  // "asked for a photo and the mayor said yes", "praised the banks but Lee attacked them": after an
  // object, a coordinator before a subject and its verb starts a clause of the writer's.
  // "frustration that the allies and …": a clause inside the object may have a coordinated subject.
  if (OBJECT_CLAUSE_WORDS.has(token.lower)) scan.objectClauseWord = true;
  if ((objectOnlyCue || (!clauseContent && (infinitiveContent || PRONOUNS.has(lower(index + 1))))) && !scan.objectClauseWord && subjectModifier === undefined && index > start && quotes.depth[index] === 0 && scan.bracketDepth === 0 && (token.lower === 'and' || token.lower === 'but') && opensClauseWithSubject(ctx, index + 1, bodyEnd)) {
    return { end: (tokens[index - 1] as Token).text === ',' ? index - 1 : index, endRule: 'span.coordinated-clause-after-object' };
  }
  return undefined;
}

/**
 * At a comma (or a comma closing a quotation): a new clause with its own subject, a clause closing
 * the sentence about the last noun or conceding something, a participial cue, a group compared, an
 * inverted cue, a document's finding, a subject with a cue of its own, or the writer's comment on
 * an object. Marks a second clause of what was reported ("…, and that …"), or an aside inside its
 * subject, that carries it on.
 */
function commaEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number, quotedComma: boolean): ContentEnd | undefined {
  const { tokens, quotes, lower, state, isOpenQuote } = ctx;
  const { start, bodyEnd, clauseContent } = shape;
  const token = tokens[index] as Token;
  // a comma outside quotation marks, or one that closes a quotation
  const clauseComma = (token.text === ',' && quotes.depth[index] === 0) || quotedComma;
  if (clauseComma && opensSecondComplement(ctx, index + 1)) scan.keptRule = 'span.second-complement';
  // ", and he urged …", ", though no numbers …", "“…,” but he gave …", ", but public attitudes make …": a new clause with its own subject.
  // ("agreed that the levy, though it was small, was unfair": an aside between the reported clause's subject and its verb.)
  const asideInSubject = token.text === ',' && quotes.depth[index] === 0 && clauseContent && subjectAwaitsVerb(ctx, start, index) && insertBeforeVerb(ctx, index, bodyEnd);
  if (asideInSubject) scan.keptRule ??= 'span.aside-in-subject';
  // "stressed fairness, and a need to raise wages": one more thing named after ", and", with no verb of its own to the sentence's end.
  const lastItem = clauseComma && keepsLastItem(ctx, scan, index, bodyEnd);
  if (clauseComma && !asideInSubject && CLAUSE_BREAKERS.has(lower(index + 1)) && !closesSeries(ctx, start, index, bodyEnd) && !lastItem && !opensSecondComplement(ctx, index + 1) && !closesCorrelative(ctx, start, index + 1) && (PRONOUNS.has(lower(index + 2)) || DETERMINERS.has(lower(index + 2)) || (tokens[index + 2] as Token | undefined)?.capitalized === true || opensInvertedCondition(ctx, index + 2) || adjectiveLedClause(ctx, index + 2, bodyEnd) || (lower(index + 1) !== 'and' && (clauseAfterOpeningPhrase(ctx, index + 2, bodyEnd) || bareNounClause(ctx, index + 2, bodyEnd))))) {
    return { end: quotedComma ? index + 1 : index };
  }
  // "praised the bridge, which opened in May", "claims the screen will stay small, although …": a
  // clause about the last noun, or a concession, closing the sentence is the writer's, not what was reported.
  const closingClause = clauseComma && !asideInSubject ? closingClauseRule(ctx, start, index, bodyEnd) : undefined;
  if (closingClause) return { end: quotedComma ? index + 1 : index, endRule: closingClause };
  // ", arguing that …", "“…,” adding that …": a participial cue starts an attribution of its own.
  if (clauseComma) {
    // ", even suggesting …", ", again calling …": an adverb may stand before the participle.
    const participle = CUE_ADVERBS.has(lower(index + 1)) || /ly$/.test(lower(index + 1)) ? index + 2 : index + 1;
    if (/ing$/.test(lower(participle)) && state.cues.has(lower(participle))) return { end: quotedComma ? index + 1 : index };
    // ", while acknowledging …", ", before adding that …": so does one after a preposition of the speaker's next act.
    if (opensParticipleAfterPreposition(ctx, index + 1)) return { end: quotedComma ? index + 1 : index, endRule: PARTICIPLE_AFTER_PREPOSITION_ROW };
    // "…, compared with 58 percent who say …": the group compared reports for itself.
    if (comparedReportAt(ctx, index + 1, bodyEnd)) return { end: quotedComma ? index + 1 : index, endRule: 'span.compared-report' };
    // "…, said the union on Tuesday": an inverted cue after the comma reports the clause before it.
    if (opensInvertedReport(ctx, index + 1, bodyEnd)) return { end: quotedComma ? index + 1 : index, endRule: 'span.inverted-report' };
    // "…, a Gazette analysis shows.": a document and its verb of finding closing the sentence report the clause before them.
    if (opensClosingFinding(ctx, index + 1, bodyEnd)) return { end: quotedComma ? index + 1 : index, endRule: 'span.closing-finding' };
    // ", and three-quarters said …", ", he claimed …": a subject with a cue of its own.
    if (index + 1 < bodyEnd && !opensWithSubordinateClause(ctx, start, index) && clauseWithOwnCue(ctx, index + 1, bodyEnd)) return { end: quotedComma ? index + 1 : index };
    // "supported the effort, attending the opening", "criticized Comey, a Republican appointed by …":
    // after an object, a participle or an apposition is the writer's comment, not what was judged.
    const objectComment = !clauseContent && !isOpenQuote(start) ? commentAfterObject(ctx, start, index, bodyEnd) : undefined;
    if (objectComment) return { end: quotedComma ? index + 1 : index, endRule: objectComment };
    // "said the pier would close, a move that angered the union": the writer sums up what was reported.
    if (!isOpenQuote(start) && summarisesClauseBefore(ctx, index, bodyEnd)) return { end: quotedComma ? index + 1 : index, endRule: 'span.clause-summary' };
  }
  return undefined;
}

/** Row of config/attributions/spans.json: prepositions before a participle that is the act of the earlier report's speaker ("before adding", "by saying"). */
const PARTICIPLE_AFTER_PREPOSITION_ROW = 'span.participle-after-preposition';

/**
 * "while acknowledging …", "by saying …", "before even adding …": a preposition of that row, then (after an adverb) a
 * participle whose words make a cue ("by taking aim at", not "by taking the pilots out").
 */
function opensParticipleAfterPreposition(ctx: Reading, at: number): boolean {
  const { lower, state } = ctx;
  if (!spanWords(PARTICIPLE_AFTER_PREPOSITION_ROW).has(lower(at))) return false;
  const participle = CUE_ADVERBS.has(lower(at + 1)) || /ly$/.test(lower(at + 1)) ? at + 2 : at + 1;
  if (!/^[a-z]{3,}ing$/.test((ctx.tokens[participle] as Token | undefined)?.text ?? '')) return false;
  return state.cues.get(lower(participle))?.some((option) => option.words.every((word, offset) => lower(participle + offset) === word)) === true;
}

/** How many capitalised words may name who does a participle after a dash: "— Jo Ann Roe saying …". */
const MAX_DASH_NAME_TOKENS = 3;

/** "saying …", "Roe saying …": a participle of saying at `at`, after up to a few capitalised words naming who does it. */
function namedSpeechParticipleAt(ctx: Reading, at: number, bodyEnd: number): boolean {
  let probe = at;
  while (probe < bodyEnd && probe - at < MAX_DASH_NAME_TOKENS && (ctx.tokens[probe] as Token).capitalized) probe++;
  const word = ctx.tokens[probe] as Token | undefined;
  return word !== undefined && /ing$/.test(word.lower) && ctx.state.cues.get(word.lower)?.some((option) => option.frame === 'speech' || (probe > at && option.frame === 'belief')) === true;
}

/** At a dash: a coordinator before a clause with its own cue, a coordinator running to the sentence's end, the writer's noun phrase commenting on what was reported, or a concession with a clause of its own. */
function dashEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number): ContentEnd | undefined {
  const { tokens, quotes, lower, isOpenQuote } = ctx;
  const { start, bodyEnd } = shape;
  const token = tokens[index] as Token;
  // "…—and officials later admitted …": a dash and a coordinator before a clause with its own subject and cue, as a comma.
  if (DASHES.has(token.text) && quotes.depth[index] === 0 && index > start + 1 && CLAUSE_BREAKERS.has(lower(index + 1)) && !AUXILIARIES.has(lower(index + 2)) && !/ly$/.test(lower(index + 2)) && clauseWithOwnCue(ctx, index + 1, bodyEnd)) {
    return { end: index };
  }
  // "insist the tide is turning — and the Senate is …", "said he would stay - and then flew …": a dash
  // and a coordinator running to the end of the sentence start a second clause or act, not more of what
  // was said; "— and that …" reports a second clause.
  if (quotes.depth[index] === 0 && index > start + 1 && (DASHES.has(token.text) || token.text === '-') && spanWords('span.dash-coordination').has(lower(index + 1)) && lower(index + 2) !== 'that' && !dashFollows(ctx, index + 2, bodyEnd)) {
    return { end: index, endRule: 'span.dash-coordination' };
  }
  // "said she was pleased with the plan — a small win for the mayor", "called for $9 million - a third of what …":
  // a dash and a noun phrase running to the end of the sentence are the writer's comment on what was reported.
  if (quotes.depth[index] === 0 && scan.bracketDepth === 0 && index > start + 1 && !isOpenQuote(start) && (DASHES.has(token.text) || token.text === '-' || token.text === '--') && spanWords('span.dash-apposition').has(lower(index + 1)) && index + 2 < bodyEnd && !dashFollows(ctx, index + 2, bodyEnd)) {
    return { end: index, endRule: 'span.dash-apposition' };
  }
  // "backed Roe — they toured the quay together in May": after an object, a dash and a clause with its own subject and tense are the writer's next sentence.
  // ("the U.S.-Mexico border": a hyphen inside a word sets nothing off; "that – in his view – he …": a clause the object opened goes on.)
  if (!shape.clauseContent && !scan.objectClauseWord && !isOpenQuote(start) && quotes.depth[index] === 0 && scan.bracketDepth === 0 && index > start && (DASHES.has(token.text) || (token.text === '-' && token.spaceBefore)) && opensClauseWithSubject(ctx, index + 1, bodyEnd) && !namesAfterNoun(ctx, index + 1)) {
    return { end: index, endRule: 'span.dash-clause-after-object' };
  }
  // "said the fares were fair - 60 percent of riders said …", "rejected the claim — saying …": a dash
  // not closed by a second one, then a subject of its own with a verb of saying, or a participle of
  // saying, starts a second report.
  if (quotes.depth[index] === 0 && scan.bracketDepth === 0 && index > start + 1 && (DASHES.has(token.text) || token.text === '--' || (token.text === '-' && token.spaceBefore)) && !dashFollows(ctx, index + 1, bodyEnd)) {
    const participle = namedSpeechParticipleAt(ctx, index + 1, bodyEnd);
    if (participle || speechClauseWithOwnSubject(ctx, index + 1, bodyEnd)) return { end: index, endRule: 'span.dash-speech-clause' };
  }
  // "said the pier was safe — although the divers found cracks": a dash and a concession with a clause of its own are the writer's aside, as after a comma.
  if (quotes.depth[index] === 0 && scan.bracketDepth === 0 && index > start + 1 && (DASHES.has(token.text) || token.text === '-' || token.text === '--') && opensDashConcession(ctx, index + 1, bodyEnd)) {
    return { end: index, endRule: 'span.dash-concession' };
  }
  return undefined;
}

/** Row of config/attributions/spans.json: verbs of a wish, a plan or a thought that a clause's subject may go on with after "and". */
const SHARED_STANCE_ROW = 'span.clause-shares-stance';

/** A later report of the sentence: a contrasting clause with its own cue, a second cue of the same subject, or the next act in a series of the speaker's own. */
function laterReportEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number): ContentEnd | undefined {
  const { tokens, quotes, lower } = ctx;
  const { start, bodyEnd, cueStart, presentCue, clauseContent } = shape;
  const token = tokens[index] as Token;
  // "Roe saying she was pleased and Lee calling it a good meeting": after a participle, a coordinator and a name with a participle of its own start a second report.
  if (token.lower === 'and' && /ing$/.test(lower(cueStart)) && quotes.depth[index] === 0 && index > start + 1 && (tokens[index + 1] as Token | undefined)?.capitalized === true && namedSpeechParticipleAt(ctx, index + 1, bodyEnd)) return { end: index, endRule: 'span.coordinated-named-participle' };
  // "… while voters say …": a contrasting clause with its own speaker and cue.
  if (CONTRAST_OPENERS.has(token.lower) && quotes.depth[index] === 0 && clauseWithOwnCue(ctx, index, bodyEnd)) return { end: index };
  // "… made up compared to 38 percent who said …": with no comma before it too, a group compared reports for itself.
  if (token.lower === 'compared' && quotes.depth[index] === 0 && index > start + 1 && comparedReportAt(ctx, index, bodyEnd)) return { end: index, endRule: 'span.compared-report' };
  // "said the plan was fair and warned that …": a second past-tense cue of the same subject
  // is its own attribution, so the first content stops before the coordinator.
  // ("said she was tired of the delays and wanted a new pier": a wish or a plan of the clause's subject goes on with what was said.)
  const coordinatedCue = COORDINATORS.has(token.lower) && quotes.depth[index] === 0 && !(clauseContent && coordinatorClosesClauseSeries(ctx, start, index)) ? coordinatedCueAt(ctx, index + 1, bodyEnd, presentCue) : undefined;
  const sharedStance = coordinatedCue !== undefined && shape.cue.frame === 'speech' && clauseContent && spanWords(SHARED_STANCE_ROW).has(lower(index + 1));
  if (sharedStance) scan.keptRule ??= SHARED_STANCE_ROW;
  else if (coordinatedCue) {
    const end = index > start + 1 && (tokens[index - 1] as Token).text === ',' ? index - 1 : index;
    if (coordinatedCue.negated) return { end, endRule: 'span.negated-coordinated-cue' };
    return { end };
  }
  // "suggested the plan was late, called it “a joke” and walked out": a cue in the tense of the first after a comma that a
  // coordinated verb closes is the next act in a series of the speaker's own, not more of what was said;
  // after an object any verb in that tense is ("rejected the bid, ruled Lee eligible and left"), unless a clause inside
  // the object may own the series ("painted Roe as a man who inherited a fortune, gamed the tax code and …").
  if (token.text === ',' && quotes.depth[index] === 0 && scan.bracketDepth === 0 && (index > start + 1 || (index > start && inHeadline(ctx, index))) && !PRONOUNS.has(lower(index + 1)) && ((coordinatedCueAt(ctx, index + 1, bodyEnd, presentCue) && !(clauseContent && seriesOwnedByClause(ctx, start, index))) || (!clauseContent && !scan.objectClauseWord && seriesVerbAt(ctx, index + 1, cueStart))) && closesPredicateSeries(ctx, index + 2, bodyEnd, cueStart) && !insertBeforeVerb(ctx, index, bodyEnd)) {
    return { end: index, endRule: 'span.predicate-series' };
  }
  return undefined;
}

/** Row of config/attributions/spans.json: a relative clause with a report of its own ends the content before it. */
const RELATIVE_REPORT_ROW = 'span.relative-report-ends';
/** How many words the noun phrase a relative clause describes may run back to the comma or dash that sets it off: "an individual or group of hackers". */
const MAX_RELATIVE_HEAD_TOKENS = 8;

/**
 * "says he is tied with Roe, in a finish that he said defied the odds", "praised Lee for cutting fees - moves that he said
 * improved the harbour", "…, a change Jo Lee said could bring the ferries back": a relative clause holding a report of its
 * own (attribution.relative-gap) at the content's end is that speaker's, not more of what the first reported, when a comma
 * or a dash sets it off: the content ends there, before the noun phrase the clause describes. A clause that only picks out
 * its noun ("a levy that she says will pay for the pier") stays in the content, and so does one the sentence's verb
 * follows ("the levy, which he says will double, is unfair").
 */
function relativeReportEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number): ContentEnd | undefined {
  const { tokens, quotes, sentences, lower } = ctx;
  const { start, bodyEnd } = shape;
  if (index <= start + 1 || scan.bracketDepth !== 0 || quotes.depth[index] !== 0) return undefined;
  const sentence = sentences[shape.sentenceIndex] as Sentence;
  const token = tokens[index] as Token;
  // "…, a change Jo Lee said could …": a noun phrase right after the mark heads a clause without its pronoun;
  // "…, which he called “a cartel”": the pronoun stands for what the speaker named.
  if (setsOffPhrase(token)) {
    const contact = relativeGapOpenedAt(ctx, sentence, index + 1, bodyEnd);
    const clauseEnd = contact?.end ?? namingRelativeEndAt(ctx, index + 1, bodyEnd);
    return clauseEnd !== undefined && closesContent(ctx, clauseEnd, bodyEnd) ? { end: index, endRule: RELATIVE_REPORT_ROW } : undefined;
  }
  if (!RELATIVE_SUBJECTS.has(lower(index)) && lower(index) !== 'whom') return undefined;
  const gap = relativeGapOpenedAt(ctx, sentence, index, bodyEnd);
  if (!gap || !closesContent(ctx, gap.end, bodyEnd)) return undefined;
  for (let at = index - 1; at > start && index - at <= MAX_RELATIVE_HEAD_TOKENS + 1; at--) {
    const word = tokens[at] as Token;
    if (quotes.depth[at] !== 0) break;
    if (setsOffPhrase(word)) return { end: at, endRule: RELATIVE_REPORT_ROW };
    // ("an individual or group of hackers": a coordinator may join the phrase's nouns.)
    if (word.kind === 'punct' || (CLAUSE_WORDS.has(word.lower) && !COORDINATORS.has(word.lower)) || AUXILIARIES.has(word.lower) || isFiniteVerbAt(ctx, at)) break;
  }
  return undefined;
}

/** A comma or a dash, which may set off a noun phrase and the clause describing it. */
function setsOffPhrase(token: Token): boolean {
  return token.text === ',' || token.text === '-' || DASHES.has(token.text);
}

/**
 * The relative clause ending at `clauseEnd` runs to the end of the sentence's body, or to a mark after which neither the
 * sentence's own verb nor a coordinator goes on ("Vote for Roe, whom he called “divisive,” or stay home").
 */
function closesContent(ctx: Reading, clauseEnd: number, bodyEnd: number): boolean {
  return clauseEnd >= bodyEnd || (!isFiniteVerbAt(ctx, clauseEnd + 1) && !COORDINATORS.has(ctx.lower(clauseEnd + 1)));
}

/** Subordinators that are also prepositions: "after the vote" and "as chairman" are phrases of the content, "after the mayor left" and "as Roe left" clauses of the writer's. */
const PREPOSITION_SUBORDINATORS: ReadonlySet<string> = new Set(['after', 'before', 'since', 'as']);

/** How many words after a subordinator its clause's verb may stand ("after the harbour board's vote ended"). */
const SUBORDINATE_VERB_REACH = 5;

/**
 * "before the audit reports", "after the mayor left": a finite verb soon after `start`, before any punctuation, preposition or
 * relative word, makes a clause; so does a past form right after a name ("as Roe left"), which the lexicon may also file as an adjective.
 */
function finiteVerbNear(ctx: Reading, start: number, bodyEnd: number): boolean {
  const { tokens, lower, state } = ctx;
  for (let index = start; index < bodyEnd && index - start < SUBORDINATE_VERB_REACH; index++) {
    const token = tokens[index] as Token;
    if (token.kind === 'punct' || RELATIVE_SUBJECTS.has(lower(index)) || (index > start && state.lexicon.classes(token.lower).has('preposition'))) return false;
    if (index > start && (isFiniteVerbAt(ctx, index) || (!token.capitalized && (tokens[index - 1] as Token).capitalized && (isPastForm(ctx, token.lower) || state.lexicon.classes(token.lower).has('past-reading'))))) return true;
  }
  return false;
}

/** After a view's object, or what was asked or told to someone, a clause of time or cause: the writer's setting; after any content, the question it answered. */
function adjunctClauseEndAt(ctx: Reading, shape: ContentShape, scan: EndScan, index: number): ContentEnd | undefined {
  const { tokens, quotes, lower, isOpenQuote } = ctx;
  const { start, bodyEnd, cue, clauseContent, infinitiveContent } = shape;
  const token = tokens[index] as Token;
  // "said “We'll see” when asked whether …", "appears uneasy when pressed about …": the question put to the speaker is the occasion of the answer, not part of it.
  if (token.lower === 'when' && quotes.depth[index] === 0 && scan.bracketDepth === 0 && index > start + 1 && spanWords('span.answered-question').has(lower(index + 1))) {
    // "…, and when asked …": the coordinator and its comma go with the question.
    const coordinated = COORDINATORS.has(lower(index - 1)) ? index - 1 : index;
    return { end: (tokens[coordinated - 1] as Token).text === ',' ? coordinated - 1 : coordinated, endRule: 'span.answered-question' };
  }
  // "condemned the launch as Pyongyang fired …", "backed Roe because …": after a view's object, a clause of time or cause is the writer's setting.
  // "such as Pseudomonas" gives an example; only an "as" with a clause after it is a subordinator.
  // ("if and when …", "during and after …", "regardless of when …": a word that must be followed by more leaves no phrase for a clause to close.)
  const subordinate = spanWords('span.object-adjunct-clause').has(token.lower) && (token.lower !== 'as' || (lower(index - 1) !== 'such' && !closesAsComparison(ctx, start, index) && (PRONOUNS.has(lower(index + 1)) || (tokens[index + 1] as Token | undefined)?.capitalized === true))) && !awaitsMore(ctx, index - 1) && !(PREPOSITION_SUBORDINATORS.has(token.lower) && !opensAdjunctClause(ctx, index + 1, bodyEnd) && !finiteVerbNear(ctx, index + 1, bodyEnd)) && !(token.lower === 'because' && lower(index + 1) === 'of');
  if ((cue.frame === 'belief' || cue.frame === 'noun') && quotes.depth[index] === 0 && (subordinate || (token.text === ',' && (lower(index + 1) === 'which' || CLAUSE_CONTINUERS.has(lower(index + 1))) && !relativeBeforeComplement(ctx, index, bodyEnd) && !closesSeries(ctx, start, index, bodyEnd) && !keepsLastItem(ctx, scan, index, bodyEnd) && !opensSecondComplement(ctx, index + 1) && !closesCorrelative(ctx, start, index + 1) && !(clauseContent && insertBeforeVerb(ctx, index, bodyEnd))))) {
    if (subordinate) return focusedAdjunct(ctx, scan, index) ? undefined : { end: index, endRule: 'span.object-adjunct-clause' };
    return { end: index };
  }
  // "warned the pilots to slow down after a ferry ran aground": after what was asked or told to someone, a clause of time or cause is the writer's setting.
  if ((cue.frame === 'speech' || cue.frame === 'question') && !clauseContent && !isOpenQuote(start) && quotes.depth[index] === 0 && scan.bracketDepth === 0 && index > start && spanWords('span.told-object-adjunct-clause').has(token.lower) && !measuresTimeBefore(ctx, index) && opensAdjunctClause(ctx, index + 1, bodyEnd) && (infinitiveContent || !hasAuxiliaryOrFiniteVerbBetween(ctx, start, index))) {
    return { end: (tokens[index - 1] as Token).text === ',' ? index - 1 : index, endRule: 'span.told-object-adjunct-clause' };
  }
  return undefined;
}

/** How far back an "as" may open the comparison a second "as" closes ("as strong today as", "as long as"). */
const AS_COMPARISON_REACH = 4;

/** "just as strong today as she was", "as long as they stay": the "as" at `index` closes a comparison the content opened. */
function closesAsComparison(ctx: Reading, start: number, index: number): boolean {
  for (let before = index - 1; before >= start && index - before <= AS_COMPARISON_REACH; before--) if (ctx.lower(before) === 'as') return true;
  return false;
}

/** "especially when …", "only after …": a subordinator right after a focusing adverb is tied to what was said (span.focused-adjunct-clause). */
function focusedAdjunct(ctx: Reading, scan: EndScan, subordinator: number): boolean {
  const focused = ctx.lower(subordinator) !== 'as' && spanWords('span.focused-adjunct-clause').has(ctx.lower(subordinator - 1));
  if (focused) scan.keptRule ??= 'span.focused-adjunct-clause';
  return focused;
}

/** ", and" before one more thing named with no verb of its own to the sentence's end (span.last-item-without-verb): the content goes on past the comma. */
function keepsLastItem(ctx: Reading, scan: EndScan, comma: number, bodyEnd: number): boolean {
  const kept = ctx.lower(comma + 1) === 'and' && lastItemWithoutVerb(ctx, comma + 2, bodyEnd);
  if (kept) scan.keptRule ??= 'span.last-item-without-verb';
  return kept;
}

/** Endings of words that describe a noun: "federal", "responsible", "contemptuous", "massive", "economic". */
const ADJECTIVE_ENDING = /(?:al|ible|able|ous|ive|ic|ful)$/;

/** A word that describes a noun rather than naming an act: an adjective the lexicon knows, or one its ending shows that is no verb or noun. */
function describesNoun(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token | undefined;
  if (!token || token.kind !== 'word' || token.capitalized) return false;
  const classes = ctx.state.lexicon.classes(token.lower);
  // ("boiled over", "classified": a preposition or a verb's past form may end a predicate of its own.)
  if (classes.has('preposition') || classes.has('past-reading') || classes.has('past-tense')) return false;
  return classes.has('adjective') || (ADJECTIVE_ENDING.test(token.lower) && !classes.has('noun') && !classes.has('verb'));
}

/**
 * "violated federal and state law", "the focused and sustained attacks", "called it bigoted and contemptuous of …":
 * "and" after a word that describes a noun joins a second such word, before the noun or after it, not a predicate of
 * the speaker's; the word after "and" is itself one, or stands right before a bare noun.
 */
function joinsModifiers(ctx: Reading, coordinator: number, bodyEnd: number): boolean {
  const { lower } = ctx;
  // "the focused and sustained attacks": a determiner and a describing word are no phrase without their noun, so "and" joins a second word before it.
  if (NOUN_OPENERS.has(lower(coordinator - 2)) && (describesNoun(ctx, coordinator - 1) || /ed$/.test(lower(coordinator - 1)))) return true;
  // "called it bigoted and contemptuous of …": a word after "and" that can only describe a noun is no verb of the speaker's.
  if (ADJECTIVE_ENDING.test(lower(coordinator + 1)) && lower(coordinator) !== 'but' && ctx.state.lexicon.classes(lower(coordinator + 1)).size === 0) return true;
  // "the anxiety and deep-seated anger", "and need-based aid": a compound in "-ed" before a bare noun describes it ("and counter-sued her" acts).
  if (/^[a-z]+-[a-z]+ed$/.test(lower(coordinator + 1)) && bareWordAt(ctx, coordinator + 2, bodyEnd)) return true;
  // ("kept quiet and pretended …": a past form after "and" is the speaker's next act.)
  if (!describesNoun(ctx, coordinator - 1) || AUXILIARY_VERBS.has(lower(coordinator + 1)) || ctx.state.lexicon.classes(lower(coordinator + 1)).has('past-tense')) return false;
  return describesNoun(ctx, coordinator + 1) || bareWordAt(ctx, coordinator + 2, bodyEnd);
}

/** A lower-case word opening no phrase or clause of its own, as a noun or a describing word does: no determiner, pronoun, preposition, clause word or adverb. */
function bareWordAt(ctx: Reading, index: number, bodyEnd: number): boolean {
  const token = ctx.tokens[index] as Token | undefined;
  return index < bodyEnd && token !== undefined && token.kind === 'word' && !token.capitalized && !DETERMINERS.has(token.lower) && !PRONOUNS.has(token.lower) && token.lower !== 'to' && !ctx.state.lexicon.classes(token.lower).has('preposition') && !CLAUSE_WORDS.has(token.lower) && !CUE_ADVERBS.has(token.lower) && !/ly$/.test(token.lower);
}

/** Articles and possessives that open a noun phrase ("the", "his"; not "her", which may be an object). */
const NOUN_OPENERS: ReadonlySet<string> = new Set([...ARTICLES, 'his', 'their', 'its', 'our', 'my', 'your']);

/** Words after which a phrase cannot end: "if and", "regardless of", "wants it to". */
const PHRASE_CONTINUERS: ReadonlySet<string> = new Set(['to', 'of', 'if', 'that', 'the', 'a', 'an']);

/** The word at `index` leaves its phrase unfinished: a coordinator, "of", "to", "if", "that" or an article. */
function awaitsMore(ctx: Reading, index: number): boolean {
  const word = ctx.lower(index);
  return COORDINATORS.has(word) || PHRASE_CONTINUERS.has(word);
}

/** Words that open the rest of a view's complement after its object: "accused the board … of", "praised Lee … as", "criticized the port … for". */
const COMPLEMENT_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'as', 'for']);

/** How long a relative clause set off inside a view's object may run. */
const MAX_INSERTED_RELATIVE_TOKENS = 20;

/**
 * "accused the audience, which the board chose, of consisting of donors", "praised Lee, who quit on Saturday, as a man who …":
 * a "which" or "who" clause after the comma at `comma` closed by a second comma before "of", "as" or "for" is set off inside
 * the object; what follows goes on with the view.
 */
function relativeBeforeComplement(ctx: Reading, comma: number, bodyEnd: number): boolean {
  const { tokens, quotes, lower } = ctx;
  if (lower(comma + 1) !== 'which' && lower(comma + 1) !== 'who') return false;
  for (let index = comma + 2; index < bodyEnd && index - comma <= MAX_INSERTED_RELATIVE_TOKENS; index++) {
    const token = tokens[index] as Token;
    if (quotes.depth[index] !== 0) continue;
    // ("…, as soon as Monday", "…, as well as …": "as" before a degree word compares; only one before a noun phrase opens the complement.)
    if (token.text === ',') return COMPLEMENT_PREPOSITIONS.has(lower(index + 1)) && (lower(index + 1) !== 'as' || opensNounPhrase(ctx, index + 2));
    if (token.kind === 'punct' && token.text !== '.' && token.text !== '-' && token.text !== "'") return false;
  }
  return false;
}

/** A determiner, a name or a quotation at `index`: "as a man …", "as Lee's heir", "as “a fraud”". */
function opensNounPhrase(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token | undefined;
  return token !== undefined && (DETERMINERS.has(token.lower) || token.capitalized || ctx.isOpenQuote(index));
}

/** "…, but should he win, …", "…, and had they known, …": an auxiliary of span.conditional-inversion before a subject pronoun opens a condition of a clause of its own. */
function opensInvertedCondition(ctx: Reading, index: number): boolean {
  return spanWords('span.conditional-inversion').has(ctx.lower(index)) && PRONOUNS.has(ctx.lower(index + 1));
}

/** Whether a bracket opened in the sentence before `cueStart` is still open there. */
function opensBracketBefore(ctx: Reading, sentenceIndex: number, cueStart: number): boolean {
  const { tokens, sentences } = ctx;
  let depth = 0;
  for (let index = (sentences[sentenceIndex] as Sentence).tokenStart; index < cueStart; index++) depth = bracketDepthAfter(depth, (tokens[index] as Token).text);
  return depth > 0;
}

/** How far after the start of a noun phrase a second one may begin and make the first the head of a clause inside it. */
const MAX_HEAD_BEFORE_NAME_TOKENS = 4;

/** "the fees Roe has received …", "the plan the council …": a name or a determiner right after a lowercase word of the phrase at `from` opens a clause's subject inside it. */
function namesAfterNoun(ctx: Reading, from: number): boolean {
  const { tokens } = ctx;
  if (PRONOUNS.has(ctx.lower(from))) return false;
  for (let index = from + 1; index < tokens.length && index - from <= MAX_HEAD_BEFORE_NAME_TOKENS; index++) {
    const token = tokens[index] as Token;
    const before = tokens[index - 1] as Token;
    // (The phrase ends at its verb: "the divers had checked the hull".)
    if (token.kind !== 'word' || before.kind !== 'word' || AUXILIARY_VERBS.has(token.lower) || isFiniteVerbAt(ctx, index) || pastBetweenNameAndObject(ctx, index)) return false;
    if (!before.capitalized && !DETERMINERS.has(before.lower) && !COORDINATORS.has(before.lower) && !ctx.state.lexicon.classes(before.lower).has('preposition') && (token.capitalized || DETERMINERS.has(token.lower))) return true;
  }
  return false;
}

/** Words that open a clause inside an object: "frustration that …", "the plan, which …", "how the plan works". */
const OBJECT_CLAUSE_WORDS: ReadonlySet<string> = new Set(['that', 'which', 'who', 'whom', 'whose', 'whether', 'how', 'what', 'why', 'where', 'when', 'if']);

import type { Attribution, Span } from '../../model/claim.js';
import type { Sentence, Token } from '../text/tokens.js';
import type { CueForm } from './engine.js';
import type { Reading } from './reading.js';
import { buildAttribution } from './relation-assembly.js';
import { readSpeakerBefore, validSpeaker } from './speaker-spans.js';
import { hasVerbWordBetween } from './verb-ranges.js';
import { isModifierPosition, isNounWord, isVerbWord } from './word-tests.js';
import { spanVerbForms, spanWords, takesAddressee } from './span-rules.js';
import { ARTICLES, AUXILIARIES, CUE_ADVERBS, AUXILIARY_VERBS, NEGATIONS, CLAUSE_WORDS, IRREGULAR_PAST, COORDINATORS, DETERMINERS, endsInSingleS, OBJECT_PRONOUNS, OBJECT_STOPS, PASSIVE_MARKERS, PAST_FORM, PLURAL_FORM_PRONOUNS, POSSESSIVE_MARKS, PRONOUNS, SPEAKER_STARTS_NOT, TIME_WORDS, LY_ADVERB } from './word-lists.js';
import type { Range } from './reading.js';
import { isFiniteVerbAt } from './clause-boundaries.js';
import { matchCue } from './cue-matching.js';

/**
 * "the rules, which officials said will take effect in May", "a plan that he believes would
 * fail", "what she called a turning point is over": a relative clause whose subject was moved out
 * from under the cue. The words between the relative pronoun and the cue are the speaker; the
 * relative clause (pronoun included, since it stands for the subject) is the content.
 */

const RELATIVE_WORDS = new Set(['which', 'that', 'who', 'whom', 'what']);
/** Verbs that can follow the cue in the gap left by the subject: "said was", "believes will". */
const GAP_VERBS = new Set(['is', 'was', 'are', 'were', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'had', 'has', 'have']);
/** Cue rows whose verbs take a clause, so a gap after them is the clause's subject ("said was"), not an object ("questioned are"). */
const CLAUSE_CUE_RULES = new Set(['cue.say', 'cue.say-clause', 'cue.cognition', 'cue.judge-clause']);
/** Belief verbs of the wider stance row that take a clause. */
const CLAUSE_BELIEF_VERB = /^(?:believ|think|thought|expect|hope|fear|worr|doubt|want)/;
/** Modals after which a verb of knowing or saying is seldom the verb of a relative clause with a gap: "all I can say is". */
const PLAIN_MODALS: ReadonlySet<string> = new Set(['can', 'could', 'will', "can't", "couldn't", "won't"]);
/** Quantifiers that stand alone for a plural subject: "who many feel", "which some say". */
const PLURAL_QUANTIFIERS: ReadonlySet<string> = new Set(['many', 'some', 'most', 'few', 'others', 'both', 'all', 'several']);
/** "who many feel", "which some say": a speaker that is one quantifier standing alone for a plural subject. */
function isLoneQuantifier(ctx: Reading, speaker: Range): boolean {
  return speaker.end - speaker.start === 1 && PLURAL_QUANTIFIERS.has(ctx.lower(speaker.start));
}

/** How many words the speaker between the relative pronoun and the cue may have: "which an internal inquiry later said". */
const MAX_GAP_SPEAKER_TOKENS = 6;

/** The cue's verb takes a clause, so a verb after it may be that clause's ("which officials said will take effect"). */
function takesClause(cue: CueForm, verb: string): boolean {
  return CLAUSE_CUE_RULES.has(cue.ruleId) || cue.complement === 'clause' || (cue.frame === 'belief' && CLAUSE_BELIEF_VERB.test(verb));
}

/** True when the word after the cue is the verb of a relative clause whose subject stands before the speaker. */
export function opensRelativeGap(ctx: Reading, cueEnd: number): boolean {
  const next = ctx.tokens[cueEnd];
  if (!next || next.kind !== 'word' || next.capitalized) return false;
  // "which he said defied the odds": a past verb stands in the gap as well as an auxiliary does.
  // (So is a past form the conjugator gives, "improved", or one the lexicon does not list, "discriminated".)
  const classes = ctx.state.lexicon.classes(next.lower);
  return GAP_VERBS.has(next.lower) || (PAST_FORM.test(next.lower) && (isVerbWord(ctx, next.lower) || classes.has('past-reading') || classes.size === 0));
}

/** A relative clause whose subject was moved out from under its cue: where it opens, its speaker and where it ends. */
export interface RelativeGap {
  /** The relative pronoun, or the head noun phrase of a clause without one. */
  clauseStart: number;
  speaker: Range;
  /** Past the clause: the next comma or dash outside quotations, or the sentence body's end. */
  end: number;
  /** The clause has no relative pronoun (span.contact-relative). */
  contact: boolean;
}

/** The relative clause with a moved-out subject that the cue at `cueStart` stands in, if it does: "which officials said will take effect". */
export function relativeGapAt(ctx: Reading, sentence: Sentence, bodyEnd: number, cueStart: number, cue: CueForm): RelativeGap | undefined {
  const { tokens, lower, quotes } = ctx;
  const verb = lower(cueStart);
  if (!takesClause(cue, verb)) return undefined;
  if (verb.endsWith('ing')) return undefined;
  const cueEnd = cueStart + cue.words.length;
  // "What we know is that …": the clause after "that" is the content, not the relative clause.
  if (!opensRelativeGap(ctx, cueEnd) || lower(cueEnd + 1) === 'that') return undefined;
  let left = cueStart - 1;
  while (left > sentence.tokenStart && AUXILIARIES.has(lower(left))) left--;
  // "The only thing I can figure is …", "what you can learn has …": after a modal of ability or of the future the verb after
  // the cue is the sentence's own ("which some would argue is …" keeps its gap).
  for (let index = left + 1; index < cueStart; index++) if (PLAIN_MODALS.has(lower(index))) return undefined;
  let relative = left;
  while (relative > sentence.tokenStart && cueStart - relative <= MAX_GAP_SPEAKER_TOKENS + 1 && !RELATIVE_WORDS.has(lower(relative))) relative--;
  // "a move they think might work": with no relative pronoun the noun phrase before the subject opens the clause (span.contact-relative).
  const contact = RELATIVE_WORDS.has(lower(relative)) && relative < left ? undefined : contactGap(ctx, sentence, left + 1);
  if (contact) relative = contact.phraseStart;
  else if (!RELATIVE_WORDS.has(lower(relative)) || relative >= left) return undefined;
  let speakerStart = contact?.subject ?? relative + 1;
  for (let index = speakerStart; index <= left; index++) if ((tokens[index] as Token).kind === 'punct' || quotes.depth[index] !== 0) return undefined;
  // "which even the most hopeful pilots doubt will …": an adverb of focus may stand before the speaker.
  while (speakerStart < left && CUE_ADVERBS.has(lower(speakerStart))) speakerStart++;
  const read = readSpeakerBefore(ctx, speakerStart, left + 1);
  const speaker = read?.start === speakerStart ? read : pluralNounSubject(ctx, speakerStart, left + 1) ? { start: speakerStart, end: left + 1 } : undefined;
  if (!speaker) return undefined;
  // A bare present form ("say", "call") needs a plural subject; else it is a noun ("the kick call was").
  // ("a gift he knew would help": an irregular past form is no bare present; "who many feel": a quantifier standing alone is plural.)
  const bare = !PAST_FORM.test(verb) && !IRREGULAR_PAST.test(verb) && !/(?:[^s]s|ought)$/.test(verb);
  const head = lower(speaker.end - 1);
  if (bare && !PLURAL_FORM_PRONOUNS.has(head) && !endsInSingleS(head) && !isLoneQuantifier(ctx, speaker)) return undefined;
  // The clause runs to the next comma or dash outside quotations: ", which he said was late, is …".
  return { clauseStart: relative, speaker: { start: speaker.start, end: speaker.end }, end: clauseEndAfter(ctx, cueEnd + 1, bodyEnd), contact: contact !== undefined };
}

/** Most words of a plural subject read between a relative pronoun and its cue: "which appeals courts said". */
const MAX_PLURAL_SUBJECT_TOKENS = 3;

/**
 * "that appeals courts said discriminated …", "which engineers said would cost …": between the relative pronoun and the
 * cue only the clause's subject can stand, so a short run of lower-case -s forms and nouns ending in a plural is that
 * subject, though the lexicon also files its words as verbs ("appeals", "engineers") that would end a speaker elsewhere.
 */
function pluralNounSubject(ctx: Reading, start: number, end: number): boolean {
  if (end <= start || end - start > MAX_PLURAL_SUBJECT_TOKENS || !endsInSingleS(ctx.lower(end - 1))) return false;
  for (let index = start; index < end; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.kind !== 'word' || token.capitalized || AUXILIARIES.has(token.lower) || PRONOUNS.has(token.lower) || DETERMINERS.has(token.lower) || LY_ADVERB.test(token.lower)) return false;
    if (!endsInSingleS(token.lower) && !isNounWord(ctx, token.lower)) return false;
  }
  return true;
}

/** Relative pronouns that may open a clause whose subject was moved out from under its cue. */
const GAP_PRONOUNS: ReadonlySet<string> = new Set(['which', 'that', 'who', 'whom']);

/**
 * "…, in a finish that he said defied the odds", "the pilot, who officials say is tied to the board", "…, a change Jo Lee
 * said could help": the relative clause with a report of its own (attribution.relative-gap) that the word at `opener`
 * opens, as its pronoun or as the first word of the noun phrase heading a clause without one (span.contact-relative).
 */
export function relativeGapOpenedAt(ctx: Reading, sentence: Sentence, opener: number, bodyEnd: number): RelativeGap | undefined {
  const { lower, quotes } = ctx;
  if (quotes.depth[opener] !== 0) return undefined;
  const pronoun = GAP_PRONOUNS.has(lower(opener));
  if (!pronoun && !PHRASE_DETERMINERS.has(lower(opener)) && !spanWords('span.contact-relative').has(lower(opener))) return undefined;
  const found = firstCueAfter(ctx, opener, MAX_GAP_SPEAKER_TOKENS + 1 + (pronoun ? 0 : MAX_HEAD_PHRASE_TOKENS), bodyEnd);
  const gap = found && relativeGapAt(ctx, sentence, bodyEnd, found.cueStart, found.cue);
  // (A pronoun opens a clause with it; any other word, the noun phrase of a clause without one.)
  return gap && gap.clauseStart === opener && gap.contact === !pronoun ? gap : undefined;
}

/** The first cue within `reach` words after `opener`, with no punctuation or quotation before it. */
function firstCueAfter(ctx: Reading, opener: number, reach: number, bodyEnd: number): { cueStart: number; cue: CueForm } | undefined {
  const { tokens, quotes, state } = ctx;
  for (let cueStart = opener + 2; cueStart < bodyEnd && cueStart - opener <= reach; cueStart++) {
    const token = tokens[cueStart] as Token;
    if (token.kind === 'punct' || quotes.depth[cueStart] !== 0) return undefined;
    const cue = state.cues.has(token.lower) ? matchCue(ctx, cueStart, bodyEnd) : undefined;
    if (cue) return { cueStart, cue };
  }
  return undefined;
}

/** Past a relative clause: the next comma, semicolon, bracket or dash outside quotations after `from`, or `bodyEnd`. */
function clauseEndAfter(ctx: Reading, from: number, bodyEnd: number): number {
  let end = from;
  while (end < bodyEnd && !(ctx.quotes.depth[end] === 0 && /^(?:[,;()]|--?|—|–)$/.test((ctx.tokens[end] as Token).text))) end++;
  return end;
}

/** Relative pronouns that may stand for the object of a cue after them, in a clause set off by a comma: ", which he called …". */
const OBJECT_GAP_PRONOUNS: ReadonlySet<string> = new Set(['which', 'whom', 'who']);

/**
 * ", which he called “a cartel”", ", whom she described as “tireless”": the pronoun at `relative` stands for the object of a
 * cue after a short speaker, and a quotation or "as" after the cue says what the speaker called it, so the clause is a report
 * of its own. Returns the end of the clause (the next comma or dash outside quotations, or `bodyEnd`), or undefined.
 */
export function namingRelativeEndAt(ctx: Reading, relative: number, bodyEnd: number): number | undefined {
  const { tokens, lower, quotes } = ctx;
  if (!OBJECT_GAP_PRONOUNS.has(lower(relative)) || quotes.depth[relative] !== 0) return undefined;
  const found = firstCueAfter(ctx, relative, MAX_GAP_SPEAKER_TOKENS + 1, bodyEnd);
  if (!found) return undefined;
  const { cueStart, cue } = found;
  const cueEnd = cueStart + cue.words.length;
  if (lower(cueEnd) !== 'as' && !ctx.isOpenQuote(cueEnd)) return undefined;
  let left = cueStart - 1;
  while (left > relative && AUXILIARIES.has(lower(left))) left--;
  const speaker = readSpeakerBefore(ctx, relative + 1, left + 1);
  if (!speaker || speaker.start !== relative + 1 || objectRelativeBefore(ctx, speaker, cueStart) !== relative) return undefined;
  // ("which he called “a tax,” is …": a quotation closing on a comma ends the clause at that comma.)
  const quoted = commaClosedQuotationEnd(ctx, lower(cueEnd) === 'as' ? cueEnd + 1 : cueEnd, bodyEnd);
  if (quoted !== undefined) return (tokens[quoted] as Token | undefined)?.text === ',' ? quoted : quoted - 1;
  return clauseEndAfter(ctx, cueEnd + 1, bodyEnd);
}

/**
 * "that Carson says led …", "which he estimates will …", "who many feel need …": the gap's speaker ends in a pronoun, a name or a
 * quantifier standing alone, so the cue word after it is its verb; after a common noun it may close a compound ("member states").
 */
export function gapSpeakerEndsPlainly(ctx: Reading, gap: RelativeGap): boolean {
  const head = ctx.tokens[gap.speaker.end - 1] as Token;
  return PRONOUNS.has(head.lower) || head.capitalized || isLoneQuantifier(ctx, gap.speaker);
}

export function readRelativeGap(ctx: Reading, sentence: Sentence, bodyEnd: number, cueStart: number, cue: CueForm): Attribution | null {
  const gap = relativeGapAt(ctx, sentence, bodyEnd, cueStart, cue);
  if (!gap) return null;
  const { spanOf } = ctx;
  const cueSpan = spanOf(cueStart, cueStart + cue.words.length) as Span;
  return buildAttribution(ctx, spanOf(gap.speaker.start, gap.speaker.end), cueSpan, spanOf(gap.clauseStart, gap.end) as Span, cue.ruleId, gap.speaker.start, gap.contact ? ['attribution.relative-gap', 'span.contact-relative'] : ['attribution.relative-gap']);
}

/** The head noun phrase and the subject of a relative clause without its pronoun that ends at `end`, the cue's start: "a step | they | believe". */
function contactGap(ctx: Reading, sentence: Sentence, end: number): { phraseStart: number; subject: number } | undefined {
  const read = readSpeakerBefore(ctx, sentence.tokenStart, end);
  const subject = read && contactSubjectStart(ctx, sentence, read, true);
  if (subject === undefined) return undefined;
  const phraseStart = headPhraseStart(ctx, sentence, subject - 1, ctx.tokens[subject] as Token);
  if (phraseStart === undefined || namesTimeOrManner(ctx, subject - 1)) return undefined;
  return { phraseStart, subject };
}

/** Words after the cue that open its complement rather than an adjunct: "which he wanted to do", "what she said that …", "which he described as …". */
const COMPLEMENT_OPENERS: ReadonlySet<string> = new Set(['to', 'that', 'as', 'like', 'if', 'whether', 'how', 'why', 'what', 'who', 'which']);

/** No attribution: the cue's object is a "that" opening a restrictive relative clause. */
export const RESTRICTIVE_OBJECT_GAP = 'restrictive';
const RESTRICTIVE_OBJECT_GAP_ROW = 'span.restrictive-object-relative';

/**
 * "the allegations, which Mr. Roe denies,", "That's what I talk about.": a relative pronoun (a
 * word of the span.object-relative row) right before the speaker stands for the cue's object,
 * whose own place after the cue is empty. The pronoun is the content; the antecedent it stands
 * for is read by whoever reads the sentence. A restrictive "that" ("a plan that the mayor once
 * backed") makes no attribution.
 */
export function readObjectGap(ctx: Reading, bodyEnd: number, speaker: Range, cueStart: number, cue: CueForm): Attribution | typeof RESTRICTIVE_OBJECT_GAP | null {
  const { spanOf } = ctx;
  const cueEnd = cueStart + cue.words.length;
  const filled = !objectPlaceEmpty(ctx, cueEnd, bodyEnd);
  const adjunct = filled && adjunctInObjectPlace(ctx, cueStart, cueEnd, bodyEnd);
  if (filled && !adjunct) return null;
  const relative = objectRelativeBefore(ctx, speaker, cueStart, true);
  if (relative === undefined) return null;
  // "the services that Roe demanded": a restrictive clause only picks out which services are meant.
  // ("a claim that the board disputes": a noun for something said is itself what the speaker disputes.)
  if (spanWords(RESTRICTIVE_OBJECT_GAP_ROW).has(ctx.lower(relative)) && !namesSaying(ctx, ctx.lower(relative - 1)) && !spanWords('span.contact-relative').has(ctx.lower(relative - 1))) {
    ctx.rejected.push({ ...(spanOf(cueStart, cueEnd) as Span), layer: 'attribution', reason: 'a restrictive relative clause picking out a noun, not a report', ruleId: RESTRICTIVE_OBJECT_GAP_ROW });
    return RESTRICTIVE_OBJECT_GAP;
  }
  return buildAttribution(ctx, spanOf(speaker.start, speaker.end), spanOf(cueStart, cueEnd) as Span, spanOf(relative, relative + 1) as Span, cue.ruleId, speaker.start, ['attribution.object-relative', 'span.object-relative', ...(adjunct ? [GAP_ADJUNCT_ROW] : [])]);
}

/**
 * The relative pronoun right before the speaker that stands for the cue's object ("the levy that
 * skippers called unfair", "a post which he hoped to keep"), or undefined.
 */
export function objectRelativeBefore(ctx: Reading, speaker: Range, cueStart: number, objectGapAfter = false): number | undefined {
  const { tokens, lower } = ctx;
  const relative = speaker.start - 1;
  const word = lower(relative);
  // ("what the mayor is talking about": a participle after a form of "be" is the clause's verb, as a tensed one is.)
  const progressive = PASSIVE_MARKERS.has(lower(cueStart - 1)) || lower(cueStart - 1) === "'s" || lower(cueStart - 1) === "'re";
  if (relative < 0 || !spanWords('span.object-relative').has(word) || (lower(cueStart).endsWith('ing') && !progressive) || lower(cueStart - 1) === 'to') return undefined;
  const before = tokens[relative - 1];
  // "in which he spoke": a preposition takes the pronoun, not the cue ("in what he called a rout": it takes the whole clause
  // "what" opens, whose object "what" is). "He knew that she denied …": a "that" after a verb opens its clause.
  if (before !== undefined && before.kind === 'word' && word !== 'what' && ctx.state.lexicon.classes(before.lower).has('preposition')) return undefined;
  // "told Lee that Roe backed out", "learned Friday that …": after a name or a day "that" opens a clause too.
  // ("the approach that he backed": a word that is also a verb is the noun after a determiner or an adjective.)
  // ("a town that she hoped to carry": with the object's place after the cue left empty, a word the lexicon does not
  // know is a noun after a determiner too; else "the news that she backed him" keeps its "that" opening a clause.)
  const nounBefore = (lowerWord: string): boolean => ctx.state.lexicon.classes(lowerWord).has('common') || (objectGapAfter && ctx.state.lexicon.classes(lowerWord).size === 0);
  // ("a claim that the board disputes": with that place empty, a noun for something said heads the relative clause rather than opening its content.)
  if (word === 'that' && !(before !== undefined && (before.text === ',' || (objectGapAfter && spanWords('span.contact-relative').has(before.lower)) || (!before.capitalized && (isNounWord(ctx, before.lower) ? !isVerbWord(ctx, before.lower) || isModifierPosition(ctx, relative - 2) : nounBefore(before.lower) && isModifierPosition(ctx, relative - 2)) && (!ctx.state.cues.has(before.lower) || (objectGapAfter && namesSaying(ctx, before.lower))))))) return undefined;
  return relative;
}

/** Row of config/attributions/cues.json: nouns whose "that" opens what was said or held, with or without an owner ("the claim that …"). */
const NOUN_CLAUSE_ROW = 'cue.noun-clause';

/**
 * "claim", "charge", "concern": a noun for something said or held, whose "that" may open what was said (cue.noun-clause).
 * (A noun of answering, "a point that the pilots disputed", reports words only with an owner and heads no report here.)
 */
function namesSaying(ctx: Reading, word: string): boolean {
  return ctx.state.phraseCues.get(word)?.some((form) => form.ruleId === NOUN_CLAUSE_ROW) === true;
}

/**
 * "a levy that skippers called unfair", "projects which lenders considered too risky", "what he
 * calls corruption": when the cue has words after it but its object stands before the speaker as a
 * relative pronoun, the relative clause from that pronoun is what was said. The speaker between
 * them is a short phrase with no punctuation that opens with no verb; "who" is a subject, never the object.
 */
export function relativeObjectClauseStart(ctx: Reading, speaker: Range, cueStart: number, objectGapAfter = false): number | undefined {
  const relative = objectRelativeBefore(ctx, speaker, cueStart, objectGapAfter);
  if (relative === undefined || ctx.lower(relative) === 'who' || cueStart - relative > MAX_GAP_SPEAKER_TOKENS + 3) return undefined;
  // "which dissipates the lie told us": a verb after the pronoun makes it the subject of its own clause.
  const first = ctx.lower(relative + 1);
  const stem = endsInSingleS(first) ? first.slice(0, -1) : first;
  // ("dissipates the lie": a word in -s with an article after it is a verb and its object.)
  const verbWithObject = endsInSingleS(first) && DETERMINERS.has(ctx.lower(relative + 2));
  if (!(ctx.tokens[relative + 1] as Token).capitalized && (verbWithObject || (isVerbWord(ctx, stem) && !isNounWord(ctx, stem)))) return undefined;
  // ("what Mr. Roe called": the stop of a title's abbreviation is no punctuation between them.)
  for (let index = relative + 1; index < cueStart; index++) if ((ctx.tokens[index] as Token).kind === 'punct' && (ctx.tokens[index] as Token).text !== '.') return undefined;
  return relative;
}

/**
 * "what Mr. Lund called ''the old harbour plan,'' the Marsh Landing scheme": a quotation right after the
 * cue (or its article) that closes on a comma ends the relative clause; the words after it name the same
 * thing again and are the writer's. Returns the index past the closing mark, or undefined.
 */
export function commaClosedQuotationEnd(ctx: Reading, from: number, bodyEnd: number): number | undefined {
  const { tokens, lower } = ctx;
  // (An article may stand before the quoted name: "what she called a ''turning point,''".)
  const open = ARTICLES.has(lower(from)) ? from + 1 : from;
  if (!ctx.isOpenQuote(open)) return undefined;
  for (let index = open + 1; index < bodyEnd; index++) {
    if (!ctx.isCloseQuote(index)) continue;
    // (Only a comma inside or right after the mark: "a “fraudulent scheme” took …" goes on with its own verb, read elsewhere.)
    return (tokens[index - 1] as Token).text === ',' || (tokens[index + 1] as Token | undefined)?.text === ',' ? index + 1 : undefined;
  }
  return undefined;
}

/**
 * "In trade, which he views as part of a wider talk, the aim is …", "In what she called a ''rant,'' Roe
 * took …" (span.relative-as-phrase-ends): the "as" phrase of a relative clause whose pronoun stands for
 * the cue's object ends at the next comma, past a quotation closing on it; what follows is the sentence the
 * clause sits in. Returns that end, or undefined.
 */
export function relativeAsPhraseEnd(ctx: Reading, speaker: Range, cueStart: number, from: number, bodyEnd: number): number | undefined {
  if (ctx.lower(from) !== 'as' || objectRelativeBefore(ctx, speaker, cueStart) === undefined) return undefined;
  for (let index = from + 1; index < bodyEnd; index++) {
    if ((ctx.tokens[index] as Token).text !== ',') continue;
    const end = ctx.quotes.depth[index] === 0 ? index : ctx.isCloseQuote(index + 1) ? index + 2 : undefined;
    // (Only before the subject of the sentence's own clause: "as fair, modest and overdue" is a series.)
    const next = ctx.tokens[ctx.quotes.depth[index] === 0 ? index + 1 : index + 2];
    if (end !== undefined && next !== undefined && next.kind === 'word' && (next.capitalized || DETERMINERS.has(next.lower) || PRONOUNS.has(next.lower))) return end;
  }
  return undefined;
}

/** Row of config/attributions/spans.json: words after the cue that open an adjunct, so the object's place stays empty. */
const GAP_ADJUNCT_ROW = 'span.object-gap-adjunct';

/**
 * "a plan that she backed while in office", "a point Roe acknowledged to reporters", "what the mayor
 * is promising them": the object's place after the cue holds an adjunct the narrower objectPlaceEmpty
 * does not take, a clause of time or reason or a lone adverb (span.object-gap-adjunct), "to" before a
 * noun phrase, or, after a verb of telling or promising, who heard it (a pronoun or a name) and then
 * nothing or such an adjunct.
 */
function adjunctInObjectPlace(ctx: Reading, cueStart: number, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower } = ctx;
  let index = cueEnd;
  if (takesAddressee(lower(cueStart)) || lower(cueStart).startsWith('promis')) {
    const heard = index;
    if (OBJECT_PRONOUNS.has(lower(index))) index++;
    else while (index < bodyEnd && (tokens[index] as Token).capitalized && (tokens[index] as Token).kind === 'word') index++;
    if (index > heard && objectPlaceEmpty(ctx, index, bodyEnd)) return true;
  }
  const token = tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized) return false;
  if (spanWords(GAP_ADJUNCT_ROW).has(token.lower)) return true;
  if (token.lower === 'as' && namesRoleAt(ctx, ARTICLES.has(lower(index + 1)) ? index + 2 : index + 1)) return true;
  const next = tokens[index + 1];
  // ("declined to comment", "expected to win": a bare word after "to" is an infinitive, even one the lexicon files as a noun.)
  return token.lower === 'to' && next !== undefined && next.kind === 'word' && (next.capitalized || DETERMINERS.has(next.lower) || OBJECT_PRONOUNS.has(next.lower) || ctx.state.lexicon.classes(next.lower).has('person-noun'));
}

/**
 * "as a senator", "as mayor in 2010": after "as" a noun for a person or an office, ending its phrase, says in
 * what role the speaker acted, not what the object was called ("as the general election's battlegrounds").
 */
function namesRoleAt(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  const next = ctx.tokens[index + 1];
  if (token === undefined || token.kind !== 'word' || token.capitalized || !(ctx.state.speakerHeads.has(token.lower) || ctx.state.lexicon.classes(token.lower).has('person-noun'))) return false;
  return next === undefined || next.kind === 'punct' || (!next.capitalized && ctx.state.lexicon.classes(next.lower).has('preposition'));
}

/** Marks that end the relative clause after its cue ("which he denies, …", "which he backed — and …"); a bracket or a colon may open what follows the cue. */
const CLAUSE_END_PUNCTUATION: ReadonlySet<string> = new Set([',', ';', ':', '.', '!', '?', ')', '—', '–', '-']);

/** Auxiliaries that are no finite verb of their own, or a contraction glued to the word before. */
const NON_FINITE_AUXILIARIES: ReadonlySet<string> = new Set(['be', 'been', 'being', "'s", "'re"]);
/** Finite auxiliaries that may follow a relative clause as the verb of the sentence around it ("the plan the council backed was dropped"). */
const SENTENCE_VERB_AUXILIARIES: ReadonlySet<string> = new Set([...AUXILIARY_VERBS].filter((word) => !NEGATIONS.has(word) && !NON_FINITE_AUXILIARIES.has(word)));

/** Nothing after the cue could be its object: the sentence ends, punctuation follows, or an adjunct opens ("denied Thursday", "backed in 2010", "denies and …"). */
function objectPlaceEmpty(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower } = ctx;
  let index = cueEnd;
  while (index < bodyEnd && LY_ADVERB.test(lower(index))) index++;
  if (index >= bodyEnd) return true;
  const token = tokens[index] as Token;
  // "… so heated that Roe said, “…”": a quotation after the comma is what was said.
  if (token.kind === 'punct') return (CLAUSE_END_PUNCTUATION.has(token.text) || ctx.isCloseQuote(index)) && !ctx.isOpenQuote(index + 1);
  if (COMPLEMENT_OPENERS.has(token.lower)) return false;
  // "The plan the council backed was dropped": a finite auxiliary opens the verb of the sentence the clause sits in.
  if (SENTENCE_VERB_AUXILIARIES.has(token.lower) && !token.capitalized) return true;
  if (TIME_WORDS.has(token.lower) || spanWords('span.speaker-time-phrase').has(token.lower) || COORDINATORS.has(token.lower)) return true;
  // ("the senator she has accused of lying": "of" before a gerund opens the cue's own complement, no adjunct.)
  if (token.lower === 'of' && /ing$/.test(lower(index + 1))) return false;
  return !token.capitalized && (ctx.state.lexicon.classes(token.lower).has('preposition') || PLACE_AND_TIME_PREPOSITIONS.has(token.lower));
}

/** Prepositions of place and time the lexicon files as adjectives or nouns: "which he proposed under a flat rate", "what she said before the vote". */
const PLACE_AND_TIME_PREPOSITIONS: ReadonlySet<string> = new Set(['before', 'under', 'over', 'behind', 'near', 'outside', 'inside', 'above', 'below', 'beyond']);

/**
 * "The plan the council backed was dropped", "What the board backed was a new pier": an auxiliary right
 * after the cue is the verb of the sentence when the cue's object stands before its subject, as a
 * relative pronoun (span.object-relative) or the head of a relative clause without one (span.contact-relative).
 * Any other cue word before an auxiliary is a noun ("Health worries have dogged …") and reads nothing.
 */
export function readGapBeforeSentenceVerb(ctx: Reading, sentence: Sentence, bodyEnd: number, speakerEnd: number, cueStart: number, cue: CueForm): Attribution | null {
  // ("which the board estimates will cost", "what most would agree was poor": a verb taking a clause has the auxiliary open it.)
  if (cue.frame !== 'belief' || takesClause(cue, ctx.lower(cueStart))) return null;
  const speaker = readSpeakerBefore(ctx, sentence.tokenStart, speakerEnd);
  if (!speaker) return null;
  const objectGap = readObjectGap(ctx, bodyEnd, speaker, cueStart, cue);
  if (objectGap === RESTRICTIVE_OBJECT_GAP) return null;
  const read = objectGap ?? readContactRelative(ctx, sentence, bodyEnd, speaker, cueStart, cue);
  read?.ruleIds.push(SENTENCE_VERB_AFTER_GAP_ROW);
  return read;
}

/** Row of config/attributions/spans.json: the sentence's auxiliary right after a cue whose object stands before its subject. */
const SENTENCE_VERB_AFTER_GAP_ROW = 'span.sentence-verb-after-gap';

/** Verbs of an infinitive that a participle may follow in the same chain: "to be running", "to have seen", "to keep pushing". */
const CHAIN_VERBS: ReadonlySet<string> = new Set(['be', 'have', 'keep', 'get']);

/**
 * "the best friend he hoped to have", "what the mayor threatened to do", "the last thing she wants to
 * hear about": "to" right after the cue and its verb (with a participle after "be", "have", "keep" or
 * "get", and a preposition it leaves without its noun) whose object place is empty, so the object
 * stands before the speaker, as a relative pronoun or as the head of a relative clause without one
 * (span.infinitive-gap). Returns the index past the infinitive, or undefined.
 */
export function infinitiveGapEnd(ctx: Reading, to: number, bodyEnd: number, head?: number): number | undefined {
  const { tokens, lower, state } = ctx;
  if (lower(to) !== 'to') return undefined;
  if (!bareVerbAt(ctx, to + 1)) return undefined;
  const verb = tokens[to + 1] as Token;
  let end = to + 2;
  const participle = tokens[end];
  if (CHAIN_VERBS.has(verb.lower) && participle?.kind === 'word' && !participle.capitalized && /(?:ing|ed|en)$/.test(participle.lower)) end++;
  const stranded = tokens[end];
  if (stranded?.kind === 'word' && !stranded.capitalized && !COMPLEMENT_OPENERS.has(stranded.lower) && state.lexicon.classes(stranded.lower).has('preposition') && (end + 1 >= bodyEnd || (tokens[end + 1] as Token).kind === 'punct')) end++;
  // ("The boats she wants to sell are old": the verb of the sentence after the infinitive leaves its object place empty too;
  // "The things he wants to do appeal to pilots": so does a bare present form agreeing with a plural head noun.)
  if (!objectPlaceEmpty(ctx, end, bodyEnd) && !(OBJECT_STOPS.has(lower(end)) && lower(end) !== 'as') && !isFiniteVerbAt(ctx, end) && !(head !== undefined && pluralPresentAfterGap(ctx, end, head, bodyEnd))) return undefined;
  // "to register and mobilize": a second verb sharing the same object.
  if (COORDINATORS.has(lower(end)) && bareVerbAt(ctx, end + 1) && objectPlaceEmpty(ctx, end + 2, bodyEnd) && !COORDINATORS.has(lower(end + 2))) end += 2;
  return adjunctEnd(ctx, end, bodyEnd);
}

/**
 * "The things he wants to do appeal to pilots": after an infinitive whose object is the plural head noun at `head`, a bare
 * present form the lexicon files as a verb, with a word after it, is the verb of the sentence the head noun is the subject of.
 */
function pluralPresentAfterGap(ctx: Reading, index: number, head: number, bodyEnd: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || index + 1 >= bodyEnd || !endsInSingleS(ctx.lower(head))) return false;
  const word = token.lower;
  if (/(?:s|ing|ed)$/.test(word) || DETERMINERS.has(word) || PRONOUNS.has(word) || AUXILIARIES.has(word) || COORDINATORS.has(word)) return false;
  return isVerbWord(ctx, word) && (ctx.tokens[index + 1] as Token).kind === 'word';
}

/** Row of config/attributions/spans.json: verbs taking an object and an infinitive after it, whose object heads a relative clause. */
const OBJECT_INFINITIVE_ROW = 'span.object-infinitive-relative';

/**
 * "a defeat Jo Lee believes to be the worst in years", "a fight the board expects to last into May": after a verb of the
 * span.object-infinitive-relative row, "to" and a verb open an infinitive whose subject is the cue's object; the clause runs
 * to the next punctuation, clause word or verb of the sentence. Returns the index past it, or undefined.
 */
function objectInfinitiveEnd(ctx: Reading, cueStart: number, cueEnd: number, bodyEnd: number): number | undefined {
  const { tokens, lower, quotes } = ctx;
  if (cueEnd - cueStart !== 1 || !spanVerbForms(OBJECT_INFINITIVE_ROW).has(lower(cueStart)) || lower(cueEnd) !== 'to') return undefined;
  // (After "to" a lower-case word is the infinitive's verb, though the lexicon may file it otherwise: "to last".)
  const verb = tokens[cueEnd + 1];
  if (!verb || verb.kind !== 'word' || verb.capitalized || DETERMINERS.has(verb.lower) || PRONOUNS.has(verb.lower)) return undefined;
  let end = cueEnd + 2;
  while (end < bodyEnd) {
    const token = tokens[end] as Token;
    if (token.kind === 'punct' || quotes.depth[end] !== 0 || CLAUSE_WORDS.has(token.lower) || isFiniteVerbAt(ctx, end)) break;
    end++;
  }
  return end;
}

/** "hold", "tap": a lower-case word the lexicon reads as a verb, or does not know, as after "to". */
function bareVerbAt(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || DETERMINERS.has(token.lower) || PRONOUNS.has(token.lower)) return false;
  const classes = ctx.state.lexicon.classes(token.lower);
  return classes.size === 0 || classes.has('verb') || classes.has('verb-reading');
}

/** How many words an adjunct after an infinitive's gap may run: "on the harbour board's agenda in May". */
const MAX_GAP_ADJUNCT_TOKENS = 10;

/**
 * "the changes she hopes to see on the harbour board's agenda in May": a phrase that a preposition opens
 * right after the gap says where or how the act would be done, and belongs to the clause; it ends at
 * punctuation, a clause word or a finite verb ("… in May walked out").
 */
function adjunctEnd(ctx: Reading, from: number, bodyEnd: number): number {
  const { tokens, lower, state } = ctx;
  const first = tokens[from];
  if (!first || first.kind !== 'word' || first.capitalized || COMPLEMENT_OPENERS.has(first.lower) || OBJECT_STOPS.has(first.lower) || !state.lexicon.classes(first.lower).has('preposition')) return from;
  let end = from + 1;
  while (end < bodyEnd && end - from < MAX_GAP_ADJUNCT_TOKENS) {
    const token = tokens[end] as Token;
    if ((token.kind !== 'word' && token.kind !== 'number') || CLAUSE_WORDS.has(token.lower) || AUXILIARIES.has(token.lower) || isFiniteVerbAt(ctx, end) || ctx.quotes.depth[end] !== 0) break;
    end++;
  }
  return end >= bodyEnd || (tokens[end] as Token).kind === 'punct' || CLAUSE_WORDS.has(lower(end)) || isFiniteVerbAt(ctx, end) ? end : from;
}

/** Subject pronouns that open a relative clause without a relative pronoun: "a plan she once backed". */
const CONTACT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it']);
/** Words that open the head noun phrase, or a subject phrase, of such a clause: "the plan the mayor backed". */
const PHRASE_DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'some', 'any', 'every', 'no', 'each', 'another', 'many', 'several', 'few', 'all', 'most', 'both']);
/** How many words the head noun phrase may run back from its noun: "the kind of island coming-of-age story". */
const MAX_HEAD_PHRASE_TOKENS = 8;

/**
 * "a plan she once backed", "everything they promised", "the plan Congress backed": a noun
 * phrase followed straight by a subject and a cue with nothing after it that could be its object is
 * a relative clause without its pronoun (span.contact-relative); the noun phrase is what the cue
 * reports. The speaker phrase read back from the cue holds both, or only the subject.
 */
export function readContactRelative(ctx: Reading, sentence: Sentence, bodyEnd: number, speaker: Range, cueStart: number, cue: CueForm): Attribution | null {
  const { lower, spanOf } = ctx;
  const verb = lower(cueStart);
  if (verb.endsWith('ing') || lower(cueStart - 1) === 'to' || cue.complement === 'linked' || cue.frame === 'question') return null;
  const cueEnd = cueStart + cue.words.length;
  // ("columns he wrote while a student": a subordinator opens an adjunct; "as" may open the cue's own phrase, "the plan he regards as …".)
  // "the best friend he hoped to have": an infinitive without its object leaves the same gap, and the clause up to it is what was held.
  const plainSubject = contactSubjectStart(ctx, sentence, speaker);
  // "was the best friend Jo Lee hoped to have": an infinitive missing its object lets a head noun that could itself speak, or one
  // the lexicon does not file, head the clause (span.gap-after-object-head), once a verb before the phrase shows it is no subject.
  const headBeforeGap = plainSubject === undefined && infinitiveGapEnd(ctx, cueEnd, bodyEnd) !== undefined ? contactSubjectStart(ctx, sentence, speaker, false, true) : undefined;
  const subject = plainSubject ?? headBeforeGap;
  // "a defeat Jo Lee believes to be the worst in years": a verb taking an object and an infinitive has its object before the subject.
  const filledGap = infinitiveGapEnd(ctx, cueEnd, bodyEnd, subject === undefined ? undefined : subject - 1);
  const raisedEnd = filledGap === undefined ? objectInfinitiveEnd(ctx, cueStart, cueEnd, bodyEnd) : undefined;
  const infinitiveGap = filledGap ?? raisedEnd;
  const filled = infinitiveGap === undefined && !objectPlaceEmpty(ctx, cueEnd, bodyEnd) && !(OBJECT_STOPS.has(lower(cueEnd)) && lower(cueEnd) !== 'as');
  const adjunct = filled && adjunctInObjectPlace(ctx, cueStart, cueEnd, bodyEnd);
  if (filled && !adjunct) return null;
  // "the latest commission reports", "the talk shows": a present form with no auxiliary before it, after a phrase that is no pronoun, is the noun closing that phrase.
  // ("the plan the mayor wants to keep": a form taking an infinitive is a verb.)
  const tensed = PAST_FORM.test(verb) || IRREGULAR_PAST.test(verb) || AUXILIARIES.has(lower(cueStart - 1)) || CONTACT_PRONOUNS.has(lower(speaker.end - 1)) || infinitiveGap !== undefined;
  if (!tensed || subject === undefined) return null;
  const head = subject - 1;
  const phraseStart = headPhraseStart(ctx, sentence, head, ctx.tokens[subject] as Token);
  if (phraseStart === undefined) return null;
  if (namesTimeOrManner(ctx, head)) {
    ctx.rejected.push({ ...(spanOf(phraseStart, cueEnd) as Span), layer: 'attribution', reason: 'a relative clause of time, manner or reason: the noun says when or how, not what was said', ruleId: 'span.contact-relative-not-object' });
    return null;
  }
  // "…, the news site Harbour Daily reported.": after a comma a speech cue ending the sentence reports the clause before; a noun
  // phrase opened by "the" before a name there is the name's apposition ("a word Roe then repeated" still sums up that clause).
  if (cue.frame === 'speech' && lower(phraseStart) === 'the' && (ctx.tokens[subject] as Token).capitalized && ctx.tokens[phraseStart - 1]?.text === ',') return null;
  // "told reporters she agreed", "warned voters they would lose": after a verb of speaking the noun phrase is who heard it and a clause follows.
  const governor = lower(phraseStart - 1);
  if (takesAddressee(governor) || (ctx.state.cues.get(governor) ?? []).some((form) => form.frame === 'speech' && form.words.length === 1)) return null;
  // "In a statement the mayor objected": a phrase opening the sentence after its preposition says where or how; the subject follows it.
  if (phraseStart - 1 === sentence.tokenStart && ctx.state.lexicon.classes(governor).has('preposition')) return null;
  // "Regardless of the cost the line wants to sail …": with no verb before the phrase and none after the infinitive, the phrase
  // belongs to an opening adjunct and the subject's clause is the main one, not a relative clause.
  if (infinitiveGap !== undefined && !hasVerbWordBetween(ctx, sentence.tokenStart, phraseStart) && !isFiniteVerbAt(ctx, infinitiveGap) && !pluralPresentAfterGap(ctx, infinitiveGap, head, bodyEnd)) return null;
  // ("His friend Jo Lee hoped to win": a phrase that could speak, with no verb before it, is the sentence's subject.)
  if (headBeforeGap !== undefined && (filledGap === undefined || !hasVerbWordBetween(ctx, sentence.tokenStart, phraseStart))) return null;
  const content = spanOf(phraseStart, infinitiveGap ?? subject) as Span;
  return buildAttribution(ctx, spanOf(subject, speaker.end), spanOf(cueStart, cueEnd) as Span, content, cue.ruleId, subject, ['attribution.contact-relative', 'span.contact-relative', ...(filledGap === undefined ? [] : ['span.infinitive-gap']), ...(raisedEnd === undefined ? [] : [OBJECT_INFINITIVE_ROW]), ...(adjunct ? [GAP_ADJUNCT_ROW] : []), ...(headBeforeGap === undefined ? [] : [HEAD_BEFORE_GAP_ROW])]);
}

/** Row of config/attributions/spans.json: a head noun that could speak, or one the lexicon does not file, before an infinitive's gap. */
const HEAD_BEFORE_GAP_ROW = 'span.gap-after-object-head';

/**
 * "on a topic she", "not quite the lesson they": the longest phrase ending at `end` that could speak, when
 * the phrase read back from the cue also took in the word before the head noun (a preposition, "not").
 */
export function longestSpeakerEndingAt(ctx: Reading, sentence: Sentence, end: number): Range | undefined {
  let start = end - 1;
  if (start < sentence.tokenStart || !validSpeaker(ctx, start, end)) return undefined;
  while (start - 1 >= sentence.tokenStart && end - start < MAX_HEAD_PHRASE_TOKENS && validSpeaker(ctx, start - 1, end)) start--;
  return { start, end };
}

/** Where the subject of a relative clause without its pronoun starts inside (or at the start of) the speaker phrase read before the cue. */
function contactSubjectStart(ctx: Reading, sentence: Sentence, speaker: Range, verbAfterCue = false, gapAfterCue = false): number | undefined {
  const { tokens, lower, state } = ctx;
  // From the cue back: the subject is the last phrase ("translating the purchases Mr. Roe requested" has its subject in "Mr. Roe").
  for (let index = speaker.end - 1; index >= Math.max(speaker.start, sentence.tokenStart + 1); index--) {
    const token = tokens[index] as Token;
    const before = tokens[index - 1] as Token;
    if (before.kind !== 'word' || before.capitalized || !headNounWord(ctx, index - 1)) continue;
    const opens = CONTACT_PRONOUNS.has(token.lower) && index === speaker.end - 1
      // "the plan Congress backed": a name after a common noun that is no title ("president Bill Clinton" is one phrase).
      // (The common noun must be one: "the nonpartisan Budget Office" is one name with its adjective.)
      // ("the candidates Jo Lee named": a plural noun for people is no title of the name after it.)
      || (token.capitalized && (gapAfterCue || (!state.speakerHeads.has(before.lower) && !state.lexicon.classes(before.lower).has('person-noun')) || endsInSingleS(before.lower)) && !state.lexicon.classes(token.lower).has('date-word') && !TIME_WORDS.has(token.lower)
        && (endsInSingleS(before.lower) || (isNounWord(ctx, before.lower) && !state.lexicon.classes(before.lower).has('adjective'))
          || (gapAfterCue && (ARTICLES.has(ctx.lower(index - 2)) || state.speakerHeads.has(before.lower) || state.lexicon.classes(before.lower).has('person-noun')) && !state.lexicon.classes(before.lower).has('adjective'))
          // ("a change Jo Lee said could …", "something Jo Lee argues is …": with the clause's verb after the cue, a word after an
          // article is a noun the lexicon may not file, and a word of the span.contact-relative row is a noun standing alone.)
          || (verbAfterCue && ((ARTICLES.has(ctx.lower(index - 2)) && !state.lexicon.classes(before.lower).has('adjective')) || spanWords('span.contact-relative').has(before.lower)))))
      || (PHRASE_DETERMINERS.has(token.lower) && index < speaker.end - 1);
    if (opens && validSpeaker(ctx, index, speaker.end)) return index;
  }
  return undefined;
}

/** "the day she announced", "the way he said": a head of time, manner or reason says when or how, not what was said. */
function namesTimeOrManner(ctx: Reading, head: number): boolean {
  const word = ctx.lower(head);
  return spanWords('span.contact-relative-not-object').has(word) || TIME_WORDS.has(word);
}

/** A word that can end a noun phrase: no pronoun, determiner, preposition, auxiliary, adverb or clause word. */
function headNounWord(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index] as Token;
  if (token.kind !== 'word' || POSSESSIVE_MARKS.has(token.lower)) return false;
  const word = token.lower;
  if (PRONOUNS.has(word) || OBJECT_PRONOUNS.has(word) || DETERMINERS.has(word) || AUXILIARIES.has(word) || CLAUSE_WORDS.has(word) || SPEAKER_STARTS_NOT.has(word) || LY_ADVERB.test(word)) return false;
  // "however you want", "to wherever you wish": a free relative word; "translating the plan": a gerund before its object ("the ruling" is a noun).
  if (/^(?:how|what|wher|when|who|which)ever$/.test(word) || (word.endsWith('ing') && !isNounWord(ctx, word) && !isModifierPosition(ctx, index - 1))) return false;
  const classes = ctx.state.lexicon.classes(word);
  if (classes.has('preposition') || classes.has('pronoun')) return false;
  // ("the plan", "an approach": a word the lexicon files as a verb is a noun after a determiner or an adjective.)
  return !(isVerbWord(ctx, word) && !isNounWord(ctx, word) && !isModifierPosition(ctx, index - 1));
}

/**
 * Where the noun phrase ending at `head` starts: at its determiner ("the only country"), its own
 * word for a head of the span.contact-relative row ("everything"), or, for a bare plural, right after
 * the verb or preposition that takes it ("found old letters", "listen to words"). Undefined when
 * the phrase has none of these.
 */
function headPhraseStart(ctx: Reading, sentence: Sentence, head: number, subjectFirst: Token): number | undefined {
  const { tokens, lower, state } = ctx;
  if (spanWords('span.contact-relative').has(lower(head))) return subjectFirst.capitalized || CONTACT_PRONOUNS.has(subjectFirst.lower) || PHRASE_DETERMINERS.has(subjectFirst.lower) ? head : undefined;
  let start = head;
  while (start > sentence.tokenStart && head - start < MAX_HEAD_PHRASE_TOKENS) {
    const token = tokens[start - 1] as Token;
    // ("the most loyal fan": a superlative's "most" takes the article before it.)
    if (PHRASE_DETERMINERS.has(token.lower)) return token.lower === 'most' && (lower(start - 2) === 'the' || lower(start - 2) === 'a') ? start - 2 : start - 1;
    // "Clinton's fund-raising", "22.3 billion gallons", "the kind of contest".
    if (POSSESSIVE_MARKS.has(token.lower) || token.kind === 'number' || (token.lower === 'of' && start - 2 > sentence.tokenStart && headNounWord(ctx, start - 2))) {
      start--;
      continue;
    }
    if (token.kind !== 'word' || COORDINATORS.has(token.lower) || CLAUSE_WORDS.has(token.lower) || AUXILIARY_VERBS.has(token.lower) || PRONOUNS.has(token.lower)) break;
    const classes = state.lexicon.classes(token.lower);
    if (classes.has('preposition')) break;
    // "found old letters": a past form or a verb after no determiner or adjective is the verb taking the phrase ("the sort of …" is a noun).
    if (!token.capitalized && (PAST_FORM.test(token.lower) || (isVerbWord(ctx, token.lower) && !isNounWord(ctx, token.lower) && !classes.has('adjective'))) && !isModifierPosition(ctx, start - 2)) break;
    start--;
  }
  // A bare plural taken by the verb or preposition before it: "found old letters Roe wrote", "listen to words he repeats".
  if (!endsInSingleS(lower(head)) || start === sentence.tokenStart) return undefined;
  const taker = tokens[start - 1] as Token;
  const takerClasses = state.lexicon.classes(taker.lower);
  return taker.kind === 'word' && !taker.capitalized && (takerClasses.has('preposition') || PASSIVE_MARKERS.has(taker.lower) || PAST_FORM.test(taker.lower) || isVerbWord(ctx, taker.lower)) ? start : undefined;
}

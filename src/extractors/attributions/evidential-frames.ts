/** Evidence and appearance frames: "a study found that …", "polls showing …", "the plan seems …", "the report, which shows …". */
import { spanWords } from './span-rules.js';
import type { Sentence, Token } from '../text/tokens.js';
import type { Attribution, Span } from '../../model/claim.js';
import { ADJECTIVE_ENDINGS, AUXILIARIES, AUXILIARY_VERBS, PAST_FORM, PRONOUNS, RELATIVE_SUBJECTS, CLAUSE_WORDS, COORDINATORS, EVIDENTIAL_COMPLEMENTS, TIME_LEADERS } from './word-lists.js';
import { readSpeakerBefore, speakerHasHead, hedgesCue } from './speaker-spans.js';
import { isFiniteVerbAt } from './clause-boundaries.js';
import { contentAfter } from './content-spans.js';
import { isAdjectiveAt, isNounWord } from './word-tests.js';
import { tokenIndexEndingAt, nextCommaOrEnd } from './reading.js';
import { passiveAuxiliaryBefore } from './cue-matching.js';
import { isPronounWithBe } from './word-tests.js';
import { buildAttribution } from './relation-assembly.js';
import { readPassiveWithAgent } from './passive-agents.js';
import { documentBeforeRelative } from './document-subjects.js';
import type { CueForm } from './engine.js';
import { isPassiveComplement } from './rules.js';
import type { Reading } from './reading.js';

/**
 * "Voters seem tired of the race", "The vote is widely expected to fail": no speaker; the content
 * is the clause around the cue. A passive participle with its agent ("is expected by analysts to")
 * is read with the agent as speaker instead.
 */
export function readEvidential(ctx: Reading, sentenceIndex: number, sentence: Sentence, bodyEnd: number, participleStart: number, cueEnd: number, participleSpan: Span, cue: CueForm): Attribution | null {
  const { tokens, lower, isOpenQuote, isCloseQuote, spanOf } = ctx;
  let cueStart = participleStart;
  let cueSpan = participleSpan;
  if (isPassiveComplement(cue.complement)) {
    const agent = readPassiveWithAgent(ctx, sentenceIndex, sentence, bodyEnd, participleStart, cue);
    if (agent) return agent;
    // The cue is the whole verb group, from its "be" ("is not expected"); a "be" written into its pronoun ("they're") stays with the subject.
    const auxiliary = passiveAuxiliaryBefore(ctx, participleStart);
    cueStart = auxiliary !== undefined && !isPronounWithBe(lower(auxiliary)) ? auxiliary : participleStart;
    cueSpan = spanOf(cueStart, cueEnd) as Span;
  }
  const next = tokens[cueEnd];
  const lastWord = cue.words[cue.words.length - 1] as string;
  // A listed particle is the complement's start ("is known for", "was accused of", "is seen as").
  const particle = lastWord === 'as' || (isPassiveComplement(cue.complement) && cue.words.length > 1);
  // "seems not to have found", "appeared not ready": a negation before the complement.
  const complementAt = next?.lower === 'not' ? cueEnd + 1 : cueEnd;
  const complementWord = tokens[complementAt];
  // "The closure was announced.": a passive of saying needs nothing after it.
  const complement = cue.complement === 'passive-alone' || (complementWord !== undefined && complementAt < bodyEnd && (particle || EVIDENTIAL_COMPLEMENTS.has(complementWord.lower) || isPredicativeAt(ctx, complementAt)));
  if (!complement) return null;
  // "Roe seemed to mock …": the appearance hedges a cue of its own, whose subject speaks; that cue is read instead.
  if (hedgesCue(ctx, cueStart, cueEnd)) return null;
  let start = cueStart;
  while (start > sentence.tokenStart) {
    // "The economy, until recently, seemed …", "Most of that dredging, though, looks …": an insert between the subject and the verb.
    if (start === cueStart) {
      const insertStart = insertBeforeVerb(ctx, sentence, cueStart);
      if (insertStart !== undefined) {
        start = insertStart;
        continue;
      }
    }
    const token = tokens[start - 1] as Token;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== "'" && token.text !== '&' && token.text !== '-' && !isOpenQuote(start - 1) && !isCloseQuote(start - 1)) break;
    if (CLAUSE_WORDS.has(token.lower) && !COORDINATORS.has(token.lower)) break;
    start--;
  }
  while (start < cueStart && COORDINATORS.has(lower(start))) start++;
  // "a tournament, which is expected to draw …": the relative pronoun is the subject the content keeps.
  const relative = start === cueStart && RELATIVE_SUBJECTS.has(lower(cueStart - 1));
  if (relative) start = cueStart - 1;
  if (start === cueStart) return null;
  // A relative clause set off by a comma ends at the next one: ", who was declared the winner, now …".
  const clauseEnd = relative && (tokens[cueStart - 2] as Token | undefined)?.text === ',' ? nextCommaOrEnd(ctx, cueEnd, bodyEnd) : bodyEnd;
  // "The closure was announced on Monday": what was made public is the subject; the time, place or manner after the verb is the writer's.
  const disclosedEnd = relative ? undefined : disclosedSubjectEnd(ctx, start, cueStart, cueEnd, clauseEnd, cue);
  if (disclosedEnd !== undefined) return buildAttribution(ctx, null, cueSpan, spanOf(start, disclosedEnd) as Span, cue.ruleId, cueStart, ['attribution.evidential', 'span.disclosed-subject']);
  const after = contentAfter(ctx, sentenceIndex, clauseEnd, cueStart, cueEnd, cue);
  const content = spanOf(start, after ? tokenIndexEndingAt(ctx, after.end, clauseEnd) : clauseEnd);
  if (!content) return null;
  return buildAttribution(ctx, null, cueSpan, content, cue.ruleId, cueStart, ['attribution.evidential']);
}

/** Words after a passive of disclosing that carry what was made public on: "announced as the winner", "reported to be", "revealed that …". */
const DISCLOSED_COMPLEMENTS: ReadonlySet<string> = new Set(['as', 'to', 'that', 'like']);

/**
 * "The closure was announced on Monday", "No figures have been disclosed, though …": a passive of
 * disclosing (span.disclosed-subject) followed by nothing, a mark or an adjunct reports its subject
 * alone, so the content ends before the verb group; not with a complement after it ("was announced
 * the winner", "was revealed as …", "was reported in May that …").
 */
function disclosedSubjectEnd(ctx: Reading, start: number, cueStart: number, cueEnd: number, clauseEnd: number, cue: CueForm): number | undefined {
  const { tokens, lower } = ctx;
  if (cue.complement !== 'passive-alone' || !spanWords('span.disclosed-subject').has(lower(cueEnd - 1))) return undefined;
  const next = tokens[cueEnd];
  if (cueEnd < clauseEnd && next !== undefined) {
    const adjunct = next.kind === 'punct' ? next.text !== ':' && !ctx.isOpenQuote(cueEnd) : !next.capitalized && !DISCLOSED_COMPLEMENTS.has(next.lower) && (ctx.state.lexicon.classes(next.lower).has('preposition') || TIME_LEADERS.has(next.lower) || /ly$/.test(next.lower));
    if (!adjunct || thatAfterAdjunct(ctx, cueEnd, clauseEnd)) return undefined;
  }
  // ("… have barely been mentioned", "the club -- was not disclosed": the verb group and a mark before it go with the cue.)
  let end = cueStart;
  while (end > start + 1 && (AUXILIARIES.has(lower(end - 1)) || /ly$/.test(lower(end - 1)) || (tokens[end - 1] as Token).kind === 'punct')) end--;
  // ("has been confirmed since …": with no subject before the verb group there is nothing to report.)
  return end > start && !AUXILIARIES.has(lower(start)) ? end : undefined;
}

/** Longest adjunct between a verb of finding and its "that": "found in a 2014 study that". */
const MAX_FINDING_ADJUNCT_TOKENS = 4;

/** "found that …", "found in 2014 that …", "found last year that …": "that" right after the verb or after a short adjunct of time or place. */
export function thatAfterAdjunct(ctx: Reading, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower } = ctx;
  if (lower(cueEnd) === 'that') return true;
  if (!ctx.state.lexicon.classes(lower(cueEnd)).has('preposition') && !TIME_LEADERS.has(lower(cueEnd))) return false;
  for (let index = cueEnd + 1; index < bodyEnd && index - cueEnd <= MAX_FINDING_ADJUNCT_TOKENS; index++) {
    const token = tokens[index] as Token;
    if (token.lower === 'that') return index > cueEnd + 1;
    if (token.kind === 'punct' || AUXILIARY_VERBS.has(token.lower) || isFiniteVerbAt(ctx, index)) return false;
  }
  return false;
}

/** Longest insert set off by commas between a subject and its verb of appearance: "headed by Justin Trudeau". */
const MAX_INSERT_TOKENS = 8;

/**
 * Where an insert set off by commas right before the verb at `cueStart` opens (its first comma):
 * "The economy, until recently, seemed …", "Democrats, too, appeared …", "The spending, though appears …".
 * Not a clause of its own ("…, he said, seemed") nor a relative clause, which reports for itself.
 */
function insertBeforeVerb(ctx: Reading, sentence: Sentence, cueStart: number): number | undefined {
  const { tokens, lower } = ctx;
  const close = cueStart - 1;
  // "…, though appears": a connective after the comma, without its closing comma.
  if ((tokens[close] as Token | undefined)?.text !== ',') return spanWords('span.speaker-aside').has(lower(close)) && tokens[close - 1]?.text === ',' && close - 1 > sentence.tokenStart ? close - 1 : undefined;
  for (let index = close - 1; index > sentence.tokenStart && close - index <= MAX_INSERT_TOKENS; index--) {
    const token = tokens[index] as Token;
    if (token.text === ',') return index === close - 1 || ctx.quotes.depth[index] !== 0 ? undefined : index;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== '-') break;
    if (AUXILIARY_VERBS.has(token.lower) || RELATIVE_SUBJECTS.has(token.lower) || PRONOUNS.has(token.lower) || ctx.state.cues.has(token.lower)) break;
  }
  return setOffPhraseStart(ctx, sentence, close);
}

/** Longest phrase about the subject set off by commas before its verb of appearance: "which has held fares flat since the storm". */
const MAX_SET_OFF_TOKENS = 30;
/** Words that open such a phrase: a relative clause ("which …", "whose …"), an apposition ("a regular at the quay"), a contrast ("not the pilots"). */
const SET_OFF_OPENERS: ReadonlySet<string> = new Set(['which', 'who', 'whose', 'a', 'an', 'the', 'not', 'including']);
/** Words after a participle that open its phrase: "headed by", "purported to be", "founded in 1980". */
const PARTICIPLE_PHRASE_OPENERS: ReadonlySet<string> = new Set(['by', 'to', 'in', 'as', 'with', 'for']);

/**
 * "The board, which has held fares flat since 2008, is expected …", "Roe, the likely nominee and an
 * ally of the pilots, is not expected …", "The figures, purported to come from a harbour bureau, appear …":
 * a longer phrase about the subject, set off by commas and opened by a relative pronoun, an article or a
 * participle, stands between the subject and its verb. Where its first comma is, or undefined.
 */
function setOffPhraseStart(ctx: Reading, sentence: Sentence, close: number): number | undefined {
  const { tokens } = ctx;
  for (let index = close - 1; index > sentence.tokenStart && close - index <= MAX_SET_OFF_TOKENS; index--) {
    const token = tokens[index] as Token;
    if (ctx.quotes.depth[index] !== 0 || ctx.isOpenQuote(index) || ctx.isCloseQuote(index)) return undefined;
    if (token.text === ',') {
      const opener = tokens[index + 1] as Token;
      const subjectEnd = tokens[index - 1] as Token;
      const participle = !opener.capitalized && PAST_FORM.test(opener.lower) && PARTICIPLE_PHRASE_OPENERS.has(ctx.lower(index + 2));
      return index < close - 2 && subjectEnd.kind === 'word' && !PRONOUNS.has(subjectEnd.lower) && (SET_OFF_OPENERS.has(opener.lower) || participle) ? index : undefined;
    }
    if (token.kind === 'punct' && token.text !== '.' && token.text !== '-' && token.text !== "'" && token.text !== '&') return undefined;
  }
  return undefined;
}

/** Comparatives and degree words that open a predicate after "seems" or "appears": "seems more like", "appeared far less sure". */
const PREDICATIVE_OPENERS = new Set(['like', 'more', 'less', 'increasingly', 'so', 'too', 'very', 'pretty', 'rather', 'quite', 'fairly', 'far', 'much', 'even', 'almost', 'nothing', 'somewhat', 'slightly', 'intent', 'headed', 'bound']);
/**
 * Words after a verb of appearance that are adverbs or particles, not its predicate: "appeared on", "appeared again";
 * "appear together", "appeared alongside the mayor", "appeared live" say where or with whom someone showed up.
 */
const NOT_PREDICATIVE = new Set(['back', 'ahead', 'forward', 'up', 'down', 'out', 'off', 'over', 'around', 'away', 'in', 'on', 'at', 'into', 'for', 'after', 'through', 'about', 'here', 'there', 'again', 'often', 'when', 'then', 'together', 'alongside', 'onstage', 'live', 'nearby', 'onscreen']);

/**
 * What a verb of appearance links its subject to: an adjective ("seemed questionable", "was
 * deemed unsafe"), a participle ("appeared choreographed", "seems fixated"), "like" or a
 * comparative ("seemed more presidential"), also after an adverb ("seems increasingly dubious").
 */
function isPredicativeAt(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || NOT_PREDICATIVE.has(token.lower)) return false;
  if (PREDICATIVE_OPENERS.has(token.lower) || isAdjectiveAt(ctx, index) || ADJECTIVE_ENDINGS.test(token.lower)) return true;
  // A word the lexicon does not know is most often an adjective it lacks ("unsafe", "shaky").
  if (ctx.state.lexicon.classes(token.lower).size === 0 && !/ly$/.test(token.lower)) return true;
  // A participle: "doomed", "rattled", "stuck" (a verb form that is no noun).
  if (/(?:ed|en)$/.test(token.lower) && !isNounWord(ctx, token.lower)) return true;
  if (token.lower === 'stuck' || token.lower === 'poised') return true;
  return /ly$/.test(token.lower) && index + 1 < ctx.tokens.length && isPredicativeAt(ctx, index + 1);
}

/** Relative pronouns that stand for a document before a finding cue. */
export const DOCUMENT_RELATIVES = new Set(['that', 'which']);

/**
 * "according to a fresh survey that finds more riders …", "the filings, which showed …": the finding
 * of the document the relative pronoun stands for, which is the speaker. A restrictive clause
 * inside the sentence's subject ("The polls that show Roe ahead have …") is left alone: where its
 * content ends and the sentence's own predicate begins cannot be told from the words alone.
 */
export function readRelativeFinding(ctx: Reading, sentenceIndex: number, sentence: Sentence, bodyEnd: number, relative: number, cueStart: number, cueSpan: Span, cue: CueForm): Attribution | null {
  const { tokens, spanOf } = ctx;
  const setOff = (tokens[relative - 1] as Token | undefined)?.text === ',';
  const headEnd = setOff ? relative - 1 : relative;
  if (headEnd <= sentence.tokenStart) return null;
  const read = readSpeakerBefore(ctx, sentence.tokenStart, headEnd);
  // "according to a fresh survey that finds …", "surveys by the Harbour Institute that showed …": the document with what stands between it and the relative.
  const document = read && read.end === headEnd && speakerHasHead(ctx, read, 'speaker.document') ? read : setOff ? undefined : documentBeforeRelative(ctx, sentence.tokenStart, relative);
  if (!document) return null;
  if (!setOff && document.start === sentence.tokenStart) return null;
  const cueEnd = cueStart + cue.words.length;
  const clauseEnd = setOff ? nextCommaOrEnd(ctx, cueEnd, bodyEnd) : bodyEnd;
  const content = contentAfter(ctx, sentenceIndex, clauseEnd, cueStart, cueEnd, cue);
  if (!content) return null;
  return buildAttribution(ctx, spanOf(document.start, document.end), cueSpan, content, cue.ruleId, document.start, ['attribution.relative-document']);
}

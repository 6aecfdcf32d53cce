import type { Attribution, Span } from '../../model/claim.js';
import type { Sentence, Token } from '../text/tokens.js';
import type { CueForm } from './engine.js';
import type { Reading } from './reading.js';
import { contentAfter } from './content-spans.js';
import { opensInfinitive } from './noun-cues.js';
import { buildAttribution } from './relation-assembly.js';
import { nextCommaOrEnd } from './reading.js';
import { readSpeakerBefore, type SpeakerRange } from './speaker-spans.js';
import { closesTitleWithComma, readAppositiveSpeaker } from './appositive-speakers.js';
import { CLAUSE_OPENERS, CLAUSE_WORDS, CUE_ADVERBS, DETERMINERS, NEGATED_BE, PRONOUNS, RELATIVE_SPEAKERS } from './word-lists.js';
import { startsClause } from './clause-boundaries.js';

/**
 * "Voters are skeptical of the plan", "the mayor has been critical of the board", "she was
 * confident that the bill would pass": an adjective of attitude after a linking verb gives its
 * subject's view. The adjective (with its preposition) is the cue, the subject before the linking
 * verb the speaker, and the object or clause after it the content.
 */

/** Verbs that link a subject to an adjective of attitude. */
const LINKING_VERBS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'am', 'be', 'been', 'being', "'s", "'re", "'m", ...NEGATED_BE, 'remain', 'remains', 'remained', 'seem', 'seems', 'seemed', 'appear', 'appears', 'appeared', 'become', 'becomes', 'became', 'grew', 'grow', 'grows', 'stay', 'stays', 'stayed']);
/** Degree and negation words that may stand between the linking verb and the adjective. */
const DEGREE_WORDS: ReadonlySet<string> = new Set(['not', "n't", 'very', 'so', 'too', 'more', 'less', 'most', 'least', 'also', 'still', 'quite', 'rather', 'somewhat', 'far', 'much', 'even', 'all', 'both', 'now', 'long', 'no', 'well', 'almost']);
/** Auxiliaries and time adverbs before the linking verb ("has long been", "may have been"), which are not the subject. */
const BEFORE_LINKING: ReadonlySet<string> = new Set(['has', 'have', 'had', 'will', 'would', 'may', 'might', 'could', 'should', 'must', 'can', 'not', "n't", 'also', 'long', 'always', 'never', "hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "doesn't", "don't", "didn't"]);

/** The linking verb before the adjective at `position`, past degree words and adverbs, or -1. */
function linkingVerbBefore(ctx: Reading, position: number): number {
  let probe = position - 1;
  while (probe >= ctx.currentSentenceStart && position - probe <= 4) {
    const word = ctx.lower(probe);
    if (LINKING_VERBS.has(word)) return probe;
    // "is allegedly unhappy with": hearsay reports what others say of the subject, not the subject's view.
    if (ctx.state.cues.get(word)?.some((option) => option.frame === 'hearsay')) return -1;
    if (!DEGREE_WORDS.has(word) && !CUE_ADVERBS.has(word) && !/ly$/.test(word)) return -1;
    probe--;
  }
  return -1;
}

/** Articles that open an agent noun of stance: "is a fierce critic of", "Roe, an early backer of", "is no fan of". */
const AGENT_ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'no']);
/** How many modifiers may stand between the article and the agent noun: "a former and fierce critic of". */
const MAX_AGENT_MODIFIERS = 3;

/**
 * "is a fierce critic of", "Roe, a longtime supporter of": a linked-row word that is no adjective
 * (an agent noun) with its article after a linking verb, or after a comma that sets it beside a name.
 * Returns the linking verb or the comma, or -1.
 */
function agentNounLink(ctx: Reading, position: number): number {
  if (ctx.state.lexicon.classes(ctx.lower(position)).has('adjective')) return -1;
  let article = position - 1;
  while (article > ctx.currentSentenceStart && position - article <= MAX_AGENT_MODIFIERS && !AGENT_ARTICLES.has(ctx.lower(article))) {
    const token = ctx.tokens[article] as Token;
    if (token.kind !== 'word' || CLAUSE_WORDS.has(token.lower)) return -1;
    article--;
  }
  if (!AGENT_ARTICLES.has(ctx.lower(article)) || article <= ctx.currentSentenceStart) return -1;
  return ctx.tokens[article - 1]?.text === ',' ? article - 1 : linkingVerbBefore(ctx, article);
}

/** The linking verb, or the comma of an apposition, that gives the attitude at `position` to a subject, or -1. */
function linkBefore(ctx: Reading, position: number): number {
  const linking = linkingVerbBefore(ctx, position);
  return linking === -1 ? agentNounLink(ctx, position) : linking;
}

/** "they've", "we're", "she'll": a personal pronoun carrying its verb, which opens a clause. */
function pronounWithContractedVerb(word: string): boolean {
  const host = /^(.+)'(?:ve|re|ll|m|d)$/.exec(word)?.[1];
  return host !== undefined && PRONOUNS.has(host) && host !== 'it';
}

/** An attitude adjective form at `position`: right after a linking verb, with its preposition, or (a bare adjective) before "that", a clause or a "to" infinitive. */
export function matchAttitudeAdjective(ctx: Reading, position: number, end: number, options: readonly CueForm[]): CueForm | undefined {
  if (linkBefore(ctx, position) === -1) return undefined;
  for (const option of options) {
    if (option.complement !== 'linked' || position + option.words.length > end) continue;
    if (!option.words.every((word, offset) => ctx.lower(position + offset) === word)) continue;
    const after = position + option.words.length;
    if (option.words.length > 1) return option;
    const next = ctx.lower(after);
    if (next === 'that' || (CLAUSE_OPENERS.has(next) && next !== 'it') || (PRONOUNS.has(next) && next !== 'it') || (next === 'to' && opensInfinitive(ctx, after + 1))) return option;
    // "sure they've cracked it", "convinced the pier will reopen": a clause with its own subject and verb, without "that".
    if (pronounWithContractedVerb(next) || (DETERMINERS.has(next) && startsClause(ctx, after, end))) return option;
  }
  return undefined;
}

export function readAttitudeAdjective(ctx: Reading, sentenceIndex: number, sentence: Sentence, bodyEnd: number, cueStart: number, cueSpan: Span, cue: CueForm): Attribution | null {
  const linking = linkBefore(ctx, cueStart);
  if (linking === -1) return null;
  // "Sen. Jo Roe (D-Ore.), a critic of the levy,": the name before the comma is the subject.
  const apposition = (ctx.tokens[linking] as Token).text === ',';
  let left = linking - 1;
  // "has been", "will be", "may have been": auxiliaries before the linking verb are not the subject.
  if (!apposition) for (let word = ctx.lower(left); left >= sentence.tokenStart && (LINKING_VERBS.has(word) || BEFORE_LINKING.has(word) || /ly$/.test(word)); word = ctx.lower(--left));
  // ("Jo Roe, 33, a supporter of …": an age before the comma is no subject.)
  if (left < sentence.tokenStart || (ctx.tokens[left] as Token).kind === 'number') return null;
  const cueEnd = cueStart + cue.words.length;
  const subject = apposition ? undefined : subjectOfLinkingVerb(ctx, sentence, left, cueEnd, bodyEnd);
  const speaker = apposition ? readSpeakerBefore(ctx, sentence.tokenStart, left + 1) : subject;
  if (!speaker || speaker.end !== left + 1) return null;
  // The apposition closes at its next comma: "Roe, a critic of the levy, spoke first"; without one its end is unknown.
  // So does a relative clause set off by commas: "Roe, who is wary of the levy, spoke first".
  const insideCommas = apposition || (subject?.relative === true && ctx.lower(left - 1) === ',');
  const contentEnd = insideCommas ? nextCommaOrEnd(ctx, cueEnd, bodyEnd) : bodyEnd;
  if (apposition && contentEnd === bodyEnd) return null;
  const content = contentAfter(ctx, sentenceIndex, contentEnd, cueStart, cueEnd, cue);
  if (!content) return null;
  const ruleIds = ['attribution.attitude-adjective', ...(subject?.ruleId ? [subject.ruleId] : [])];
  return buildAttribution(ctx, ctx.spanOf(speaker.start, speaker.end), cueSpan, content, cue.ruleId, speaker.start, ruleIds);
}

/**
 * The subject ending at `left`, right before the linking verb: a noun phrase; a relative pronoun,
 * which holds the view as it does a verb of its clause ("Roe, who has been critical of …", "pilots
 * who are wary of …"); or a name with its apposition set off by commas ("Roe, a senator, was
 * critical of …").
 */
function subjectOfLinkingVerb(ctx: Reading, sentence: Sentence, left: number, cueEnd: number, bodyEnd: number): (SpeakerRange & { relative?: boolean }) | undefined {
  const token = ctx.tokens[left] as Token;
  if (RELATIVE_SPEAKERS.has(token.lower)) return { start: left, end: left + 1, ruleId: 'attribution.relative-speaker', relative: true };
  if (token.text === ',' || closesTitleWithComma(ctx, sentence.tokenStart, left)) return readAppositiveSpeaker(ctx, sentence.tokenStart, left, cueEnd, bodyEnd, true);
  if (token.kind === 'punct') return undefined;
  return readSpeakerBefore(ctx, sentence.tokenStart, left + 1);
}

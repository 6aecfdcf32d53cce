import { spanWords } from './span-rules.js';
import type { Sentence, Token } from '../text/tokens.js';
import type { Attribution, Span } from '../../model/claim.js';
import { DETERMINERS, endsInSingleS, PAST_FORM, COORDINATORS, TIME_WORDS, INDEFINITE_OPENERS } from './word-lists.js';
import { isFiniteVerbAt } from './clause-boundaries.js';
import { isNounWord, isVerbWord } from './word-tests.js';
import { frontedRelativeEnd } from './cue-matching.js';
import { buildAttribution } from './relation-assembly.js';
import type { CueForm } from './engine.js';
import type { Reading } from './reading.js';
import { verbAfterAdverbs } from './closing-clauses.js';
import { type SpeakerRange, validSpeaker } from './speaker-spans.js';
import { readSpeakerAfter } from './speakers-after-cue.js';

// Cues before their speaker ("Said Roe, “…”", "The plan, said Roe, would fail.", "said Will Doyle"), and a participle that only sums up the clause before it.

/** How long a speaker set off inside a clause may run, with its description: "said Jo Roe, a historian at the museum,". */
const MAX_INSERT_SPEAKER_TOKENS = 24;

/**
 * "The plan, said Roe, would fail.", "Trump, said Jo Roe, who knows him, doesn't forgive.": after
 * an inverted cue, a name (and a description or relative clause of it) ends at a comma followed by
 * the clause's own verb. Returns that comma's index.
 */
export function invertedInsertEnd(ctx: Reading, cueEnd: number, bodyEnd: number): number | undefined {
  const { tokens, lower, quotes } = ctx;
  const first = tokens[cueEnd];
  if (!first || !(first.capitalized || (DETERMINERS.has(first.lower) && first.lower !== 'that')) || TIME_WORDS.has(first.lower)) return undefined;
  let nameEnd: number | undefined;
  for (let index = cueEnd + 1; index < bodyEnd && index - cueEnd <= MAX_INSERT_SPEAKER_TOKENS; index++) {
    const token = tokens[index] as Token;
    if (quotes.depth[index] !== 0 || ctx.isOpenQuote(index) || token.text === ';') return undefined;
    if (token.text !== ',') continue;
    nameEnd ??= index;
    const verb = verbAfterAdverbs(ctx, index + 1, bodyEnd);
    const verbToken = tokens[verb];
    const finite = isFiniteVerbAt(ctx, verb) || (verbToken !== undefined && !verbToken.capitalized && endsInSingleS(verbToken.lower) && isVerbWord(ctx, verbToken.lower) && !isNounWord(ctx, verbToken.lower));
    // ("…, writes a weekly column and, since May, leads …": a name never ends on a coordinator; that comma is inside a series of acts.)
    if (finite && !COORDINATORS.has(lower(index + 1))) return validSpeaker(ctx, cueEnd, nameEnd) && !COORDINATORS.has(lower(nameEnd - 1)) ? index : undefined;
  }
  return undefined;
}

/** Words that may open a sentence before a fronted cue ("But, said Roe, …"). */
const FRONTED_CUE_OPENERS: ReadonlySet<string> = new Set(['but', 'and', 'yet', 'so', 'or']);

/** Nothing but a conjunction or connective (and its comma) stands between the sentence start and the cue. */
export function onlyConnectiveBefore(ctx: Reading, sentenceStart: number, cueStart: number): boolean {
  if (cueStart === sentenceStart) return true;
  const word = ctx.lower(sentenceStart);
  if (!FRONTED_CUE_OPENERS.has(word) && !spanWords('span.opening-connective').has(word)) return false;
  return cueStart === sentenceStart + 1 || (cueStart === sentenceStart + 2 && (ctx.tokens[sentenceStart + 1] as Token).text === ',');
}

/**
 * "Said Roe, “We are ready.”", "But, said Roe, “I don't want a fight.”": the speaker right after a
 * fronted cue, then a comma or colon and the quotation, which is what was said.
 */
export function readFrontedCue(ctx: Reading, sentenceIndex: number, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, cue: CueForm): Attribution | null {
  const { tokens, quotes, text, sentences, isOpenQuote, spanOf } = ctx;
  const speaker = readSpeakerAfter(ctx, cueEnd, bodyEnd, true);
  if (!speaker || speaker.end + 1 >= bodyEnd) return null;
  // "Said Jo Roe, who grew up here, “…”": the relative clause belongs to the speaker.
  const relativeEnd = (tokens[speaker.end] as Token).text === ',' ? frontedRelativeEnd(ctx, speaker.end + 1, bodyEnd) : undefined;
  if (relativeEnd !== undefined) speaker.end = relativeEnd;
  const mark = (tokens[speaker.end] as Token).text;
  const open = speaker.end + 1;
  if ((mark !== ',' && mark !== ':') || !isOpenQuote(open)) return null;
  const close = quotes.closeOf[open] ?? -1;
  if (close <= open) return null;
  const first = tokens[open] as Token;
  const last = tokens[close] as Token;
  if (last.end > (sentences[sentenceIndex] as Sentence).end) ctx.quotedUntil = Math.max(ctx.quotedUntil, last.end);
  return buildAttribution(ctx, spanOf(speaker.start, speaker.end), cueSpan, { start: first.start, end: last.end, text: text.slice(first.start, last.end) }, cue.ruleId, speaker.start, ['attribution.fronted-cue']);
}

/** Auxiliaries that are also first names. */
const AUXILIARY_FIRST_NAMES: ReadonlySet<string> = new Set(['will', 'may']);

/** "said Will Doyle": a capitalised auxiliary before a capitalised word is a first name. */
export function opensFirstName(ctx: Reading, index: number): boolean {
  return AUXILIARY_FIRST_NAMES.has(ctx.lower(index)) && ctx.tokens[index]?.capitalized === true && ctx.tokens[index + 1]?.capitalized === true;
}

/**
 * "…, a deal announced at the start of the week.", "…, a plan unveiled last year.": after a comma, an
 * indefinite noun phrase headed by a noun for an act (span.clause-summary) and a past form: the
 * participle describes the act the clause before it told of; no deal or plan reports anything.
 */
export function summarisesClause(ctx: Reading, speaker: SpeakerRange, cueStart: number): boolean {
  const { lower } = ctx;
  return speaker.end === cueStart && INDEFINITE_OPENERS.has(lower(speaker.start)) && spanWords('span.clause-summary').has(lower(speaker.end - 1)) && PAST_FORM.test(lower(cueStart));
}

import type { Attribution, Span } from '../../model/claim.js';
import type { Sentence, Token } from '../text/tokens.js';
import { matchCue } from './cue-matching.js';
import type { CueForm } from './engine.js';
import type { Range, Reading } from './reading.js';
import { buildAttribution } from './relation-assembly.js';
import { speakerHasHead } from './speaker-spans.js';
import { DETERMINERS, MAX_SPEAKER_TOKENS } from './word-lists.js';

/**
 * "In a new poll released Monday, 50 percent chose Roe.": a poll, statement or report named
 * after a sentence-opening "in" is the source of the sentence's claim,
 * unless the sentence has a cue of its own ("In a statement, the council said …" is the council's).
 */

type SourcePlace = { source: Range; content: Range };

export function matchSourcePhrase(ctx: Reading, position: number, end: number): CueForm | undefined {
  const option = ctx.state.phraseCues.get(ctx.lower(position))?.find((candidate) => candidate.frame === 'source');
  return option && placeOfSource(ctx, position, end) ? option : undefined;
}

export function readSourcePhrase(ctx: Reading, sentence: Sentence, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, cue: CueForm): Attribution | null {
  const place = placeOfSource(ctx, cueStart, bodyEnd);
  if (!place || place.content.start < sentence.tokenStart) return null;
  const content = ctx.spanOf(place.content.start, place.content.end);
  if (!content) return null;
  return buildAttribution(ctx, ctx.spanOf(place.source.start, place.source.end), cueSpan, content, cue.ruleId, place.source.start, ['attribution.source-phrase']);
}

/** Where the document phrase and the claim lie: "In X, claim". */
function placeOfSource(ctx: Reading, position: number, bodyEnd: number): SourcePlace | undefined {
  const { tokens, quotes } = ctx;
  if (position !== ctx.currentSentenceStart || quotes.depth[position] !== 0) return undefined;
  const phraseStart = position + 1;
  let phraseEnd = phraseStart;
  while (phraseEnd < bodyEnd && phraseEnd - phraseStart < MAX_SPEAKER_TOKENS && (tokens[phraseEnd] as Token).text !== ',') phraseEnd++;
  const source = { start: phraseStart, end: phraseEnd };
  // "in the latest poll", "in a statement", "in Roe's letter"; not "in order to".
  const first = tokens[phraseStart];
  if (!first || !(first.capitalized || DETERMINERS.has(first.lower))) return undefined;
  if (phraseEnd >= bodyEnd || !speakerHasHead(ctx, source, 'speaker.document')) return undefined;
  const content = { start: phraseEnd + 1, end: bodyEnd };
  if (content.end - content.start < 3 || hasOwnCue(ctx, content, bodyEnd)) return undefined;
  return { source, content };
}

/** Cue rows whose verbs are what a poll reports of those it asked ("40 percent backed the levy"), not a speaker's own act. */
const POLLED_STANCE_RULES: ReadonlySet<string> = new Set(['cue.stance', 'cue.evaluation']);

function hasOwnCue(ctx: Reading, range: Range, bodyEnd: number): boolean {
  for (let index = range.start; index < range.end; index++) {
    if (ctx.quotes.depth[index] !== 0 || !ctx.state.cues.has(ctx.lower(index))) continue;
    // A verb of saying or finding has its own speaker, and so has an act of accusing, describing,
    // demanding or talking about ("In an open letter, many activists are demanding …"); stance verbs do not.
    const cue = matchCue(ctx, index, bodyEnd);
    if (!cue) continue;
    if (cue.frame === 'speech' || cue.frame === 'finding' || cue.frame === 'according') return true;
    if (cue.frame === 'belief' && cue.complement !== 'linked' && !POLLED_STANCE_RULES.has(cue.ruleId)) return true;
  }
  return false;
}

import type { Attribution, Span } from '../../model/claim.js';
import type { Sentence, Token } from '../text/tokens.js';
import { matchCue } from './cue-matching.js';
import type { CueForm } from './engine.js';
import type { Range, Reading } from './reading.js';
import { buildAttribution } from './relation-assembly.js';
import { speakerHasHead } from './speaker-spans.js';
import { AUXILIARY_VERBS, CLAUSE_BREAKERS, COORDINATORS, DASHES, DETERMINERS, MAX_SPEAKER_TOKENS, POSSESSIVE_MARKS, PRONOUNS } from './word-lists.js';
import { spanWords } from './span-rules.js';
import { isFiniteVerbAt, startsClause } from './clause-boundaries.js';
import { isNounLike } from './word-tests.js';

/**
 * "In a new poll released Monday, 50 percent chose Roe.": a poll, statement or report named
 * after a sentence-opening "in" is the source of the sentence's claim,
 * unless the sentence has a cue of its own ("In a statement, the council said …" is the council's).
 * "Roe leads Park by ten points in the latest poll": a poll named after the clause is its source too.
 */

type SourcePlace = { source: Range; content: Range; ruleId?: string };

/** Row of config/attributions/spans.json whose words head a poll named after the clause it reports. */
const TRAILING_POLL_ROW = 'span.trailing-poll-source';
/** How many words a poll's name may run after "in": "an NBC News/Marist South Carolina poll". */
const MAX_POLL_NAME_TOKENS = 10;

export function matchSourcePhrase(ctx: Reading, position: number, end: number): CueForm | undefined {
  const option = ctx.state.phraseCues.get(ctx.lower(position))?.find((candidate) => candidate.frame === 'source');
  return option && placeOfSource(ctx, position, end) ? option : undefined;
}

export function readSourcePhrase(ctx: Reading, sentence: Sentence, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, cue: CueForm): Attribution | null {
  const place = placeOfSource(ctx, cueStart, bodyEnd);
  if (!place || place.content.start < sentence.tokenStart) return null;
  const content = ctx.spanOf(place.content.start, place.content.end);
  if (!content) return null;
  const ruleIds = place.ruleId ? ['attribution.source-phrase', place.ruleId] : ['attribution.source-phrase'];
  return buildAttribution(ctx, ctx.spanOf(place.source.start, place.source.end), cueSpan, content, cue.ruleId, place.source.start, ruleIds);
}

/** Where the document phrase and the claim lie: "In X, claim". */
function placeOfSource(ctx: Reading, position: number, bodyEnd: number): SourcePlace | undefined {
  const { tokens, quotes } = ctx;
  if (quotes.depth[position] !== 0) return undefined;
  if (position !== ctx.currentSentenceStart) return placeOfTrailingPoll(ctx, position, bodyEnd);
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

/**
 * "Roe leads Park by ten points in the latest poll", "…, although Roe moved up in a more recent survey":
 * the clause before "in" (from the sentence start or the last comma that opens a clause) is what the poll found.
 */
function placeOfTrailingPoll(ctx: Reading, position: number, bodyEnd: number): SourcePlace | undefined {
  const { tokens, quotes } = ctx;
  const head = pollNameHead(ctx, position, bodyEnd);
  if (head === undefined || !endsClauseAfterPoll(ctx, head + 1, bodyEnd)) return undefined;
  let start = ctx.currentSentenceStart;
  // "…, although Roe moved …": the coordinator or concession after the comma opens the clause without belonging to it.
  for (let index = position - 1; index > ctx.currentSentenceStart; index--) {
    if ((tokens[index] as Token).text !== ',' || quotes.depth[index] !== 0) continue;
    const opener = CLAUSE_BREAKERS.has(ctx.lower(index + 1)) ? index + 2 : index + 1;
    if (position - opener >= 3 && startsClause(ctx, opener, position)) {
      start = opener;
      break;
    }
  }
  // "Of the participants who filled in the survey, …", "Depending on her strength in the polls": no clause opens there.
  if (ctx.state.lexicon.classes(ctx.lower(start)).has('preposition') || /ing$/.test(ctx.lower(start))) return undefined;
  if (position - start < 3 || quotes.depth[start] !== 0 || !hasFiniteVerb(ctx, start, position)) return undefined;
  if (hasOwnCue(ctx, { start: ctx.currentSentenceStart, end: bodyEnd }, bodyEnd)) return undefined;
  return { source: { start: position + 1, end: head + 1 }, content: { start, end: position }, ruleId: TRAILING_POLL_ROW };
}

/**
 * Where the poll's name after "in" ends: a head word of the row closing a noun phrase of names,
 * determiners, numbers and adjectives ("the latest NBC News/Marist poll"), not a phrase that goes on
 * past a preposition, a verb or a conjunction ("in five states going to the polls", "in the wake of
 * polls") or into another noun ("in poll numbers"). "Average" needs a name or polls of its own
 * ("the RealClearPolitics average", "an average of polls"), so "pull in an average of $250" is none.
 */
function pollNameHead(ctx: Reading, position: number, bodyEnd: number): number | undefined {
  const { tokens, lower } = ctx;
  const heads = spanWords(TRAILING_POLL_ROW);
  let named = false;
  for (let index = position + 1; index < bodyEnd && index - position <= MAX_POLL_NAME_TOKENS; index++) {
    const token = tokens[index] as Token;
    if (heads.has(token.lower)) {
      if (isNounLike(ctx, index + 1) && !(tokens[index + 1] as Token | undefined)?.capitalized && (tokens[index + 1] as Token | undefined)?.kind === 'word') return undefined;
      if (/^averages?$/.test(token.lower) && !named && !(lower(index + 1) === 'of' && pollWordWithin(ctx, index + 2, bodyEnd))) return undefined;
      return index;
    }
    if (token.kind === 'punct' && !/^[/&'’.-]$/.test(token.text)) return undefined;
    if (token.capitalized) named = true;
    const classes = ctx.state.lexicon.classes(token.lower);
    if (!token.capitalized && (classes.has('preposition') || (classes.has('verb') && !classes.has('noun') && !classes.has('adjective')) || COORDINATORS.has(token.lower) || RELATIVE_WORDS.has(token.lower) || /ing$/.test(token.lower))) return undefined;
  }
  return undefined;
}

/** Words that open a relative or subordinate clause inside a noun phrase: "the states where exit polls …". */
const RELATIVE_WORDS: ReadonlySet<string> = new Set(['where', 'when', 'who', 'which', 'that', 'whose']);
/** How far "of" may stand from the poll word it leads to: "an average of recent national polls". */
const MAX_AVERAGE_OF_TOKENS = 4;

function pollWordWithin(ctx: Reading, from: number, bodyEnd: number): boolean {
  const heads = spanWords(TRAILING_POLL_ROW);
  for (let index = from; index < bodyEnd && index - from < MAX_AVERAGE_OF_TOKENS; index++) if (heads.has(ctx.lower(index)) && !/^averages?$/.test(ctx.lower(index))) return true;
  return false;
}

/** "… in the poll released Sunday." ends the clause; "… of voters in the poll were undecided" goes on with the verb the poll phrase sat before. */
function endsClauseAfterPoll(ctx: Reading, from: number, bodyEnd: number): boolean {
  for (let index = from; index < bodyEnd; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.text === ',' || token.text === ';' || DASHES.has(token.text)) return true;
    if (AUXILIARY_VERBS.has(token.lower) || (isFiniteVerbAt(ctx, index) && !PARTICIPLE_AFTER_POLL.has(token.lower))) return false;
  }
  return true;
}

/** Participles that describe a poll rather than go on with the clause: "a poll released Sunday", "surveys conducted in May". */
const PARTICIPLE_AFTER_POLL: ReadonlySet<string> = new Set(['released', 'conducted', 'taken', 'published', 'completed', 'carried', 'commissioned', 'issued']);

/** A verb of the clause; "'s" counts only after a pronoun ("he's ahead"), not as a possessive ("Roe's strength"). */
function hasFiniteVerb(ctx: Reading, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const word = ctx.lower(index);
    if (POSSESSIVE_MARKS.has(word) && !PRONOUNS.has(ctx.lower(index - 1))) continue;
    if (AUXILIARY_VERBS.has(word) || isFiniteVerbAt(ctx, index)) return true;
  }
  return false;
}

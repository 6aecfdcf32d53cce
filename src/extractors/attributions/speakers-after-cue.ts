import { isModifiedParticiple } from './attributive-participles.js';
import { occasionAdjunctStart, opensOccasionPhrase } from './occasion-adjuncts.js';
import type { Token } from '../text/tokens.js';
import { TIME_WORDS, AUXILIARIES, PASSIVE_MARKERS, CLAUSE_WORDS, PRONOUNS, DETERMINERS, CLAUSE_CONTINUERS, COORDINATORS, endsInSingleS } from './word-lists.js';
import { hasNoInflection, isVerbWord, mayBeVerbWord } from './word-tests.js';
import { isPastForm, opensReportedCondition } from './clause-boundaries.js';
import { spanWords } from './span-rules.js';
import type { Reading, Range } from './reading.js';
import { opensClauseWithSubject } from './object-ends.js';
import { validSpeaker, isPossessiveS, isAbbreviatedTitle, isOccupationWord, OCCUPATION_ROW, type SpeakerRange } from './speaker-spans.js';

// The speaker named after an inverted cue ("…, said Jo Roe, a pilot.") and the apposition describing it.

/** Relative pronouns that open a clause about a person named before them. */
export const SPEAKER_RELATIVES: ReadonlySet<string> = new Set(['who', 'whose']);
/** How far a speaker after an inverted cue may run: "a spokesman for the harbour board's ferry office". */
const MAX_SPEAKER_AFTER_TOKENS = 20;
/** How far it may run once a relative clause describes it. */
const MAX_DESCRIBED_SPEAKER_TOKENS = 40;
/** The row whose words open a clause of time or cause that may follow the speaker. */
const CLAUSE_AFTER_SPEAKER_ROW = 'span.clause-after-inverted-speaker';

/**
 * A noun phrase right after an inverted cue, running to the sentence end or a clause break.
 * After a quotation ("“…,” said X, who …") whatever follows the speaker's comma is more about the speaker.
 */
export function readSpeakerAfter(ctx: Reading, start: number, bodyEnd: number, afterQuote: boolean): SpeakerRange | undefined {
  const { tokens, state, lower, isOpenQuote } = ctx;
  const first = tokens[start];
  if (!first) return undefined;
  // After a quotation, "said longtime activist Bob Klaus" may open with a lower-case modifier;
  // anywhere, so may a title before a name ("says political scientist Jo Roe", "said retired judge Jo Roe").
  const namedSoon = afterQuote && [1, 2, 3].some((offset) => start + offset < bodyEnd && (tokens[start + offset] as Token).capitalized);
  // ("said state Sen. Jo Roe": an abbreviated title is one too.)
  const titledName = [1, 2].some((offset) => start + offset + 1 < bodyEnd && ((state.speakerHeads.has(lower(start + offset)) && (tokens[start + offset + 1] as Token).capitalized) || isAbbreviatedTitle(ctx, start + offset)));
  // "retired", "embattled": a participle before a title or a name modifies it; the phrase is checked from the word after it.
  const participleModifier = first.kind === 'word' && !first.capitalized && /ed$/.test(first.lower) && isVerbWord(ctx, first.lower);
  // "said city officials.", "said state lawmakers, who …": a word naming whose officials they are, then the speaker's head ending the phrase.
  const headSoon = [1, 2].some((offset) => start + offset < bodyEnd && state.speakerHeads.has(lower(start + offset)) && (start + offset + 1 === bodyEnd || (tokens[start + offset + 1] as Token).text === ','));
  // "said harbour master Jo Roe", "said paramedic Jo Roe": an occupation right before a name is a title too.
  const occupationAt = titledName ? undefined : [0, 1, 2].find((offset) => start + offset + 1 < bodyEnd && isOccupationWord(ctx, start + offset) && (tokens[start + offset + 1] as Token).capitalized);
  // "said state Treasurer Jo Roe": before a title or a head, a word that may be a verb's base form ("state") names whose they are.
  const baseFormModifier = first.kind === 'word' && !first.capitalized && hasNoInflection(first.lower) && (titledName || headSoon || occupationAt !== undefined);
  const modifier = first.kind === 'word' && (!isVerbWord(ctx, first.lower) || participleModifier || baseFormModifier);
  const ok = (DETERMINERS.has(first.lower) && first.lower !== 'that') || first.capitalized || PRONOUNS.has(first.lower) || state.speakerHeads.has(first.lower) || first.kind === 'number' || ((namedSoon || titledName || headSoon) && modifier) || occupationAt === 0 || (occupationAt !== undefined && modifier);
  if (!ok) return undefined;
  const occupationRule = occupationAt !== undefined && !namedSoon && !headSoon && !state.speakerHeads.has(first.lower) ? OCCUPATION_ROW : undefined;
  const valid = (end: number): boolean => validSpeaker(ctx, participleModifier && end > start + 1 ? start + 1 : start, end);
  // "…, reported it to the police": a pronoun after the verb is its object unless it stands alone ("…, said he.").
  const next = tokens[start + 1];
  if (PRONOUNS.has(first.lower) && start + 1 < bodyEnd && next !== undefined && next.text !== ',') return undefined;
  let end = start;
  // "…, said a handful of councillors who point to his record and his ties to the docks.": a relative clause describing the speaker may run longer.
  let relativeAt: number | undefined;
  while (end < bodyEnd && end - start < (relativeAt === undefined ? MAX_SPEAKER_AFTER_TOKENS : MAX_DESCRIBED_SPEAKER_TOKENS)) {
    const token = tokens[end] as Token;
    if (end > start && relativeAt === undefined && SPEAKER_RELATIVES.has(token.lower)) relativeAt = end;
    if (token.text === ',' || token.text === ';' || token.text === ':' || isOpenQuote(end)) break;
    // "“We can win,” said Jo Lee as she left the pier": a clause with its own subject after the name says when or why, not who.
    if (end > start && spanWords(CLAUSE_AFTER_SPEAKER_ROW).has(token.lower) && opensClauseAfterSpeaker(ctx, end + 1, bodyEnd)) return valid(end) ? { start, end, ruleId: CLAUSE_AFTER_SPEAKER_ROW } : undefined;
    // "“…,” said a campaign adviser who has worked for two governors": the relative clause describes the speaker.
    if (afterQuote && end > start && SPEAKER_RELATIVES.has(token.lower)) return valid(end) ? { start, end } : undefined;
    if (!token.capitalized && token.kind === 'word' && PASSIVE_MARKERS.has(token.lower)) return undefined;
    // "…, say Trump’s aides pushed her": a verb after the cue starts a clause, not a speaker.
    if (!afterQuote && !token.capitalized && token.kind === 'word' && /ed$/.test(token.lower) && isVerbWord(ctx, token.lower) && !isModifiedParticiple(ctx, end)) return undefined;
    if (!token.capitalized && token.kind === 'word' && AUXILIARIES.has(token.lower) && !DETERMINERS.has(token.lower) && !(token.lower === "'s" && !PRONOUNS.has(lower(end - 1)))) return undefined;
    // "…, writes a weekly column and runs the ferry", "…, writes a column and, since May, leads …": a coordinator then a comma
    // or a verb in the cue's own form closes a series of the subject's acts; the cue is one of them, not inverted.
    if (!afterQuote && end > start && COORDINATORS.has(token.lower) && (tokens[end + 1]?.text === ',' || sameVerbForm(ctx, start - 1, end + 1))) return undefined;
    end++;
  }
  if (end < bodyEnd) {
    const stop = tokens[end] as Token;
    if (stop.text !== ',') return undefined;
    if (afterQuote) return valid(end) ? { start, end } : undefined;
    // "…, said Jo Roe, whose group backs the bill.": a relative clause describing the speaker may follow.
    // "…, said Jo Roe, executive director of the fund, whose …": a title opens a description of the speaker too.
    // "…, says Jo Roe, unless the fuel price doubles.": a condition on what was said may follow too.
    const continues = CLAUSE_CONTINUERS.has(lower(end + 1)) || opensReportedCondition(ctx, end + 1) || SPEAKER_RELATIVES.has(lower(end + 1)) || DETERMINERS.has(lower(end + 1)) || (tokens[end + 1] as Token | undefined)?.capitalized === true || state.speakerHeads.get(lower(end + 1)) === 'speaker.person-description';
    if (!continues && !isAppositiveToEnd(ctx, end + 1, bodyEnd)) return undefined;
  }
  // "…, said Jo Roe in an email to staff": the occasion of the words is no part of who spoke.
  const adjunct = occasionAdjunctStart(ctx, start, end);
  if (adjunct) end = adjunct.index;
  // "…, said a harbour board spokesman when contacted by the Gazette": a clause cut short to its participle says when, not who.
  const reduced = reducedClauseStart(ctx, start + 1, end);
  if (reduced !== undefined) return valid(reduced) ? { start, end: reduced, ruleId: 'span.speaker-reduced-clause' } : undefined;
  if (!valid(end)) return undefined;
  return occupationRule ? { start, end, ruleId: occupationRule } : { start, end };
}

/** "she left", "the ferry docked": a subject pronoun before a lower-case word, or a subject and a verb that shows its tense. */
function opensClauseAfterSpeaker(ctx: Reading, index: number, bodyEnd: number): boolean {
  const next = ctx.tokens[index + 1];
  return (PRONOUNS.has(ctx.lower(index)) && index + 1 < bodyEnd && next !== undefined && next.kind === 'word' && !next.capitalized) || opensClauseWithSubject(ctx, index, bodyEnd);
}

/** "writes … runs", "said … told": a lower-case verb at `index` in the form of the cue at `cue` ("-s" or past). */
function sameVerbForm(ctx: Reading, cue: number, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token || token.kind !== 'word' || token.capitalized || !opensObject(ctx, index + 1)) return false;
  const cueWord = ctx.lower(cue);
  // The lexicon lists few inflected forms: "runs" is read from its stem.
  if (endsInSingleS(cueWord) && endsInSingleS(token.lower)) return mayBeVerbWord(ctx, token.lower.slice(0, -1)) || (token.lower.endsWith('es') && mayBeVerbWord(ctx, token.lower.slice(0, -2)));
  return isPastForm(ctx, cueWord) && isPastForm(ctx, token.lower) && (mayBeVerbWord(ctx, token.lower) || /ed$/.test(token.lower));
}

/** "runs the ferry", "left for Dover": a verb's object or adjunct opens after it, where a noun modified by a participle would go on ("retired skippers"). */
function opensObject(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token) return false;
  return token.capitalized || token.kind === 'number' || DETERMINERS.has(token.lower) || PRONOUNS.has(token.lower) || ctx.state.lexicon.classes(token.lower).has('preposition');
}


/**
 * Where a subordinator of span.speaker-reduced-clause with a participle right after it ("when contacted",
 * "when reached by phone", "while speaking to reporters", "after being asked") starts between `from` and `end`.
 */
function reducedClauseStart(ctx: Reading, from: number, end: number): number | undefined {
  const { tokens, lower, state } = ctx;
  const subordinators = spanWords('span.speaker-reduced-clause');
  for (let index = from; index + 1 < end; index++) {
    const next = tokens[index + 1] as Token;
    if (!subordinators.has(lower(index)) || next.kind !== 'word' || next.capitalized) continue;
    const classes = state.lexicon.classes(next.lower);
    if (/(?:ed|ing)$/.test(next.lower) || classes.has('past-tense') || classes.has('past-reading')) return index;
  }
  return undefined;
}

/** ", chief clerk of the Harbour Pilots Guild." — a verbless phrase to the sentence end. */
function isAppositiveToEnd(ctx: Reading, start: number, bodyEnd: number): boolean {
  const { tokens, state, isOpenQuote } = ctx;
  if (bodyEnd - start > 24 || start >= bodyEnd) return false;
  for (let index = start; index < bodyEnd; index++) {
    const token = tokens[index] as Token;
    // "director of Virginia's Center for Politics": a possessive "'s" is no verb.
    // A capitalised word is part of a name ("the Civic Engagement Project"), not a verb.
    if (isOpenQuote(index) || (AUXILIARIES.has(token.lower) && !isPossessiveS(ctx, index)) || (state.cues.has(token.lower) && !token.capitalized)) return false;
  }
  return true;
}

/** ", a spokeswoman for the city." after a speaker: the end of the apposition (the sentence body's end), if one follows. */
export function appositionToEnd(ctx: Reading, speakerEnd: number, bodyEnd: number): number | undefined {
  const { tokens, lower } = ctx;
  if ((tokens[speakerEnd] as Token | undefined)?.text !== ',' || speakerEnd + 2 > bodyEnd) return undefined;
  const first = tokens[speakerEnd + 1] as Token;
  const describes = DETERMINERS.has(first.lower) || ctx.state.speakerHeads.has(first.lower) || first.capitalized;
  if (!describes || CLAUSE_WORDS.has(first.lower) || CLAUSE_CONTINUERS.has(first.lower) || lower(speakerEnd + 1) === 'who') return undefined;
  // "…, said the union on Tuesday, November 19.": a date after the comma describes no one.
  if (TIME_WORDS.has(first.lower) || spanWords('span.speaker-time-phrase').has(first.lower)) return undefined;
  for (let index = speakerEnd + 1; index < bodyEnd; index++) if (ctx.isOpenQuote(index) || (tokens[index] as Token).text === ';') return undefined;
  // "…, said Jo Roe, a pilot, in a statement.": the occasion after the apposition's comma is not part of who spoke.
  let end = bodyEnd;
  for (let index = speakerEnd + 2; index < bodyEnd; index++) {
    if ((tokens[index] as Token).text === ',' && opensOccasionPhrase(ctx, index + 1, bodyEnd)) {
      end = index;
      break;
    }
  }
  return isAppositiveToEnd(ctx, speakerEnd + 1, end) ? end : undefined;
}

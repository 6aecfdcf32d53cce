/** Where a content meets a clause with a cue of its own: a coordinated cue ("and warned"), a clause whose subject reports again ("the board says"), a report closing the sentence. */
import type { Token } from '../text/tokens.js';
import { AUXILIARIES, AUXILIARY_VERBS, CLAUSE_BREAKERS, CLAUSE_WORDS, CONTRAST_OPENERS, DETERMINERS, endsInSingleS, PASSIVE_MARKERS, PAST_FORM, PRONOUNS } from './word-lists.js';
import { isNounWord } from './word-tests.js';
import { readSpeakerBefore } from './speaker-spans.js';
import { spanWords } from './span-rules.js';
import { isFiniteVerbAt, isSentenceEndAfterCue, opensAmountBound } from './clause-boundaries.js';
import { matchCue } from './cue-matching.js';
import type { CueForm } from './engine.js';
import type { CueFrame } from './rules.js';
import type { Reading } from './reading.js';

/**
 * "and warned", "and later noted", "and she added": a past-tense cue verb after a coordinator;
 * after a present one ("says … but argues that …") a present cue in "-s" too; after an auxiliary
 * and a negation of span.negated-coordinated-cue ("… but did not suggest …") any form of a cue.
 * Returns whether the negation let the cue in, or undefined when no coordinated cue follows.
 */
export function coordinatedCueAt(ctx: Reading, at: number, bodyEnd: number, presentCue = false): { negated: boolean } | undefined {
  const { lower } = ctx;
  let probe = at;
  if (PRONOUNS.has(lower(probe))) probe++;
  let negated = false;
  while (probe < bodyEnd && probe - at < 3 && (AUXILIARIES.has(lower(probe)) || /ly$/.test(lower(probe)))) {
    if (probe > at && AUXILIARY_VERBS.has(lower(probe - 1)) && spanWords('span.negated-coordinated-cue').has(lower(probe))) negated = true;
    probe++;
  }
  if (probe >= bodyEnd) return undefined;
  const plain = PAST_FORM.test(lower(probe)) || (presentCue && probe === at && endsInSingleS(lower(probe)));
  if (!plain && !negated) return undefined;
  const cue = matchCue(ctx, probe, bodyEnd);
  // "… and is pleased with the crews": an adjective of attitude after a linking verb is no verb in the cue's tense.
  return cue !== undefined && cue.frame !== 'according' && cue.frame !== 'finding' && cue.complement !== 'linked' ? { negated: !plain } : undefined;
}

/** How far after a clause opener a subject's cue may stand: "and fewer than 3 in 10 of them said". */
const MAX_SUBJECT_TOKENS = 9;

/** The cue frames of a clause with a speaker of its own, and of a report closing a sentence. */
const OWN_CLAUSE_FRAMES: ReadonlySet<CueFrame> = new Set(['speech', 'belief']);
const CLOSING_REPORT_FRAMES: ReadonlySet<CueFrame> = new Set(['speech']);

/**
 * ", and three-quarters said …", ", while only 44 percent of the pilots say …", ", he claimed …":
 * at `at` (after a comma, or at a contrasting conjunction) a subject noun phrase and then a
 * speech or belief verb in the active voice open an attribution of their own.
 */
export function clauseWithOwnCue(ctx: Reading, at: number, bodyEnd: number): boolean {
  const start = CLAUSE_BREAKERS.has(ctx.lower(at)) || CONTRAST_OPENERS.has(ctx.lower(at)) ? at + 1 : at;
  return cueOfSubjectAt(ctx, start, bodyEnd, OWN_CLAUSE_FRAMES, false) !== undefined;
}

/**
 * "… - 60 percent of riders said …", "… — the council says …": at `at` (after a dash) a subject noun
 * phrase and then a verb of saying in the active voice open a report of their own.
 */
export function speechClauseWithOwnSubject(ctx: Reading, at: number, bodyEnd: number): boolean {
  return opensSubject(ctx, at) && cueOfSubjectAt(ctx, at, bodyEnd, CLOSING_REPORT_FRAMES, false) !== undefined;
}

/** How far after "compared with" the "who" of the group compared may stand: "compared with almost three in 10 — 29 percent — who said". */
const MAX_COMPARED_GROUP_TOKENS = 12;

/**
 * "…, compared with 58 percent who say …": at `at` (after a comma) a phrase of span.compared-report and
 * a group whose "who" clause has a speech or belief cue of its own: a second report, not more of the first.
 */
export function comparedReportAt(ctx: Reading, at: number, bodyEnd: number): boolean {
  const { tokens, lower, quotes } = ctx;
  if (!spanWords('span.compared-report').has(`${lower(at)} ${lower(at + 1)}`)) return false;
  for (let index = at + 2; index < bodyEnd && index - at <= MAX_COMPARED_GROUP_TOKENS; index++) {
    if (quotes.depth[index] !== 0) return false;
    const token = tokens[index] as Token;
    if (token.text === ',' || token.text === ';' || token.text === ':') return false;
    if (token.lower !== 'who') continue;
    let verb = index + 1;
    while (verb < bodyEnd && verb - index <= 3 && AUXILIARIES.has(lower(verb))) verb++;
    const cue = verb < bodyEnd ? matchCue(ctx, verb, bodyEnd) : undefined;
    return cue !== undefined && OWN_CLAUSE_FRAMES.has(cue.frame);
  }
  return false;
}

/**
 * "… and one in four said …", "… and Roe says …": after a coordinator of span.coordinated-speech-clause,
 * a subject noun phrase and a verb of saying in the active voice open a report of their own.
 */
export function speechClauseAt(ctx: Reading, contentStart: number, at: number, bodyEnd: number): boolean {
  const { lower } = ctx;
  if (!spanWords('span.coordinated-speech-clause').has(lower(at)) || !opensSubject(ctx, at + 1) || !finiteVerbSince(ctx, contentStart, at)) return false;
  const found = cueOfSubjectAt(ctx, at + 1, bodyEnd, CLOSING_REPORT_FRAMES, false);
  if (!found) return false;
  // "… and it bears the number written on it": the cue must be the subject's finite verb, not a participle after its object.
  const verb = lower(found.position);
  return isFiniteVerbAt(ctx, found.position) || AUXILIARIES.has(lower(found.position - 1)) || (!PAST_FORM.test(verb) && !/ing$/.test(verb) && !verb.endsWith('en'));
}

/** A subject's first word: a name, a pronoun, a determiner or count ("others", "one in four", "14 percent"), or a rounding word ("about 4 in 10"), not a bare noun ("… and size limits stated above"). */
function opensSubject(ctx: Reading, index: number): boolean {
  const token = ctx.tokens[index];
  if (!token) return false;
  return token.capitalized || token.kind === 'number' || PRONOUNS.has(token.lower) || DETERMINERS.has(token.lower) || spanWords('span.approximate-share').has(token.lower) || opensAmountBound(ctx, index);
}

/** "the party doesn't care … and": a finite verb between the last clause opening (or `from`) and `at`, so "and" joins clauses, not nouns ("states like Ohio and Iowa will …"). */
function finiteVerbSince(ctx: Reading, from: number, at: number): boolean {
  const { tokens, lower } = ctx;
  for (let index = at - 1; index >= from; index--) {
    const token = tokens[index] as Token;
    if (token.kind === 'punct' && token.text !== '.' && token.text !== "'" && !ctx.isCloseQuote(index) && !ctx.isOpenQuote(index)) return false;
    if (CLAUSE_WORDS.has(token.lower) && token.lower !== 'and') return false;
    // The content's first word is its subject ("states like Ohio and …"), not its verb.
    if (index > from && (AUXILIARY_VERBS.has(token.lower) || isFiniteVerbAt(ctx, index))) return true;
  }
  return false;
}

/**
 * "…, the analyst said.", "…, Roe told reporters.": at `at` (after a comma) a subject noun phrase
 * and a verb of saying in the active voice close the sentence, reporting what came before.
 */
export function closingReportAt(ctx: Reading, at: number, bodyEnd: number): boolean {
  const found = cueOfSubjectAt(ctx, at, bodyEnd, CLOSING_REPORT_FRAMES, true);
  return found !== undefined && isSentenceEndAfterCue(ctx, found.position + found.cue.words.length, bodyEnd);
}

/**
 * The cue whose subject is the noun phrase starting at `start`: within a few words and before any
 * quotation or punctuation, the first cue of one of `frames` in the active voice, with the speaker
 * read back from it starting right at `start`. A cue of another frame ends the search when
 * `otherFrameEnds`, and is passed over otherwise.
 */
function cueOfSubjectAt(ctx: Reading, start: number, bodyEnd: number, frames: ReadonlySet<CueFrame>, otherFrameEnds: boolean): { position: number; cue: CueForm } | undefined {
  const { tokens, quotes, lower, isOpenQuote } = ctx;
  for (let probe = start + 1; probe < bodyEnd && probe - start <= MAX_SUBJECT_TOKENS; probe++) {
    const token = tokens[probe] as Token;
    if (quotes.depth[probe] !== 0 || isOpenQuote(probe)) return undefined;
    if (token.kind === 'punct' && token.text !== '-' && token.text !== '.' && token.text !== "'") return undefined;
    if (token.capitalized || /ing$/.test(token.lower) || !ctx.state.cues.has(token.lower)) continue;
    const cue = matchCue(ctx, probe, bodyEnd);
    if (!cue) continue;
    if (!frames.has(cue.frame)) {
      if (otherFrameEnds) return undefined;
      continue;
    }
    let left = probe - 1;
    // "Ohio officials ultimately admitted": auxiliaries and adverbs stand between the subject and its cue.
    while (left > start && (AUXILIARIES.has(lower(left)) || (/ly$/.test(lower(left)) && !(tokens[left] as Token).capitalized && !isNounWord(ctx, lower(left))))) left--;
    for (let index = left + 1; index < probe; index++) if (PASSIVE_MARKERS.has(lower(index))) return undefined;
    const subject = readSpeakerBefore(ctx, start, left + 1);
    return subject !== undefined && subject.start === start ? { position: probe, cue } : undefined;
  }
  return undefined;
}

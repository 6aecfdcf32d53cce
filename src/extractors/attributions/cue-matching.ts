import type { Token } from '../text/tokens.js';
import { CUE_ADVERBS, AUXILIARIES, PAST_FORM, PASSIVE_MARKERS, PRONOUNS, NOUN_MARKERS, CLAUSE_OPENERS, NOUN_PREPOSITIONS, QUESTION_LEADERS, SCALE_WORDS } from './word-lists.js';
import { isFiniteVerbBefore, isVerbAfter, looksAdjective } from './word-tests.js';
import type { CueForm } from './engine.js';
import type { Reading } from './reading.js';

export function matchNonCue(ctx: Reading, position: number): { start: number; end: number; ruleId: string } | undefined {
  const { state, lower } = ctx;
  for (const phrase of state.nonCues.get(lower(position)) ?? []) {
    const start = position - phrase.offset;
    if (start < 0) continue;
    if (phrase.words.every((word, offset) => lower(start + offset) === word)) return { start, end: start + phrase.words.length, ruleId: phrase.ruleId };
  }
  return undefined;
}

export function matchCue(ctx: Reading, position: number, end: number): CueForm | undefined {
  const { tokens, state, lower, isOpenQuote } = ctx;
  const token = tokens[position] as Token;
  const options = state.cues.get(token.lower);
  if (!options) return undefined;
  const question = options.find((option) => option.frame === 'question');
  if (question && isQuestionContext(ctx, position)) return question;
  if (token.capitalized && options.every((option) => option.frame !== 'according')) return undefined;
  const contraction = lower(position - 1) === "'s" && PRONOUNS.has(lower(position - 2)); // "He’s claiming"
  if (NOUN_MARKERS.has(lower(position - 1)) && !contraction) return undefined;
  const pastForm = PAST_FORM.test(token.lower);
  if (!pastForm && (tokens[position - 1]?.kind === 'number' || SCALE_WORDS.has(lower(position - 1)))) return undefined; // "a $12 million plan"
  // Past forms are verbs; "asks", "calls", "demands" after an adjective are nouns.
  if (!pastForm && looksAdjective(ctx, position - 1)) return undefined;
  // "gained support", "welcomed calls": a past verb right before a present form makes it its object.
  if (!pastForm && !/ing$/.test(token.lower) && isFiniteVerbBefore(ctx, position - 1)) return undefined;
  for (const option of options) {
    if (option.frame === 'question') continue;
    if (position + option.words.length > end) continue;
    let ok = true;
    for (let offset = 1; offset < option.words.length; offset++) if (lower(position + offset) !== option.words[offset]) ok = false;
    if (!ok) continue;
    const after = position + option.words.length;
    const opensContent = lower(after) === 'that' || isOpenQuote(after) || tokens[after]?.text === ':';
    if (option.nounForm && !opensContent) continue;
    if (option.complement === 'clause' && !opensContent && !CLAUSE_OPENERS.has(lower(after))) continue;
    // "support from", "attacks on": a present form followed by a preposition of its own is a noun.
    if (!pastForm && option.frame === 'belief' && option.words.length === 1 && NOUN_PREPOSITIONS.has(lower(after))) continue;
    // "his support remains", "the questions often contained": a verb right after a present form makes it a noun subject.
    if (!pastForm && option.words.length === 1 && isVerbAfter(ctx, after)) continue;
    return option;
  }
  return undefined;
}

/** "Asked whether …" opening a sentence, "when asked about …", "was pressed on …": a participle with no subject of its own. */
export function isQuestionContext(ctx: Reading, position: number): boolean {
  const { tokens, lower, isOpenQuote } = ctx;
  let before = position - 1;
  while (before >= ctx.currentSentenceStart && (CUE_ADVERBS.has(lower(before)) || (/ly$/.test(lower(before)) && !(tokens[before] as Token).capitalized))) before--;
  if (before < ctx.currentSentenceStart) return true;
  if (isOpenQuote(before) && before === ctx.currentSentenceStart) return true;
  return QUESTION_LEADERS.has(lower(before)) || PASSIVE_MARKERS.has(lower(before));
}

/** "and warned", "and later noted", "and she added": a past-tense cue verb after a coordinator. */
export function isCoordinatedCue(ctx: Reading, at: number, bodyEnd: number): boolean {
  const { lower } = ctx;
  let probe = at;
  if (PRONOUNS.has(lower(probe))) probe++;
  while (probe < bodyEnd && probe - at < 3 && (AUXILIARIES.has(lower(probe)) || /ly$/.test(lower(probe)))) probe++;
  if (probe >= bodyEnd || !PAST_FORM.test(lower(probe))) return false;
  const cue = matchCue(ctx, probe, bodyEnd);
  return cue !== undefined && cue.frame !== 'according' && cue.frame !== 'finding';
}

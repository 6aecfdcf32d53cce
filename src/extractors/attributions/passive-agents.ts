import type { Sentence, Token } from '../text/tokens.js';
import type { Attribution, Span } from '../../model/claim.js';
import { AUXILIARIES, CLAUSE_WORDS, CUE_ADVERBS, LY_ADVERB, OBJECT_PRONOUNS, PASSIVE_MARKERS, PAST_FORM, PRONOUNS, MAX_SPEAKER_TOKENS, RELATIVE_SPEAKERS, TIME_WORDS } from './word-lists.js';
import { readSpeakerBefore, validSpeaker } from './speaker-spans.js';
import { contentAfter } from './content-spans.js';
import { buildAttribution } from './relation-assembly.js';
import { spanWords } from './span-rules.js';
import type { CueForm } from './engine.js';
import type { Reading } from './reading.js';
import { isNounWord } from './word-tests.js';

/** How far after the participle "by" may stand ("was attacked on the speeches by …"). */
const MAX_AGENT_GAP = 5;

/**
 * "The plan was criticized by the mayor", "Roe was told by aides that …": a passive cue with
 * its agent. The agent after "by" is the speaker; the content is the clause after the agent
 * when one follows ("that …", a quotation), else the passive's subject.
 */
export function readPassiveWithAgent(ctx: Reading, sentenceIndex: number, sentence: Sentence, bodyEnd: number, cueStart: number, cue: CueForm): Attribution | null {
  const { tokens, lower, isOpenQuote, spanOf } = ctx;
  const cueEnd = cueStart + cue.words.length;
  if (!PAST_FORM.test(lower(cueEnd - 1)) && !spanWords('span.passive-agent').has(lower(cueEnd - 1))) return null;
  let by = cueEnd;
  while (by < bodyEnd && by - cueEnd < MAX_AGENT_GAP && lower(by) !== 'by') {
    if ((tokens[by] as Token).kind === 'punct' || CLAUSE_WORDS.has(lower(by))) return null;
    by++;
  }
  if (lower(by) !== 'by') return null;
  let agentEnd = by + 1;
  let endsAtAdjunct = false;
  while (agentEnd < bodyEnd && agentEnd - by <= MAX_SPEAKER_TOKENS) {
    const token = tokens[agentEnd] as Token;
    if ((token.kind === 'punct' && token.text !== '.' && token.text !== "'" && token.text !== '&') || isOpenQuote(agentEnd)) break;
    // "accused by the union of hiding …": "of" before an "-ing" form opens the charge (elsewhere it joins names: "the Secretary of State").
    if (!token.capitalized && (spanWords('span.passive-agent-ends').has(token.lower) || (token.lower === 'of' && /ing$/.test(lower(agentEnd + 1))))) {
      endsAtAdjunct = true;
      break;
    }
    if (!token.capitalized && (CLAUSE_WORDS.has(token.lower) || AUXILIARIES.has(token.lower))) break;
    agentEnd++;
  }
  if (agentEnd === by + 1 || !validSpeaker(ctx, by + 1, agentEnd)) return null;
  const cueSpan = spanOf(cueStart, cueEnd) as Span;
  const speaker = spanOf(by + 1, agentEnd);
  const rules = endsAtAdjunct ? ['span.passive-agent', 'span.passive-agent-ends'] : ['span.passive-agent'];
  if (lower(agentEnd) === 'that' || isOpenQuote(agentEnd) || (tokens[agentEnd] as Token | undefined)?.text === ':') {
    const reported = contentAfter(ctx, sentenceIndex, bodyEnd, agentEnd - 1, agentEnd, cue);
    return reported ? buildAttribution(ctx, speaker, cueSpan, reported, cue.ruleId, by + 1, rules) : null;
  }
  // "was hotly criticized by": a manner adverb sits among the auxiliaries.
  let auxiliaryStart = cueStart - 1;
  while (auxiliaryStart >= sentence.tokenStart && (AUXILIARIES.has(lower(auxiliaryStart)) || LY_ADVERB.test(lower(auxiliaryStart)))) auxiliaryStart--;
  let passive = false;
  for (let index = auxiliaryStart + 1; index < cueStart; index++) if (PASSIVE_MARKERS.has(lower(index))) passive = true;
  // "a contract backed by the trust" describes the contract: only a finite passive reports,
  // or a participle of stance or saying right after its noun ("the bill, opposed by the pilots,").
  if (!passive) return readReducedPassive(ctx, sentence, auxiliaryStart, cueStart, cueSpan, speaker, by + 1, cue.ruleId, rules);
  // "Roe, who was endorsed by the union,": the relative pronoun is the passive's subject, as in the object relatives.
  const relative = auxiliaryStart >= sentence.tokenStart && RELATIVE_SPEAKERS.has(lower(auxiliaryStart)) && auxiliaryStart < cueStart - 1;
  const subject = relative ? { start: auxiliaryStart, end: auxiliaryStart + 1 } : readSpeakerBefore(ctx, sentence.tokenStart, auxiliaryStart + 1);
  if (!subject) return null;
  // "Roe was criticized by the pilots for closing the pier": the phrase after the agent says what was
  // held against the subject, so the content runs from the subject through it.
  const charge = endsAtAdjunct && spanWords('span.passive-complement').has(lower(agentEnd)) ? contentAfter(ctx, sentenceIndex, bodyEnd, agentEnd - 1, agentEnd, cue) : null;
  const subjectSpan = spanOf(subject.start, subject.end) as Span;
  // "Pigs are considered unclean by …", "He was recommended for the job by …": a complement between the participle and
  // its agent is part of what the agent held of the subject, so the content runs from the subject through it.
  const complementEnd = !relative && !charge && complementBeforeAgent(ctx, cueEnd, by) ? (tokens[by - 1] as Token).end : undefined;
  const contentEnd = charge?.end ?? complementEnd;
  const content = contentEnd !== undefined ? { start: subjectSpan.start, end: contentEnd, text: ctx.text.slice(subjectSpan.start, contentEnd) } : subjectSpan;
  const extended = charge ? [...rules, 'span.passive-complement'] : complementEnd !== undefined ? [...rules, COMPLEMENT_BEFORE_AGENT_ROW] : rules;
  return buildAttribution(ctx, speaker, cueSpan, content, cue.ruleId, by + 1, extended);
}

/** Row of config/attributions/spans.json: words that open a phrase of time or manner, not a complement, between a passive participle and "by". */
const COMPLEMENT_BEFORE_AGENT_ROW = 'span.complement-before-agent';

/**
 * The words from `start` to `by` complete the passive participle ("considered unclean", "recommended for the job", "attacked on
 * the speeches") rather than tell when or how it happened ("endorsed last week", "described in 2010", "praised repeatedly"),
 * or to whom ("recommended to him"), and hold no participle of their own that "by" could follow.
 */
function complementBeforeAgent(ctx: Reading, start: number, by: number): boolean {
  const { tokens, lower } = ctx;
  if (by <= start) return false;
  for (let index = start; index < by; index++) {
    const token = tokens[index] as Token;
    // ("is explained in an affidavit written by …": the agent is a later participle's.)
    if (token.kind === 'number' || spanWords(COMPLEMENT_BEFORE_AGENT_ROW).has(token.lower) || TIME_WORDS.has(token.lower) || (index > start && (/ed$/.test(token.lower) || spanWords('span.passive-agent').has(token.lower)))) return false;
  }
  // ("praised repeatedly by …": adverbs alone say how, not what was held.)
  let onlyAdverbs = true;
  for (let index = start; index < by && onlyAdverbs; index++) onlyAdverbs = LY_ADVERB.test(lower(index)) || CUE_ADVERBS.has(lower(index));
  if (onlyAdverbs) return false;
  return !(by - start === 2 && (OBJECT_PRONOUNS.has(lower(start + 1)) || PRONOUNS.has(lower(start + 1))));
}

/**
 * "The bill, opposed by the pilots, stalled", "a practice criticized by the union": a participle
 * of span.reduced-passive right after a noun (or after a noun and its comma) with its agent: the
 * agent opposed or criticized what the noun phrase names, which is the content.
 */
function readReducedPassive(ctx: Reading, sentence: Sentence, before: number, cueStart: number, cueSpan: Span, speaker: Span | null, agentStart: number, ruleId: string, rules: string[]): Attribution | null {
  const { tokens, lower, spanOf } = ctx;
  if (!speaker || !spanWords('span.reduced-passive').has(lower(cueStart))) return null;
  const end = (tokens[before] as Token | undefined)?.text === ',' ? before : before + 1;
  const head = tokens[end - 1] as Token | undefined;
  // ("the law, opposed by …": a word the lexicon does not know heads the phrase too, unless its ending makes it a verb form.)
  if (end - 1 < sentence.tokenStart || !head || head.kind !== 'word' || (!head.capitalized && !isNounWord(ctx, head.lower) && !unlistedNoun(ctx, head))) return null;
  const subject = readSpeakerBefore(ctx, sentence.tokenStart, end);
  if (!subject) return null;
  // "struck down the law, opposed by …": the particle of the verb before is no part of the phrase.
  let start = subject.start;
  while (start < end - 1 && !(tokens[start] as Token).capitalized && ctx.state.lexicon.classes(lower(start)).has('preposition')) start++;
  return buildAttribution(ctx, speaker, cueSpan, spanOf(start, subject.end) as Span, ruleId, agentStart, [...rules, 'span.reduced-passive']);
}

/** A lower-case word the lexicon files under no class and whose ending is no verb form's ("law", "allegation", not "ended"). */
function unlistedNoun(ctx: Reading, token: Token): boolean {
  return ctx.state.lexicon.classes(token.lower).size === 0 && !/(?:ed|ing)$/.test(token.lower) && !AUXILIARIES.has(token.lower) && !CLAUSE_WORDS.has(token.lower);
}

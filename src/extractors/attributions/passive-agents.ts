import type { Sentence, Token } from '../text/tokens.js';
import type { Attribution, Span } from '../../model/claim.js';
import { AUXILIARIES, CLAUSE_WORDS, PASSIVE_MARKERS, PAST_FORM, MAX_SPEAKER_TOKENS } from './word-lists.js';
import { readSpeakerBefore, validSpeaker } from './speaker-spans.js';
import { contentAfter } from './content-spans.js';
import { buildAttribution } from './relation-assembly.js';
import { spanWords } from './span-rules.js';
import type { CueForm } from './engine.js';
import type { Reading } from './reading.js';

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
    if (!token.capitalized && spanWords('span.passive-agent-ends').has(token.lower)) {
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
  let auxiliaryStart = cueStart - 1;
  while (auxiliaryStart >= sentence.tokenStart && AUXILIARIES.has(lower(auxiliaryStart))) auxiliaryStart--;
  let passive = false;
  for (let index = auxiliaryStart + 1; index < cueStart; index++) if (PASSIVE_MARKERS.has(lower(index))) passive = true;
  // "a contract backed by the trust" describes the contract: only a finite passive reports.
  if (!passive) return null;
  const subject = readSpeakerBefore(ctx, sentence.tokenStart, auxiliaryStart + 1);
  if (!subject) return null;
  const content = spanOf(subject.start, subject.end) as Span;
  return buildAttribution(ctx, speaker, cueSpan, content, cue.ruleId, by + 1, rules);
}

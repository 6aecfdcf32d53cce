import type { Attribution, Span } from '../../model/claim.js';
import type { Sentence, Token } from '../text/tokens.js';
import { contentAfter } from './content-spans.js';
import type { CueForm } from './engine.js';
import type { Reading } from './reading.js';
import { buildAttribution } from './relation-assembly.js';
import { subjectAt } from './sentence-subjects.js';
import { COORDINATORS } from './word-lists.js';

/**
 * "After saying he was nervous, the man asked …", "In calling the levy a swindle, the
 * skipper …", "Noting that fares rose, the mayor said …": a participle cue in a clause that
 * opens the sentence has the main clause's subject, after the comma, as its speaker; its
 * content ends at that comma.
 */

/** Words that open such a clause before the participle. */
const PARTICIPLE_CLAUSE_OPENERS = new Set(['after', 'before', 'while', 'since', 'despite', 'in', 'by', 'when', 'upon', 'without', 'through', 'besides']);
/** How far the opening clause may run before its comma. */
const MAX_OPENING_CLAUSE_TOKENS = 40;

/** Whether only quotation marks and coordinators ("But", "And") stand between the sentence start and `index`. */
export function opensSentence(ctx: Reading, sentenceStart: number, index: number): boolean {
  for (let at = sentenceStart; at < index; at++) if (!ctx.isOpenQuote(at) && !COORDINATORS.has(ctx.lower(at))) return false;
  return true;
}

export function readOpeningParticiple(ctx: Reading, sentenceIndex: number, sentence: Sentence, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, cue: CueForm): Attribution | null | undefined {
  const { tokens, lower, quotes } = ctx;
  // The clause opens with a preposition before the participle, or with the participle itself.
  // ("Having announced …, Roe said": the perfect participle's "having" opens it.)
  const clauseHead = PARTICIPLE_CLAUSE_OPENERS.has(lower(cueStart - 1)) || lower(cueStart - 1) === 'having' ? cueStart - 1 : cueStart;
  if (!opensSentence(ctx, sentence.tokenStart, clauseHead)) return undefined;
  let comma = cueEnd;
  while (comma < bodyEnd && comma - cueEnd < MAX_OPENING_CLAUSE_TOKENS && !((tokens[comma] as Token).text === ',' && quotes.depth[comma] === 0)) comma++;
  if (comma >= bodyEnd || (tokens[comma] as Token).text !== ',') return null;
  const subject = subjectAt(ctx, comma + 1, bodyEnd, true);
  // A subject running to the sentence end found no verb after it: not a main clause.
  if (!subject || subject.end >= bodyEnd) return null;
  // "Considering the cost, it's possible the plan …": an expletive main clause names no one who did the participle.
  if (clauseHead === cueStart && lower(subject.start) === 'it') return null;
  const content = contentAfter(ctx, sentenceIndex, comma, cueStart, cueEnd, cue);
  if (!content) return null;
  const rules = clauseHead === cueStart ? ['attribution.opening-participle', 'span.bare-opening-participle'] : ['attribution.opening-participle'];
  return buildAttribution(ctx, ctx.spanOf(subject.start, subject.end), cueSpan, content, cue.ruleId, subject.start, rules);
}

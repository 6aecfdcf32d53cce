import type { Attribution, Span } from '../../model/claim.js';
import type { Sentence, Token } from '../text/tokens.js';
import { contentAfter } from './content-spans.js';
import type { CueForm } from './engine.js';
import type { Reading } from './reading.js';
import { buildAttribution } from './relation-assembly.js';
import { subjectAt } from './speaker-spans.js';
import { COORDINATORS } from './word-lists.js';

/**
 * "After saying he was nervous, the man asked …", "In describing the plan as a buzz, the
 * columnist …": a participle cue in a clause that opens the sentence has the main clause's
 * subject, after the comma, as its speaker; its content ends at that comma.
 */

/** Words that open such a clause before the participle. */
const PARTICIPLE_CLAUSE_OPENERS = new Set(['after', 'before', 'while', 'since', 'despite', 'in', 'by', 'when', 'upon', 'without', 'through', 'besides']);
/** How far the opening clause may run before its comma. */
const MAX_OPENING_CLAUSE_TOKENS = 40;

export function readOpeningParticiple(ctx: Reading, sentenceIndex: number, sentence: Sentence, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, cue: CueForm): Attribution | null | undefined {
  const { tokens, lower, quotes } = ctx;
  const opener = cueStart - 1;
  if (!PARTICIPLE_CLAUSE_OPENERS.has(lower(opener))) return undefined;
  let clauseStart = sentence.tokenStart;
  while (clauseStart < opener && (ctx.isOpenQuote(clauseStart) || COORDINATORS.has(lower(clauseStart)))) clauseStart++;
  if (clauseStart !== opener) return undefined;
  let comma = cueEnd;
  while (comma < bodyEnd && comma - cueEnd < MAX_OPENING_CLAUSE_TOKENS && !((tokens[comma] as Token).text === ',' && quotes.depth[comma] === 0)) comma++;
  if (comma >= bodyEnd || (tokens[comma] as Token).text !== ',') return null;
  const subject = subjectAt(ctx, comma + 1, bodyEnd, true);
  // A subject running to the sentence end found no verb after it: not a main clause.
  if (!subject || subject.end >= bodyEnd) return null;
  const content = contentAfter(ctx, sentenceIndex, comma, cueStart, cueEnd, cue);
  if (!content) return null;
  return buildAttribution(ctx, ctx.spanOf(subject.start, subject.end), cueSpan, content, cue.ruleId, subject.start, ['attribution.opening-participle']);
}

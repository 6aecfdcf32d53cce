import type { Attribution, Span } from '../../model/claim.js';
import type { Sentence, Token } from '../text/tokens.js';
import type { CueForm } from './engine.js';
import type { Range, Reading } from './reading.js';
import { quotedOrClauseBefore } from './content-spans.js';
import { isFiniteVerbAt } from './clause-boundaries.js';
import { buildAttribution } from './relation-assembly.js';

/**
 * "As the Gazette reported, the pier closed in May." / "The pier closed in May, as the mayor
 * noted." / "The pier, as the mayor noted, closed in May." — a cue in an "as" clause reports the
 * main clause around it, not the words after the cue ("reported [on Monday]").
 */

/** How far after the cue the comma closing an opening "as" clause may stand: "As the Gazette first reported on Monday,". */
const MAX_AS_CLAUSE_TAIL = 6;

export function readAsClause(ctx: Reading, sentence: Sentence, bodyEnd: number, speaker: Range, cueStart: number, cue: CueForm): Attribution | null {
  if (cue.frame !== 'speech' && cue.frame !== 'finding') return null;
  const { tokens, lower, quotes, spanOf } = ctx;
  const as = speaker.start - 1;
  if (as < sentence.tokenStart || lower(as) !== 'as') return null;
  const cueEnd = cueStart + cue.words.length;
  const cueSpan = spanOf(cueStart, cueEnd) as Span;
  const speakerSpan = spanOf(speaker.start, speaker.end);
  const commaBefore = as > sentence.tokenStart && (tokens[as - 1] as Token).text === ',';
  if (as === sentence.tokenStart) {
    // "As the Gazette reported, …": the main clause after the comma.
    let comma = cueEnd;
    while (comma < bodyEnd && comma - cueEnd <= MAX_AS_CLAUSE_TAIL && !((tokens[comma] as Token).text === ',' && quotes.depth[comma] === 0)) comma++;
    if (comma >= bodyEnd || comma - cueEnd > MAX_AS_CLAUSE_TAIL || (tokens[comma] as Token).text !== ',') return null;
    // "As she said that, …", "As he reported the news, …": an object after the cue makes it an event, not a report of the main clause.
    for (let index = cueEnd; index < comma; index++) if (!ADJUNCT_WORD.test(lower(index))) return null;
    const content = spanOf(comma + 1, bodyEnd);
    if (!content || bodyEnd - comma < 4) return null;
    return buildAttribution(ctx, speakerSpan, cueSpan, content, cue.ruleId, speaker.start, ['attribution.as-clause']);
  }
  if (commaBefore && cueEnd + MAX_AS_CLAUSE_TAIL < bodyEnd) {
    // "The pier, as the mayor noted last week, closed in May.": the sentence around the insert, which holds the cue as a parenthetical does.
    let comma = cueEnd;
    while (comma < bodyEnd && comma - cueEnd <= MAX_AS_CLAUSE_TAIL && ADJUNCT_WORD.test(lower(comma))) comma++;
    // Only when the main clause's verb follows the insert, its subject before it; "Weeks ago, as the paper reported, the pier …" reports what follows.
    if ((tokens[comma] as Token | undefined)?.text !== ',' || quotes.depth[comma] !== 0 || bodyEnd - comma < 4 || !isFiniteVerbAt(ctx, comma + 1)) return null;
    const content = spanOf(sentence.tokenStart, bodyEnd);
    if (!content) return null;
    return buildAttribution(ctx, speakerSpan, cueSpan, content, cue.ruleId, speaker.start, ['attribution.as-clause']);
  }
  if (commaBefore) {
    // "…, as the mayor noted.": the clause before the comma.
    for (let index = cueEnd; index < bodyEnd; index++) if (!ADJUNCT_WORD.test(lower(index))) return null;
    const content = quotedOrClauseBefore(ctx, sentence, as - 1);
    if (!content) return null;
    return buildAttribution(ctx, speakerSpan, cueSpan, content, cue.ruleId, speaker.start, ['attribution.as-clause']);
  }
  return null;
}

/** Words that may follow the cue inside its "as" clause: time words, "earlier", "first", "on Monday", "last week". */
const ADJUNCT_WORD = /^(?:on|in|at|last|this|earlier|previously|first|recently|just|today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|morning|afternoon|evening|night|ago|a|the|few|days?|weeks?|months?|years?|\d+|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|\.)$/;

import type { Attribution, Span } from '../../model/claim.js';
import type { Sentence, Token } from '../text/tokens.js';
import type { Reading } from './reading.js';
import { buildAttribution } from './relation-assembly.js';
import { CLAUSE_WORDS, COORDINATORS, RELATIVE_SUBJECTS } from './word-lists.js';

/**
 * "The ferry was reportedly sold in May", "the man who allegedly set the fire": an adverb of
 * hearsay marks its clause as something others said, with no one named. The content is that
 * clause, from its subject to the next break.
 */

/** Punctuation that ends the clause around the adverb. */
const CLAUSE_BREAK = /^(?:[,;:()]|--?|—|–)$/;

export function readHearsay(ctx: Reading, sentence: Sentence, bodyEnd: number, cueStart: number, cueEnd: number, cueSpan: Span, ruleId: string): Attribution | null {
  const { tokens, quotes, lower, spanOf } = ctx;
  let start = cueStart;
  let end = cueEnd;
  if (cueStart === sentence.tokenStart && (tokens[cueEnd] as Token | undefined)?.text === ',') {
    // "Reportedly, the ferry was sold.": the whole sentence after the comma.
    start = cueEnd + 1;
    end = bodyEnd;
  } else {
    while (start > sentence.tokenStart) {
      const token = tokens[start - 1] as Token;
      if (quotes.depth[start - 1] !== 0 || (token.kind === 'punct' && CLAUSE_BREAK.test(token.text))) break;
      if (CLAUSE_WORDS.has(token.lower) && !COORDINATORS.has(token.lower)) {
        // "the man who allegedly set the fire": the relative pronoun is the clause's subject.
        if (start === cueStart && RELATIVE_SUBJECTS.has(token.lower)) start--;
        break;
      }
      start--;
    }
    while (start < cueStart && COORDINATORS.has(lower(start))) start++;
    while (end < bodyEnd && !(quotes.depth[end] === 0 && CLAUSE_BREAK.test((tokens[end] as Token).text))) end++;
  }
  // The adverb must stand inside a clause: something before it (its subject) and after it (its verb).
  if (start === cueStart || end - cueEnd < 1) return null;
  const content = spanOf(start, end);
  return content ? buildAttribution(ctx, null, cueSpan, content, ruleId, cueStart, ['attribution.hearsay']) : null;
}

import type { Sentence, Token } from '../text/tokens.js';
import { spanWords } from './span-rules.js';
import { DASHES } from './word-lists.js';
import type { Reading } from './reading.js';

/** A dateline ends at a dash, a lone hyphen included ("PARIS - …"). */
const DATELINE_DASHES = new Set([...DASHES, '-']);
/** A dateline is a place, perhaps a date and an agency: a handful of tokens. */
const MAX_DATELINE_TOKENS = 12;

/**
 * "WASHINGTON (AP) — The senator said …", "Paris, May 3 (AFP) – …": the place, date and agency
 * before the dash that opens a paragraph are not part of the sentence's subject. Returns the
 * first token after the dash, or the sentence start when there is no dateline.
 */
export function afterDateline(ctx: Reading, sentence: Sentence): number {
  const { tokens, sentences } = ctx;
  const previous = sentences[ctx.currentSentence - 1];
  if (previous && previous.paragraph === sentence.paragraph) return sentence.tokenStart;
  const agencies = spanWords('span.dateline');
  let capitals = false;
  let agency = false;
  const limit = Math.min(sentence.tokenEnd - 2, sentence.tokenStart + MAX_DATELINE_TOKENS);
  for (let index = sentence.tokenStart; index < limit; index++) {
    const token = tokens[index] as Token;
    if (DATELINE_DASHES.has(token.text) && index > sentence.tokenStart) return capitals || agency ? index + 1 : sentence.tokenStart;
    if (token.kind === 'word') {
      if (!token.capitalized) return sentence.tokenStart;
      if (agencies.has(token.lower) && (tokens[index - 1] as Token | undefined)?.text === '(') agency = true;
      if (index === sentence.tokenStart && token.text.length >= 3 && token.text === token.text.toUpperCase()) capitals = true;
    } else if (token.kind === 'punct' && !['.', ',', '(', ')'].includes(token.text)) {
      return sentence.tokenStart;
    }
  }
  return sentence.tokenStart;
}

import type { Sentence, Token } from '../text/tokens.js';
import { spanWords } from './span-rules.js';
import { DASHES } from './word-lists.js';
import type { Reading } from './reading.js';

/** A dateline ends at a dash, a lone hyphen included ("PARIS - …"). */
const DATELINE_DASHES = new Set([...DASHES, '-']);
/** The endings of a news site's name that stand in a dateline ("PanArmenian.Net - …"). */
const SITE_ENDINGS = new Set(['com', 'net', 'org', 'info', 'news', 'co', 'am', 'ru', 'ua', 'in', 'ng', 'ph', 'pk', 'uk', 'au', 'ca', 'ie', 'nz', 'za', 'ke', 'gh', 'my', 'sg']);
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
    if (DATELINE_DASHES.has(token.text) && index > sentence.tokenStart) {
      if (!capitals && !agency) return sentence.tokenStart;
      // "BERLIN -- …": a dash typed as two hyphens is one dash.
      let after = index + 1;
      while (after < sentence.tokenEnd && DATELINE_DASHES.has((tokens[after] as Token).text)) after++;
      return after;
    }
    if (token.kind === 'word') {
      const afterDot = (tokens[index - 1] as Token | undefined)?.text === '.' && index - 1 > sentence.tokenStart;
      // "PanArmenian.Net - …", "Example.com – …": a news site's name stands where an agency would.
      if (afterDot && SITE_ENDINGS.has(token.lower)) {
        agency = true;
        continue;
      }
      if (!token.capitalized) return sentence.tokenStart;
      if (agencies.has(token.lower) && (tokens[index - 1] as Token | undefined)?.text === '(') agency = true;
      if (index === sentence.tokenStart && token.text.length >= 3 && token.text === token.text.toUpperCase()) capitals = true;
      // "New York, NY – …": a state's or country's code after the place's name.
      if (index > sentence.tokenStart && /^\p{Lu}{2,3}$/u.test(token.text) && (tokens[index - 1] as Token | undefined)?.text === ',') capitals = true;
    } else if (token.kind === 'punct' && !['.', ',', '(', ')'].includes(token.text)) {
      return sentence.tokenStart;
    }
  }
  return sentence.tokenStart;
}

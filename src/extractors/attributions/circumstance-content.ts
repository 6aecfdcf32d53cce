import type { Attribution } from '../../model/claim.js';
import { AUXILIARY_VERBS, CLAUSE_OPENERS, LY_ADVERB } from './word-lists.js';
import { spanWords } from './span-rules.js';
import type { Reading } from './reading.js';

/** How many words a circumstance may run to: "before the Senate Joint Economic Committee on Thursday". */
const MAX_CIRCUMSTANCE_WORDS = 12;

/**
 * "an offer the leadership rebuffed at a White House meeting", "as Dayen noted in The Intercept",
 * "the crowd applauded loudly": content that is only when, where or how the cue happened, a
 * phrase opened by one of the words of span.circumstance-content with no verb and no
 * punctuation in it, or a lone "-ly" adverb, holds nothing anyone said: the cue was used with no
 * content of its own, or its content stands elsewhere.
 */
export function isCircumstanceOnly(ctx: Reading, attribution: Attribution): boolean {
  if (attribution.direct) return false;
  const words = attribution.content.text.split(/\s+/).filter(Boolean);
  const first = (words[0] ?? '').toLowerCase();
  // "family", "rally", "ally" are nouns a cue may take.
  if (words.length === 1) return LY_ADVERB.test(words[0] ?? '') && !ctx.state.lexicon.classes(first).has('noun');
  if (!spanWords('span.circumstance-content').has(first) || words.length > MAX_CIRCUMSTANCE_WORDS) return false;
  if (/[,;:"“”‘’(]|''/.test(attribution.content.text)) return false;
  // "in which hiring the best employee has paid off": a verb makes it a clause, which may say something.
  // "since 1914 that misery breeds fascism": a clause opened inside it is the content.
  return !words.some((word) => AUXILIARY_VERBS.has(word.toLowerCase()) || CLAUSE_OPENERS.has(word.toLowerCase()) || ctx.state.cues.has(word.toLowerCase()));
}

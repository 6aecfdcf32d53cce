import type { Attribution } from '../../model/claim.js';
import { AUXILIARY_VERBS, CLAUSE_OPENERS, DAY_WORDS, LY_ADVERB } from './word-lists.js';
import { spanWords } from './span-rules.js';
import type { Reading } from './reading.js';

/** How many words a circumstance may run to: "before the Senate Joint Economic Committee on Thursday". */
const MAX_CIRCUMSTANCE_WORDS = 12;

/**
 * "an offer the leadership rebuffed at a White House meeting", "as Dayen noted in The Intercept",
 * "the crowd applauded loudly", "Roe responded first", "the talks concluded Monday": content that is
 * only when, where or how the cue happened, a phrase opened by one of the words of
 * span.circumstance-content with no verb and no punctuation in it, a lone "-ly" adverb, or a lone
 * day or adverb of span.lone-adverb-content, holds nothing anyone said: the cue was used with no
 * content of its own, or its content stands elsewhere. Answers the rule that rules it out.
 */
export function circumstanceRuleOf(ctx: Reading, attribution: Attribution): string | undefined {
  if (attribution.direct) return undefined;
  const words = attribution.content.text.split(/\s+/).filter(Boolean);
  const first = (words[0] ?? '').toLowerCase();
  if (words.length === 1) {
    const word = first.replace(/[^\p{L}]/gu, '');
    if (DAY_WORDS.has(word) || spanWords('span.lone-adverb-content').has(word)) return 'span.lone-adverb-content';
    // "family", "rally", "ally" are nouns a cue may take.
    return LY_ADVERB.test(words[0] ?? '') && !ctx.state.lexicon.classes(first).has('noun') ? 'span.circumstance-content' : undefined;
  }
  if (!spanWords('span.circumstance-content').has(first) || words.length > MAX_CIRCUMSTANCE_WORDS) return undefined;
  if (/[,;:"“”‘’(]|''/.test(attribution.content.text)) return undefined;
  // "in which hiring the best employee has paid off": a verb makes it a clause, which may say something.
  // "since 1914 that misery breeds fascism": a clause opened inside it is the content.
  const clause = words.some((word) => AUXILIARY_VERBS.has(word.toLowerCase()) || CLAUSE_OPENERS.has(word.toLowerCase()) || ctx.state.cues.has(word.toLowerCase()));
  return clause ? undefined : 'span.circumstance-content';
}

import type { Token } from '../text/tokens.js';
import { isFiniteVerbAt } from './clause-boundaries.js';
import type { Reading } from './reading.js';
import { spanWords } from './span-rules.js';
import { AUXILIARY_VERBS, CLAUSE_WORDS, COORDINATORS, CUE_ADVERBS, LY_ADVERB, NEGATIONS, PRONOUNS } from './word-lists.js';

/** Row of config/attributions/spans.json: participle-only cue forms with no auxiliary before them, read as passives cut short. */
export const BARE_PARTICIPLE_PASSIVE_ROW = 'span.bare-participle-passive';

/** "we've", "it's", "they'd": a word carrying its own auxiliary, after which the participle is a perfect or a passive of a clause. */
const CARRIES_AUXILIARY = /['’](?:ve|s|d|re|m)$/;
/** "most known to …", "many seen as …": a lone quantifier is a degree word or a share, not a described noun phrase. */
const QUANTIFIERS: ReadonlySet<string> = new Set(['most', 'many', 'much', 'more', 'some', 'all', 'few', 'best', 'well', 'little', 'less', 'least']);
/** Verbs that make their object known or seen: "made their feelings known", "have their voice seen". */
const MAKING_VERBS: ReadonlySet<string> = new Set(['make', 'makes', 'made', 'making', 'let', 'lets', 'letting', 'get', 'gets', 'got', 'getting']);

/**
 * "a state seen as critical for the pilots", "a developer known to be bullish on golf": a form of a cue verb that is
 * only ever a participle, right after a noun phrase with nothing but adverbs between and no auxiliary, cannot be that
 * phrase's verb: the phrase is what is seen or known, and whose view it is goes unsaid. Returns where the phrase with
 * its participle ends (at the first comma or clause word outside a quotation, or the phrase's own auxiliary: "… known to
 * be bullish on golf is Jo Lee"), or undefined when the cue is no such participle, nothing follows it, or an agent
 * after "by" names whose view it is.
 */
export function bareParticiplePassiveEnd(ctx: Reading, speakerStart: number, speakerEnd: number, cueStart: number, cueEnd: number, bodyEnd: number): number | undefined {
  const { tokens, lower } = ctx;
  if (!spanWords(BARE_PARTICIPLE_PASSIVE_ROW).has(lower(cueStart))) return undefined;
  for (let index = speakerEnd; index < cueStart; index++) if (!CUE_ADVERBS.has(lower(index)) && !LY_ADVERB.test(lower(index))) return undefined;
  const first = tokens[speakerStart] as Token;
  const last = tokens[speakerEnd - 1] as Token;
  if (PRONOUNS.has(first.lower) || PRONOUNS.has(last.lower) || CARRIES_AUXILIARY.test(last.lower) || QUANTIFIERS.has(last.lower)) return undefined;
  // "made their feelings known": a verb inside the phrase read back makes it that verb's object, known by its subject.
  for (let index = speakerStart - 1; index < speakerEnd; index++) if (MAKING_VERBS.has(lower(index)) || (index >= speakerStart && isFiniteVerbAt(ctx, index))) return undefined;
  let end = cueStart + 1;
  while (end < bodyEnd) {
    const token = tokens[end] as Token;
    // ("known to be bullish": the infinitive's "be" is no verb of the phrase.)
    const ownVerb = AUXILIARY_VERBS.has(token.lower) && !NEGATIONS.has(token.lower) && lower(end - 1) !== 'to';
    // ("seen as a threat by the board": an agent names whose view it is; the passive readers take it.)
    if (token.lower === 'by' && outsideQuotes(ctx, end)) return undefined;
    // ("supportive of gay and transgender rights": a coordinator joining words goes on; one before a verb opens a clause.)
    const joinsWords = (COORDINATORS.has(token.lower) || token.lower === 'as') && !isFiniteVerbAt(ctx, end + 1);
    const outside = outsideQuotes(ctx, end);
    if (outside && ((token.kind === 'punct' && token.text !== '-') || (CLAUSE_WORDS.has(token.lower) && !joinsWords) || ownVerb)) break;
    end++;
  }
  return end > cueEnd ? end : undefined;
}

/** A word of the narration: outside any quotation and no quotation mark itself. */
function outsideQuotes(ctx: Reading, index: number): boolean {
  return ctx.quotes.depth[index] === 0 && !ctx.isOpenQuote(index) && !ctx.isCloseQuote(index);
}

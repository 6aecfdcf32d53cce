import type { Token } from '../text/tokens.js';
import type { Reading } from './reading.js';
import { spanWords } from './span-rules.js';
import { ADJECTIVE_ENDINGS, CLAUSE_WORDS, DETERMINERS, LY_ADVERB, CURRENCY_SIGN } from './word-lists.js';

/** Row of config/attributions/spans.json: forms of "find" that judge an object by an adjective after it ("finds the plan troubling"). */
export const JUDGED_OBJECT_ROW = 'span.judged-object';

/** How many words the object and the adjective after it may run: "his plan for the new pier wholly troubling". */
const MAX_JUDGED_OBJECT_TOKENS = 10;
/** Degree words that may stand between the object and its adjective: "found the gesture wholly appropriate". */
const DEGREE_WORDS: ReadonlySet<string> = new Set(['very', 'so', 'too', 'more', 'less', 'most', 'least', 'rather', 'quite', 'all']);

/**
 * "I find his plan troubling", "she found the gesture wholly appropriate", "Roe found it difficult to
 * win": a form of "find" (the span.judged-object row) whose object is followed by an adjective that
 * closes it is a judgement of the object, not a discovery, and its subject holds that view, person or
 * not. The adjective must end the phrase (the sentence, a comma, "to" or a preposition after it), so
 * "found the empty boat" stays a discovery.
 */
export function judgesObject(ctx: Reading, cueStart: number, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower, state } = ctx;
  if (cueEnd - cueStart !== 1 || !spanWords(JUDGED_OBJECT_ROW).has(lower(cueStart))) return false;
  for (let index = cueEnd + 1; index < bodyEnd && index - cueEnd < MAX_JUDGED_OBJECT_TOKENS; index++) {
    const token = tokens[index] as Token;
    const previous = tokens[index - 1] as Token;
    if (token.kind !== 'word' || ctx.quotes.depth[index] !== 0 || CLAUSE_WORDS.has(token.lower) || previous.kind === 'punct') return false;
    const classes = state.lexicon.classes(token.lower);
    const adjective = !token.capitalized && (classes.has('adjective') || ADJECTIVE_ENDINGS.test(token.lower));
    if (!adjective) continue;
    // The word before closes the object (a noun, a name, a pronoun) or is a degree word after it; not a determiner or a preposition ("the empty boat", "of little use").
    let objectEnd = index - 1;
    while (objectEnd > cueEnd && (DEGREE_WORDS.has(lower(objectEnd)) || LY_ADVERB.test(lower(objectEnd)))) objectEnd--;
    const closing = tokens[objectEnd] as Token;
    // ("the new levy": an adjective inside the object phrase is no judgement of it.)
    if (objectEnd < cueEnd || DETERMINERS.has(closing.lower) || state.lexicon.classes(closing.lower).has('preposition') || state.lexicon.classes(closing.lower).has('adjective')) continue;
    const next = tokens[index + 1] as Token | undefined;
    return index + 1 >= bodyEnd || next === undefined || next.kind === 'punct' || next.lower === 'to' || (!next.capitalized && state.lexicon.classes(next.lower).has('preposition'));
  }
  return false;
}

/** Row of config/attributions/spans.json: forms of verbs of estimating that value an object at a figure ("puts his worth at $4 billion"). */
export const VALUED_OBJECT_ROW = 'span.valued-object';

/** How many words the object may run before "at": "his overall support among likely voters". */
const MAX_VALUED_OBJECT_TOKENS = 12;
/** Marks that stay inside a valued object: an abbreviation's stop and a possessive. */
const OBJECT_MARKS: ReadonlySet<string> = new Set(['.', "'", "'s"]);
/** Words of approximation between "at" and the figure: "at about $4 billion", "at more than 40 percent". */
const APPROXIMATORS: ReadonlySet<string> = new Set(['about', 'around', 'roughly', 'nearly', 'almost', 'some', 'just', 'only', 'over', 'under', 'more', 'less', 'than', 'least', 'close', 'to', 'approximately', 'a', 'an']);

/**
 * "Forbes puts his net worth at $45 billion", "the bureau estimates the cost at 4 percent": a verb of
 * the span.valued-object row whose object is followed by "at" and a figure gives the subject's
 * estimate of that object, person, firm or document. The object must be a plain phrase (no clause
 * word, no punctuation but an apostrophe) and the figure a number, with perhaps a currency sign and a
 * word of approximation before it.
 */
export function valuesObject(ctx: Reading, cueStart: number, cueEnd: number, bodyEnd: number): boolean {
  const { tokens, lower } = ctx;
  if (!spanWords(VALUED_OBJECT_ROW).has(ctx.text.slice((tokens[cueStart] as Token).start, (tokens[cueEnd - 1] as Token).end).toLowerCase())) return false;
  for (let index = cueEnd + 1; index < bodyEnd && index - cueEnd <= MAX_VALUED_OBJECT_TOKENS; index++) {
    const token = tokens[index] as Token;
    const previous = tokens[index - 1] as Token;
    // ("Mr. Roe's fortune": the stop of an abbreviation and a possessive stay inside the object.)
    if ((previous.kind === 'punct' && !OBJECT_MARKS.has(previous.lower)) || CLAUSE_WORDS.has(previous.lower) || ctx.quotes.depth[index] !== 0) return false;
    if (token.lower !== 'at') continue;
    let figure = index + 1;
    while (figure < bodyEnd && APPROXIMATORS.has(lower(figure))) figure++;
    if (figure < bodyEnd && (tokens[figure] as Token).kind === 'punct' && CURRENCY_SIGN.test((tokens[figure] as Token).text)) figure++;
    return figure < bodyEnd && (tokens[figure] as Token).kind === 'number';
  }
  return false;
}

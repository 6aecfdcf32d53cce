import type { Token } from '../text/tokens.js';
import { firstStartingAtOrAfter } from '../text/spans.js';
import type { Reading } from './reading.js';
import { AUXILIARY_VERBS, CLAUSE_WORDS, DETERMINERS, OBJECT_PRONOUNS, PRONOUNS } from './word-lists.js';

/** Most words a first line may hold and still be the text's headline: a lead paragraph runs longer. */
const MAX_HEADLINE_WORDS = 25;

/**
 * "Mayor Roe Says Pier Will Close\n\nThe mayor …": the first line, when another line follows it and
 * it is short, is the headline; where it ends (a character offset), or -1 when the text opens with none.
 * `apartTitle`: the title the page gave apart from this text, if any.
 */
export function headlineEndOf(text: string, apartTitle: string | null = null): number {
  // A page's title kept apart from its text ("Biden leans on Mexico" above "The Biden administration is …"):
  // the first line is the lead paragraph, unless the text repeats the title there.
  if (apartTitle !== null && !text.startsWith(apartTitle.trim())) return -1;
  const lineEnd = text.indexOf('\n');
  if (lineEnd < 0 || !/\S/u.test(text.slice(lineEnd))) return -1;
  const words = text.slice(0, lineEnd).match(/[\p{L}\p{N}]+(?:['’]\p{L}+)*/gu)?.length ?? 0;
  return words > 0 && words <= MAX_HEADLINE_WORDS ? lineEnd : -1;
}

/** Headline words of this length or more are capitalised in Title Case; shorter ones ("of", "to") may not be. */
const TITLE_WORD_LENGTH = 4;
const TITLE_CASE_SHARE = 0.8;

/** Whether the tokens from `from` to `to` are words in Title Case ("Mayor Says Bridge Will Reopen") or capitals, not in sentence case. */
export function isTitleCaseRun(tokens: readonly Token[], from: number, to: number): boolean {
  let words = 0;
  let capitalized = 0;
  for (let index = from; index < to; index++) {
    const token = tokens[index] as Token;
    if (token.kind !== 'word' || token.text.length < TITLE_WORD_LENGTH) continue;
    words++;
    if (token.capitalized) capitalized++;
  }
  return words >= 3 && capitalized >= TITLE_CASE_SHARE * words;
}

/** Whether the headline ending at character `headlineEnd` is in Title Case or capitals. */
export function isTitleCaseLine(tokens: readonly Token[], headlineEnd: number): boolean {
  return isTitleCaseRun(tokens, 0, firstStartingAtOrAfter(tokens, headlineEnd));
}

/** Words that Title Case capitalises though they never name anyone: auxiliaries, pronouns, articles, prepositions, conjunctions. */
const SMALL_WORDS: ReadonlySet<string> = new Set([...AUXILIARY_VERBS, ...DETERMINERS, ...PRONOUNS, ...OBJECT_PRONOUNS, ...CLAUSE_WORDS, 'to', 'of', 'from', 'in', 'for', 'with', 'on', 'at', 'by', 'about', 'against', 'over', 'into', 'not', 'just', 'now', 'also', 'still']);

/**
 * "Jo Lee Says She Will Back The Pier Plan": in a Title Case headline the small words ("She", "Will",
 * "The") read as in a sentence, so a capital marks a name or a verb there as it does elsewhere. The
 * first word keeps its capital, as any sentence's does; "I" keeps its own. `titleCase`: the headline is in Title Case (isTitleCaseLine).
 */
export function withHeadlineSmallWords(tokens: readonly Token[], headlineEnd: number, titleCase: boolean): readonly Token[] {
  if (headlineEnd < 0 || !titleCase) return tokens;
  return tokens.map((token, index) => {
    if (index === 0 || token.start >= headlineEnd || !token.capitalized || token.lower === 'i' || !SMALL_WORDS.has(token.lower) || token.text === token.text.toUpperCase()) return token;
    return { ...token, capitalized: false };
  });
}

/** Row of config/attributions/spans.json: single marks that quote in a headline ("Ferry Union Calls Levy ‘Theft’"). */
const HEADLINE_QUOTES_ROW = 'span.headline-quotes';
/** Row of config/attributions/spans.json: the small words of a Title Case headline, read as in a sentence. */
const HEADLINE_SMALL_WORDS_ROW = 'span.headline-small-words';
/** Single quotation marks, which only a headline's pairs make quotes of. */
const SINGLE_MARKS: ReadonlySet<string> = new Set(['‘', '’', "'"]);

/** The rows of the headline's ways of writing that a report from character `from` to `to` was read by: its single quotation marks, the small words of its Title Case. */
export function headlineRulesOf(ctx: Reading, from: number, to: number): string[] {
  const rules: string[] = [];
  for (let index = firstStartingAtOrAfter(ctx.tokens, from); index < ctx.tokens.length; index++) {
    const token = ctx.tokens[index] as Token;
    if (token.start >= to || token.start >= ctx.headlineEnd) break;
    if (ctx.quotes.role[index] !== 0 && SINGLE_MARKS.has(token.text) && !rules.includes(HEADLINE_QUOTES_ROW)) rules.push(HEADLINE_QUOTES_ROW);
    if (!token.capitalized && /^\p{Lu}/u.test(token.text) && !rules.includes(HEADLINE_SMALL_WORDS_ROW)) rules.push(HEADLINE_SMALL_WORDS_ROW);
  }
  return rules;
}

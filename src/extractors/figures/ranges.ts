import { HYPHENS, SENTENCE_ENDS, matchPhrase, type ScanContext } from './context.js';
import type { CurrencyRow } from './lexicon.js';
import { readNumber } from './numbers.js';
import { looksLikeYear } from './dates.js';
import { glued, type Token } from './tokens.js';
import { readScale } from './units.js';

/** The second end of a range: "-30", "to 30", "and 30" (after "between"), with its own scale. */
export function readRangeEnd(ctx: ScanContext, i: number, between: boolean, currency: CurrencyRow | null): { value: number; rawValue: number; scale: number; end: number; glued: boolean; currency: CurrencyRow | null } | null {
  const tokens = ctx.tokens;
  // "8- to 16-metre": the first number's hyphen waits for the unit after the second
  const dangling = !between && tokens[i] !== undefined && HYPHENS.has((tokens[i] as Token).text) && glued(tokens[i - 1], tokens[i]) && tokens[i + 1]?.lower === 'to';
  if (dangling) i++;
  const separator = tokens[i];
  if (!separator) return null;
  // "between four to six" is loose but common: after "between" the usual separators join too
  const isSeparator = (between && separator.lower === ctx.rules.rangeJoiner) || ctx.rules.rangeSeparators.has(separator.lower);
  if (!isSeparator) return null;
  if (!between && tokens[i - 1] && startsWithFrom(ctx, i)) return null;
  let at = i + 1;
  // "one-to-seven days": the hyphen after a glued "to"
  if (dangling && HYPHENS.has(tokens[at]?.text ?? '') && glued(separator, tokens[at]) && glued(tokens[at], tokens[at + 1])) at++;
  const symbol = matchPhrase(ctx.lex.currencySymbols, tokens, at);
  let rangeCurrency: CurrencyRow | null = null;
  if (symbol) {
    rangeCurrency = symbol.value;
    at = symbol.end;
  }
  const second = readNumber(tokens, at, ctx.lex);
  if (!second || second.weak) return null;
  // "grew by $4 billion to $41 billion": an amount restated after "by … to" is the new level
  if (rangeCurrency !== null && separator.lower === 'to' && byBefore(ctx, i)) return null;
  const isGlued = glued(tokens[i - 1], separator) && glued(separator, tokens[at]);
  if (second.digits && looksLikeYear(ctx, second)) return null;
  let end = second.end;
  let factor = 1;
  const scale = readScale(ctx, end, currency !== null || rangeCurrency !== null);
  if (scale) {
    factor = scale.factor;
    end = scale.end;
  }
  return { value: second.value * factor, rawValue: second.value, scale: factor, end, glued: isGlued, currency: rangeCurrency };
}

/** "by" shortly before the first amount of a "… to …" pair ("rose by $4 billion to …"). */
function byBefore(ctx: ScanContext, separatorIndex: number): boolean {
  for (let j = separatorIndex - 1; j >= Math.max(0, separatorIndex - 6); j--) {
    const token = ctx.tokens[j] as Token;
    if (token.lower === 'by') return true;
    if (SENTENCE_ENDS.has(token.text) || token.text === ',') return false;
  }
  return false;
}

/** "from 5% to 7%" is a change between two figures, not a range. */
function startsWithFrom(ctx: ScanContext, separatorIndex: number): boolean {
  for (let j = separatorIndex - 1; j >= Math.max(0, separatorIndex - 4); j--) {
    const token = ctx.tokens[j] as Token;
    if (ctx.rules.rangeNotAfter.has(token.lower)) return true;
    if (token.type === 'sym' && !HYPHENS.has(token.text) && token.text !== '$' && token.text !== '%') return false;
  }
  return false;
}

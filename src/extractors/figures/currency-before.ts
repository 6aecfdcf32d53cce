import { matchPhraseBefore, type ScanContext } from './context.js';
import type { CurrencyRow } from './lexicon.js';
import type { NumberRead } from './numbers.js';
import { glued } from './tokens.js';
import { readScale, readUnit } from './units.js';

/** The currency symbol or code written before a number ("$5", "HK$ 3", "EUR 40"), with where it starts. */
export function currencyBefore(ctx: ScanContext, number: NumberRead): { value: CurrencyRow; start: number } | null {
  return matchPhraseBefore(ctx.lex.currencySymbols, ctx.tokens, number.start, 3)
    ?? matchPhraseBefore(ctx.lex.currencyCodes, ctx.tokens, number.start, 1)
    ?? asciiSymbolBefore(ctx, number)
    ?? wordBefore(ctx, number);
}

/**
 * "Rupees 10,000", "dollar 22.5 million": a currency word before an amount written as money (digit
 * groups, decimals or a scale word) with no unit of its own after it ("the dollar 0.5% higher"),
 * and with no determiner before it.
 */
function wordBefore(ctx: ScanContext, number: NumberRead): { value: CurrencyRow; start: number } | null {
  if (!number.digits) return null;
  const match = matchPhraseBefore(ctx.lex.currencyWordsBefore, ctx.tokens, number.start, 3);
  // "the euro 1.0850": after a determiner the word names the currency as traded, the number its rate
  if (!match || ctx.rules.determiners.has(ctx.tokens[match.start - 1]?.lower ?? '')) return null;
  const scale = readScale(ctx, number.end, true);
  const writtenAsMoney = scale !== null || /\d[.,]\d/.test(ctx.tokens[number.start]?.text ?? '');
  return writtenAsMoney && readUnit(ctx, scale?.end ?? number.end, false, false) === null ? match : null;
}

/**
 * Text stripped to ASCII writes £ as "PS" and ¥ as "Y=" ("PS21,700", "Y=100 million"). Read as money only
 * glued to an amount written as money (digit groups, decimals or a scale word), since "PS5" names a console.
 */
function asciiSymbolBefore(ctx: ScanContext, number: NumberRead): { value: CurrencyRow; start: number } | null {
  const match = matchPhraseBefore(ctx.lex.currencyAsciiSymbols, ctx.tokens, number.start, 2);
  if (!match || !glued(ctx.tokens[number.start - 1], ctx.tokens[number.start])) return null;
  const writtenAsMoney = /[.,]\d/.test(number.digitText ?? '') || readScale(ctx, number.end, true) !== null;
  return writtenAsMoney ? match : null;
}

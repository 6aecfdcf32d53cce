import type { ScanContext } from './context.js';
import { looksLikeYear } from './dates.js';
import { readNumber, type NumberRead } from './numbers.js';
import { readScale, readUnit } from './units.js';

/**
 * "one in five", "seven out of 10", "one over 20": the number with the larger number after it, read
 * as one proportion. Loose joiners ("in") join only the proportions news writes with them: one in
 * anything, so many in ten, a hundred, a thousand, or in a handful ("two in three"), so that
 * "arrested 5 in 12 raids" stays two figures.
 */
export function readRatio(ctx: ScanContext, number: NumberRead): NumberRead | null {
  const tokens = ctx.tokens;
  const { joiners, loose, maxLooseDenominator } = ctx.rules.ratio;
  if (!Number.isInteger(number.value) || number.value < 0) return null;
  for (const joiner of joiners) {
    if (!joiner.every((word, k) => tokens[number.end + k]?.lower === word)) continue;
    const second = readNumber(tokens, number.end + joiner.length, ctx.lex);
    if (!second || second.weak || !Number.isInteger(second.value) || second.value <= number.value) return null;
    if (second.digits && looksLikeYear(ctx, second)) return null;
    let denominator = second.value;
    let end = second.end;
    const scale = readScale(ctx, end, false);
    if (scale) {
      denominator *= scale.factor;
      end = scale.end;
    }
    // "2 in 10 minutes", "5 over 3 years": the second number measures something of its own
    if (readUnit(ctx, end, scale !== null, false) !== null) return null;
    if (loose.has(joiner.join(' ')) && number.value !== 1 && !isPowerOfTen(denominator) && denominator > maxLooseDenominator) return null;
    return {
      value: number.value / denominator,
      start: number.start,
      end,
      ruleIds: [...number.ruleIds, ...second.ruleIds, 'pattern.ratio'],
      digits: false,
      digitText: null,
      weak: false,
    };
  }
  return null;
}

function isPowerOfTen(value: number): boolean {
  return value >= 10 && Math.log10(value) % 1 === 0;
}

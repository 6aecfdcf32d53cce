import type { ScanContext } from './context.js';
import type { NumberRead } from './numbers.js';
import { glued, type Token } from './tokens.js';

/** Dates, numeric dates, versions and years: digits that name a point in time or a section, not a quantity. */

/** Digit groups joined by glued dots from token i on ("1.2" "." "3"); null when fewer than three groups. */
export function dottedChain(ctx: ScanContext, i: number): { end: number; date: boolean } | null {
  const tokens = ctx.tokens;
  const groups = (tokens[i] as Token).text.split('.');
  let j = i + 1;
  while (tokens[j]?.text === '.' && tokens[j + 1]?.type === 'num' && glued(tokens[j - 1], tokens[j]) && glued(tokens[j], tokens[j + 1])) {
    groups.push(...(tokens[j + 1] as Token).text.split('.'));
    j += 2;
  }
  if (groups.length < 3 || groups.some((group) => !/^\d+$/.test(group))) return null;
  const [day, month, year] = groups.map(Number) as [number, number, number];
  const date = groups.length === 3 && day >= 1 && day <= 31 && month >= 1 && month <= 12 && ((groups[2] as string).length === 4 || (groups[2] as string).length === 2) && year >= 0;
  return { end: j, date };
}

/** Counts numbers joined by glued separators around token i ("12/25/2023"). */
export function gluedChain(ctx: ScanContext, i: number): { numbers: number; end: number; separators: Set<string> } {
  const tokens = ctx.tokens;
  let numbers = 1;
  let j = i;
  const separators = new Set<string>();
  while (true) {
    const separator = tokens[j + 1];
    const next = tokens[j + 2];
    if (!separator || !next || separator.type !== 'sym' || next.type !== 'num' || !glued(tokens[j], separator) || !glued(separator, next)) break;
    if (!['/', '-', '.'].includes(separator.text)) break;
    separators.add(separator.text);
    numbers++;
    j += 2;
  }
  return { numbers, end: j + 1, separators };
}

export function isDateContext(ctx: ScanContext, start: number, end: number, value: number): boolean {
  if (!Number.isInteger(value) || value < 1 || value > 31) return false;
  const isMonth = (token: Token | undefined): boolean => {
    if (!token || token.type !== 'word') return false;
    const word = token.lower.replace(/\.$/, '');
    if (!ctx.rules.months.has(word) && !ctx.format.months.includes(word)) return false;
    if (ctx.rules.capitalisedMonths.has(word) && !/^\p{Lu}/u.test(token.text)) return false;
    return true;
  };
  let before = start - 1;
  if (ctx.tokens[before]?.text === '.') before--;
  if (isMonth(ctx.tokens[before])) return true;
  let after = end;
  if (ctx.tokens[after]?.lower === 'of') after++;
  // "1. Januar": the day as an ordinal with a point, where the language writes dates so
  else if (ctx.format.ordinalDot && ctx.tokens[after]?.text === '.' && glued(ctx.tokens[end - 1], ctx.tokens[after])) after++;
  return isMonth(ctx.tokens[after]);
}

/** "September 11, 2001": the number at `start` follows a day of the month and its comma. */
export function followsDayOfMonth(ctx: ScanContext, start: number): boolean {
  const day = ctx.tokens[start - 2];
  if (ctx.tokens[start - 1]?.text !== ',' || day?.type !== 'num' || !/^\d{1,2}$/.test(day.text)) return false;
  return isDateContext(ctx, start - 2, start - 1, Number(day.text));
}

export function looksLikeYear(ctx: ScanContext, number: NumberRead): boolean {
  const digits = number.digitText;
  return digits !== null && /^\d{4}$/.test(digits) && number.value >= ctx.rules.yearMin && number.value <= ctx.rules.yearMax;
}

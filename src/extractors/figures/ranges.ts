import { HYPHENS, SENTENCE_ENDS, matchPhrase, type Candidate, type ScanContext, type ScanState } from './context.js';
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
  // "from 30-600 MW": numbers glued by a dash are one range even after "from"
  const dashJoined = gluedDash(tokens, i);
  if (!between && !dashJoined && tokens[i - 1] && startsWithFrom(ctx, i)) return null;
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

/**
 * "± 0.5", "+/- 1e-5" after a number: the margin either side of it, with its own scale; the
 * figure keeps the central value and spans both ends.
 */
export function readMargin(ctx: ScanContext, i: number): { margin: number; end: number } | null {
  const tokens = ctx.tokens;
  const sign = ctx.rules.marginSigns.find((parts) => parts.every((part, k) => tokens[i + k]?.text === part && (k === 0 || glued(tokens[i + k - 1], tokens[i + k]))));
  if (sign === undefined) return null;
  const margin = readNumber(tokens, i + sign.length, ctx.lex);
  if (!margin || margin.weak || !margin.digits || margin.value <= 0) return null;
  const scale = readScale(ctx, margin.end, false);
  return scale ? { margin: margin.value * scale.factor, end: scale.end } : { margin: margin.value, end: margin.end };
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

/** "from 5% to 7%" is a change between two figures, not a range; "ranging from 5% to 7%" is one. */
function startsWithFrom(ctx: ScanContext, separatorIndex: number): boolean {
  for (let j = separatorIndex - 1; j >= Math.max(0, separatorIndex - 4); j--) {
    const token = ctx.tokens[j] as Token;
    if (ctx.rules.rangeNotAfter.has(token.lower)) return !ctx.rules.rangeVerbs.has(ctx.tokens[j - 1]?.lower ?? '');
    if (token.type === 'sym' && !HYPHENS.has(token.text) && token.text !== '$' && token.text !== '%') return false;
  }
  return false;
}

/**
 * "80% to 90%", "10 km to 20 km", "$12 per crate to $19 per crate": two figures of the same unit
 * joined by a range separator are one range, as "80 to 90%" is, and so are "70°–85°F", whose
 * scale written once refines the plain degree of the low end; not a change ("from 5% to 7%",
 * "rose 3% to 5%") and not a fall ("90% to 80%" reads as from-to).
 */
export function joinRepeatedUnitRanges(ctx: ScanState): void {
  const figures = ctx.figures;
  for (let k = 0; k + 1 < figures.length; k++) {
    const [low, high] = [figures[k] as Candidate, figures[k + 1] as Candidate];
    const separator = ctx.tokens[low.end];
    // "between 5% and 10%": after the opener its joiner separates the ends
    const between = separator?.lower === ctx.rules.rangeJoiner && ctx.tokens[low.start - 1]?.lower === ctx.rules.rangeOpener;
    if (!separator || high.start !== low.end + 1 || !(between || ctx.rules.rangeSeparators.has(separator.lower))) continue;
    const sameUnit = low.unit === high.unit || (high.unit !== null && ctx.rules.rangeRefinedUnits.get(high.unit) === low.unit);
    if (low.unit === null || !sameUnit || low.per !== high.per || low.kind !== high.kind) continue;
    // "rose 3% to 5%" is a change and a new level; "rose between 3% and 5%" one changed range
    if (low.low !== undefined || high.low !== undefined || (low.change !== undefined && !between) || high.qualifier !== undefined || low.value >= high.value) continue;
    const dashJoined = gluedDash(ctx.tokens, low.end);
    const from = ctx.tokens[low.start - 1];
    const change = from !== undefined && ctx.rules.rangeNotAfter.has(from.lower) && !ctx.rules.rangeVerbs.has(ctx.tokens[low.start - 2]?.lower ?? '');
    if (!dashJoined && (change || startsWithFrom(ctx, low.end) || byBefore(ctx, low.end))) continue;
    // the refined unit's rule is the high end's ("°F" after "70°-85")
    if (low.unit !== high.unit) low.ruleIds.push(...high.ruleIds.filter((id) => !low.ruleIds.includes(id)));
    low.unit = high.unit;
    low.low = low.value;
    low.high = high.value;
    low.value = (low.value + high.value) / 2;
    low.end = high.end;
    if (between) low.start -= 1;
    low.ruleIds.push('pattern.range');
    figures.splice(k + 1, 1);
  }
}

/** A dash glued to the numbers on both sides ("30-600"): one range, whatever comes before it. */
function gluedDash(tokens: readonly Token[], at: number): boolean {
  const dash = tokens[at] as Token;
  return HYPHENS.has(dash.text) && glued(tokens[at - 1], dash) && glued(dash, tokens[at + 1]);
}

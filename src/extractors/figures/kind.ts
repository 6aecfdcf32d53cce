import type { FigureKind } from '../../model/claim.js';
import type { ScanContext } from './context.js';
import type { CurrencyRow } from './lexicon.js';
import type { NumberRead } from './numbers.js';
import { readCoordinatedUnit, readScale, readUnit } from './units.js';

/** The unit and kind a figure's suffix gives it, and the scale factors it carries, in the order applied. */
export interface UnitDecision {
  unit: string | null;
  kind: FigureKind;
  end: number;
  ruleIds: string[];
  factors: number[];
  scaled: boolean;
}

/** After a fraction word ("half", "a third"), the token after "a"/"an" or "of a"/"of an"; null elsewhere. */
export function fractionArticleEnd(ctx: ScanContext, number: NumberRead, end: number): number | null {
  const last = ctx.tokens[number.end - 1];
  if (!last || ctx.lex.numberWords.get(last.lower)?.row.role !== 'fraction') return null;
  let at = end;
  if (ctx.tokens[at]?.lower === 'of') at++;
  return ARTICLES.has(ctx.tokens[at]?.lower ?? '') ? at + 1 : null;
}

const ARTICLES = new Set(['a', 'an']);

/**
 * The unit after the number at token `end`: an amount with a currency prefix stays money and only
 * swallows a currency word restating it ("$5 USD"); otherwise a currency word or code, a unit of
 * measure or percent, or the unit of a coordinated number ("2 or 3 weeks"). Counted nouns are read
 * later, once years are ruled out.
 */
export function decideUnit(ctx: ScanContext, end: number, currency: CurrencyRow | null, scaled: boolean, weak = false): UnitDecision {
  const decision: UnitDecision = { unit: null, kind: 'count', end, ruleIds: [], factors: [], scaled };
  if (currency) {
    decision.unit = currency.code;
    decision.kind = 'money';
    const suffix = readUnit(ctx, end, scaled, true);
    if (suffix?.currency) {
      decision.end = suffix.end;
      if (suffix.unit !== currency.code) decision.ruleIds.push(suffix.ruleId);
    }
    return decision;
  }
  const suffix = readUnit(ctx, end, scaled, false);
  if (suffix) {
    decision.unit = suffix.unit;
    decision.kind = suffix.kind;
    decision.end = suffix.end;
    decision.ruleIds.push(suffix.ruleId);
    if (suffix.via !== undefined) decision.ruleIds.push(suffix.via);
    if (suffix.factor !== undefined && !decision.scaled) {
      decision.factors.push(suffix.factor);
      decision.scaled = true;
    }
    // "75 USD million": the scale after the code
    const after = suffix.currency && !decision.scaled ? readScale(ctx, decision.end, true) : null;
    if (after) {
      decision.factors.push(after.factor);
      decision.end = after.end;
      decision.ruleIds.push(after.ruleId);
      decision.scaled = true;
    }
    return decision;
  }
  const coordinated = readCoordinatedUnit(ctx, end, scaled, weak);
  if (coordinated) {
    decision.unit = coordinated.unit;
    decision.kind = coordinated.kind;
    decision.ruleIds.push(coordinated.ruleId, 'pattern.coordinated-unit');
    if (coordinated.factor !== undefined && !decision.scaled) {
      decision.factors.push(coordinated.factor);
      decision.scaled = true;
    }
  }
  return decision;
}

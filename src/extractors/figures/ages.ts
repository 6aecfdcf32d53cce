import type { ScanContext } from './context.js';

/** Units of age end so: "year of age", "month of age", "week of age", "day of age" (config/figures/units.json). */
const AGE_UNIT_SUFFIX = ' of age';

/** Whether a figure's unit is an age: it describes a person or animal rather than stating a quantity. */
export function isAgeUnit(unit: string | null | undefined): boolean {
  return unit?.endsWith(AGE_UNIT_SUFFIX) === true;
}

/**
 * "He will be 35", "she turned 40": a bare number right after a personal pronoun and a form of
 * 'be' or 'turn' is that person's age (the caller has found nothing counted after it).
 */
export function isAgeAfterCopula(ctx: ScanContext, start: number, end: number): boolean {
  const tokens = ctx.tokens;
  const age = ctx.rules.ageCopula;
  let at = start - 1;
  if (!age.verbs.has(tokens[at]?.lower ?? '')) return false;
  if (tokens[at]?.lower === 'be' && age.modals.has(tokens[at - 1]?.lower ?? '')) at--;
  if (!age.subjects.has(tokens[at - 1]?.lower ?? '')) return false;
  // "he was 3 for 4", "she was 1 of 12": a tally, not an age
  const next = tokens[end];
  return next === undefined || !age.notBefore.has(next.lower);
}

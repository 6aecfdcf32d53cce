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

/** "aged 45", "at the age of 45": where the words before the number at `start` that make it an age begin, or null. */
export function ageWordsStart(ctx: ScanContext, start: number): number | null {
  const tokens = ctx.tokens;
  for (const phrase of ctx.rules.agePhrases) {
    const first = start - phrase.length;
    if (first >= 0 && phrase.every((word, k) => tokens[first + k]?.lower === word)) return first;
  }
  return null;
}

import type { Figure } from '../../model/claim.js';
import { isStringArray, loadRuleTable, type RuleRow, type RuleTable } from '../../rules/table.js';
import { isAgeUnit } from '../figures/index.js';

/**
 * Whether a figure makes its sentence a claim on its own. Ages, "one of the …", small bare counts
 * and counts of the writer's own list items (config/claims/figure-claims.json) do not: a
 * fact-checker would not check them. They stay in the figures list and in a claim made for another
 * reason.
 */
export interface FigureClaimRule extends RuleRow {
  /** Singular counted nouns whose counts number a list or advice ("tip", "way"), lower case. */
  countedNouns: ReadonlySet<string>;
}

export function figureClaimRules(): RuleTable<FigureClaimRule> {
  return loadRuleTable<FigureClaimRule>('claims/figure-claims', (row, base) => {
    if (!isStringArray(row.countedNouns) || row.countedNouns.length === 0) throw new Error('"countedNouns" must be a non-empty string array');
    return { ...base, countedNouns: new Set(row.countedNouns.map((noun) => noun.toLowerCase())) };
  });
}

/**
 * Below this, a whole number with nothing counted ("10-speed", "Class 1", "(3)", "of the two",
 * "top 10") is far more often a label, rank, list marker or reference than a quantity.
 */
const LEAST_BARE_COUNT = 100;

/** The id of the rule by which a figure makes no claim on its own, or undefined when it makes one. */
export function figureNotClaimRule(figure: Figure): string | undefined {
  // years, months, weeks or days of age describe a person
  if (isAgeUnit(figure.unit)) return 'figure-claim.age';
  if (figure.kind !== 'count') return undefined;
  if (!figure.unit) return figure.value !== null && Number.isInteger(figure.value) && Math.abs(figure.value) < LEAST_BARE_COUNT ? 'figure-claim.bare-count' : undefined;
  if (figure.value === 1 && figure.ruleIds.includes('pattern.counted-of')) return 'figure-claim.one-of';
  // the head of the counted noun: "easy way" counts ways
  const head = figure.unit.split(' ').pop() ?? figure.unit;
  return figureClaimRules().rules.find((rule) => rule.countedNouns.has(head))?.id;
}

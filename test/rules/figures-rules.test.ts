import { extractFigures } from '../../src/extractors/figures/index.js';
import { loadFigureTables } from '../../src/extractors/figures/lexicon.js';
import type { RuleRow } from '../../src/rules/table.js';
import { testRuleExamples } from '../helpers/rule-examples.js';

/** A rule fires on an example when a figure lists it in ruleIds or a rejection names it. */
function fires(rule: RuleRow, example: string): boolean {
  const { figures, rejected } = extractFigures(example);
  return figures.some((figure) => figure.ruleIds.includes(rule.id)) || rejected.some((candidate) => candidate.ruleId === rule.id);
}

const tables = loadFigureTables();
for (const table of Object.values(tables)) testRuleExamples(table, fires);

import { extractActors } from '../../src/extractors/actors/index.js';
import { extractAttributions } from '../../src/extractors/attributions/index.js';
import { cueRules, speakerRules } from '../../src/extractors/attributions/rules.js';
import { testRuleExamples } from '../helpers/rule-examples.js';

function fires(ruleId: string, example: string): boolean {
  const { actors } = extractActors(example);
  return extractAttributions(example, actors).attributions.some((attribution) => attribution.ruleIds.includes(ruleId));
}

testRuleExamples(cueRules(), (rule, example) => fires(rule.id, example));
testRuleExamples(speakerRules(), (rule, example) => fires(rule.id, example));

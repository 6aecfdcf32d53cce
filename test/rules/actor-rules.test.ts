import { extractActors } from '../../src/extractors/actors/index.js';
import { aliasRules, everydayNamePartRules, everydayWordRules, evidenceRules, lexiconRules, peopleNameRules, titleRules } from '../../src/extractors/actors/rules.js';
import { testRuleExamples } from '../helpers/rule-examples.js';

/** A rule fires when a mention it produced, or a candidate it rejected, carries its id. */
function fires(ruleId: string, example: string): boolean {
  const { actors, rejected } = extractActors(example);
  return actors.some((actor) => actor.ruleIds.includes(ruleId)) || rejected.some((candidate) => candidate.ruleId === ruleId);
}

testRuleExamples(titleRules(), (rule, example) => fires(rule.id, example));
testRuleExamples(aliasRules(), (rule, example) => fires(rule.id, example));
testRuleExamples(lexiconRules(), (rule, example) => fires(rule.id, example));
testRuleExamples(evidenceRules(), (rule, example) => fires(rule.id, example));
testRuleExamples(peopleNameRules(), (rule, example) => fires(rule.id, example));
testRuleExamples(everydayWordRules(), (rule, example) => fires(rule.id, example));
testRuleExamples(everydayNamePartRules(), (rule, example) => fires(rule.id, example));

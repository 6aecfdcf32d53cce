import { extractActors } from '../../src/extractors/actors/index.js';
import { extractAttributions } from '../../src/extractors/attributions/index.js';
import { extractClaims } from '../../src/extractors/claims/index.js';
import { cueLanguageRules } from '../../src/extractors/attributions/languages.js';
import { cueRules, labelRules, mindCueRules, nonCueRules, speakerRules } from '../../src/extractors/attributions/rules.js';
import { spanRules } from '../../src/extractors/attributions/span-rules.js';
import { testRuleExamples } from '../helpers/rule-examples.js';

/** A rule fires when an attribution it produced, or a candidate it rejected, carries its id. */
function fires(ruleId: string, example: string): boolean {
  const { actors } = extractActors(example);
  const { attributions, embedded, rejected } = extractAttributions(example, actors);
  return [...attributions, ...embedded].some((attribution) => attribution.ruleIds.includes(ruleId)) || rejected.some((candidate) => candidate.ruleId === ruleId);
}

testRuleExamples(cueRules(), (rule, example) => fires(rule.id, example));
testRuleExamples(nonCueRules(), (rule, example) => fires(rule.id, example));
testRuleExamples(mindCueRules(), (rule, example) => fires(rule.id, example));
testRuleExamples(labelRules(), (rule, example) => fires(rule.id, example));
testRuleExamples(speakerRules(), (rule, example) => fires(rule.id, example));
testRuleExamples(spanRules(), (rule, example) => fires(rule.id, example));

/** A language row fires when text in it gets attributions. */
testRuleExamples(cueLanguageRules(), (_rule, example) => extractClaims(example, { articleId: 'language' }).attributions.length > 0);

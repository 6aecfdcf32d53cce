import { analyzeText } from '../../src/extractors/text/tokens.js';
import { nameWithStopAt, nameWithStopRules } from '../../src/extractors/text/names-with-stops.js';
import { testRuleExamples } from '../helpers/rule-examples.js';

/** A name row fires when a mark inside one of its names stands in the middle of a sentence. */
function fires(ruleId: string, example: string): boolean {
  const { tokens, sentenceOf } = analyzeText(example);
  const textAt = (at: number): string | undefined => tokens[at]?.text;
  return tokens.some((token, index) => (token.text === '.' || token.text === '!') && nameWithStopAt(index, textAt) === ruleId && sentenceOf[index] === sentenceOf[index + 1]);
}

testRuleExamples(nameWithStopRules(), (rule, example) => fires(rule.id, example));

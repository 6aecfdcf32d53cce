import { findNotClaims, notClaimRules } from '../../src/extractors/claims/not-claims.js';
import { analyzeText } from '../../src/extractors/text/tokens.js';
import { testRuleExamples } from '../helpers/rule-examples.js';

/** A not-claim rule fires when it marks some span of the example. */
testRuleExamples(notClaimRules(), (rule, example) => findNotClaims(example, analyzeText(example).sentences).some((span) => span.ruleId === rule.id));

import { extractClaims } from '../../src/extractors/claims/index.js';
import { figureClaimRules, figureNotClaimRule } from '../../src/extractors/claims/figure-claims.js';
import { notClaimRules } from '../../src/extractors/claims/not-claims.js';
import { figureLanguageRules } from '../../src/extractors/figures/languages.js';
import { testRuleExamples } from '../helpers/rule-examples.js';

/** A not-claim rule fires when the extraction log of the example names it. */
testRuleExamples(notClaimRules(), (rule, example) => extractClaims(example, { articleId: 'rule-example' }).rejected.some((entry) => entry.layer === 'claim' && entry.ruleId === rule.id));

/** A figure-claim rule fires when it is the reason a figure of the example makes no claim. */
testRuleExamples(figureClaimRules(), (rule, example) => extractClaims(example, { articleId: 'rule-example' }).figures.some((figure) => figureNotClaimRule(figure, example) === rule.id));
/** A figure language row fires when text in it gets figures. */
testRuleExamples(figureLanguageRules(), (_rule, example) => extractClaims(example, { articleId: 'figure-language' }).figures.length > 0);

import type { Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { detectLanguage, compileLanguages } from '../../src/extractors/strip/language.js';
import { ruleMatchesElement } from '../../src/extractors/strip/rules.js';
import { toStripThresholds } from '../../src/extractors/strip/thresholds.js';
import { loadBoilerplatePhrases, loadBoilerplateRules, loadLanguageRules, loadStripThresholds } from '../../src/rules/strip-rules.js';
import { testRuleExamples } from '../helpers/rule-examples.js';

/** The first element of an HTML snippet: the element the rule is asked about. */
function firstElement(html: string): Element {
  const document = parseDocument(html);
  const element = document.children.find((node): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style');
  if (!element) throw new Error(`example has no element: ${html}`);
  return element;
}

testRuleExamples(loadBoilerplateRules(), (rule, example) => ruleMatchesElement(rule, firstElement(example)));

/** Phrase examples are plain text (a paragraph, or a heading for section rules) unless written as HTML. */
function phraseElement(kind: string, example: string): Element {
  if (example.startsWith('<')) return firstElement(example);
  const text = example.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  return firstElement(kind === 'sectionHeading' ? `<h3>${text}</h3>` : `<p>${text}</p>`);
}

const phraseTables = loadBoilerplatePhrases();
for (const table of phraseTables) testRuleExamples(table, (rule, example) => ruleMatchesElement(rule, phraseElement(rule.match.kind, example)));

describe('config/boilerplate-phrases', () => {
  it('has a table per language, with rule ids unique across every boilerplate table', () => {
    expect(phraseTables.map((table) => table.name)).toEqual(expect.arrayContaining(['de', 'en', 'es', 'fr', 'it', 'nl', 'pl', 'pt'].map((lang) => `boilerplate-phrases/${lang}`)));
    const ids = [...loadBoilerplateRules().rules, ...phraseTables.flatMap((table) => table.rules)].map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

const languages = loadLanguageRules();
const compiledLanguages = compileLanguages(languages.rules);
testRuleExamples(languages, (rule, example) => detectLanguage(example, compiledLanguages) === rule.id);

describe('config/strip-thresholds.json', () => {
  it('names every threshold the stripper reads, each with a reason', () => {
    const named = loadStripThresholds();
    expect(() => toStripThresholds(named)).not.toThrow();
    for (const entry of Object.values(named)) expect(entry.reason.length).toBeGreaterThan(10);
  });
});

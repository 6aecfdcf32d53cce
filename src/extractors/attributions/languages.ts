import type { RejectedCandidate } from '../../model/claim.js';
import { loadRuleTable, type RuleRow, type RuleTable } from '../../rules/table.js';
import { loadStripRules } from '../../rules/strip-rules.js';
import { detectLanguage, languageCode } from '../strip/language.js';

/** config/attributions/languages.json: the languages the cue tables are written for. */
export interface CueLanguageRule extends RuleRow {
  language: string;
}

export function cueLanguageRules(): RuleTable<CueLanguageRule> {
  return loadRuleTable<CueLanguageRule>('attributions/languages', (row, base) => {
    if (typeof row.language !== 'string' || !/^[a-z]{2,3}$/.test(row.language)) throw new Error('"language" must be a lower-case ISO 639 code');
    return { ...base, language: row.language };
  });
}

/**
 * The language the claim layers read the text in, as a primary code ("en-GB" → "en", "deu" →
 * "de"): the given one (the article's) unless the text's evidence is for another; null when
 * neither tells.
 */
export function cueLanguageOf(text: string, given: string | null): string | null {
  const table = loadStripRules().languages;
  return languageCode(detectLanguage(text, table, given) ?? given, table);
}

/** The rule covering `language` (unknown languages are read as the first row's), or a log entry saying none does. */
export function cueLanguageRule(language: string | null): { rule: CueLanguageRule } | { rejected: RejectedCandidate } {
  const rules = cueLanguageRules().rules;
  const rule = language === null ? rules[0] : rules.find((row) => row.language === language);
  if (rule) return { rule };
  return { rejected: { start: 0, end: 0, text: '', layer: 'attribution', reason: `no cue rules for language "${language}": no attributed claims`, ruleId: 'attribution.language-not-covered' } };
}

import { loadLanguageRows, type LanguageRow } from '../../rules/language-rows.js';
import type { RuleTable } from '../../rules/table.js';

/**
 * config/figures/languages.json: the languages the figures layer reads, each with why its
 * figures come out right (its number format, and the scale, percent, currency, unit and month
 * words the figure tables have in it). Text in any other language gets no figures.
 */
export function figureLanguageRules(): RuleTable<LanguageRow> {
  return loadLanguageRows('figures/languages');
}

/** Whether the figures layer reads `language` (a primary code; null, a text too short to tell, is read as English). */
export function figuresRead(language: string | null): boolean {
  return language === null || figureLanguageRules().rules.some((row) => row.language === language);
}

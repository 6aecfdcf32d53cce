import { loadLanguageRows, type LanguageRow } from '../../rules/language-rows.js';
import type { RuleTable } from '../../rules/table.js';
import { loadStripRules } from '../../rules/strip-rules.js';
import { detectLanguage, languageCode } from '../strip/language.js';

/** config/attributions/languages.json: the languages the cue tables are written for. */
export function cueLanguageRules(): RuleTable<LanguageRow> {
  return loadLanguageRows('attributions/languages');
}

/** Whether the cue tables read `language` (a primary code; null, a text too short to tell, is read as English when any table is). */
export function cuesRead(language: string | null): boolean {
  const rows = cueLanguageRules().rules;
  return language === null ? rows.length > 0 : rows.some((row) => row.language === language);
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

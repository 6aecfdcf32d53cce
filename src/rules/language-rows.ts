import { loadRuleTable, type RuleRow, type RuleTable } from './table.js';

/** A row of a table that says which languages one layer reads, and why. */
export interface LanguageRow extends RuleRow {
  language: string;
}

/** config/<name>.json as language rows ("language": a lower-case ISO 639 code). */
export function loadLanguageRows(name: string): RuleTable<LanguageRow> {
  return loadRuleTable<LanguageRow>(name, (row, base) => {
    if (typeof row.language !== 'string' || !/^[a-z]{2,3}$/.test(row.language)) throw new Error('"language" must be a lower-case ISO 639 code');
    return { ...base, language: row.language };
  });
}

import { isStringArray, loadRuleTable, type RuleRow, type RuleTable } from '../../rules/table.js';
import { ClaimfeedError } from '../../errors.js';

/**
 * config/attributions/spans.json: where a speaker or content span starts and stops. Each row
 * names one reading (a dateline before the story, a coordinated predicate after the content …);
 * `words`, where a row has them, are the closed list that reading needs.
 */
export interface SpanRule extends RuleRow {
  words: string[];
}

export function spanRules(): RuleTable<SpanRule> {
  return loadRuleTable<SpanRule>('attributions/spans', (row, base) => {
    const words = row.words ?? [];
    if (!isStringArray(words)) throw new Error('"words" must be a string array');
    return { ...base, words: words.map((word) => word.toLowerCase()) };
  });
}

const wordSets = new Map<string, ReadonlySet<string>>();

/** The `words` of the row `id`, as a set (an unknown id is a programming error). */
export function spanWords(id: string): ReadonlySet<string> {
  let words = wordSets.get(id);
  if (words) return words;
  const rule = spanRules().byId.get(id);
  if (!rule) throw new ClaimfeedError('RULE_TABLE_INVALID', `config/attributions/spans.json has no row ${id}`);
  words = new Set(rule.words);
  wordSets.set(id, words);
  return words;
}

/** "tell", "told" …: speech verbs whose object is who was addressed ("told reporters"), not the speaker or the content. */
export function takesAddressee(lowerWord: string): boolean {
  return spanWords('span.addressee-after-cue').has(lowerWord);
}

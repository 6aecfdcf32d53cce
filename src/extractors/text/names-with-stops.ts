import { isStringArray, loadRuleTable, type RuleRow, type RuleTable } from '../../rules/table.js';
import { tokenize } from './tokens.js';

/** config/text/names-with-stops.json: names spelt with a sentence mark inside them ("ID. 3", "Yahoo! News"). */
export interface NameWithStopRule extends RuleRow {
  /** Each name as its words and marks, in the order written. */
  names: string[][];
}

export function nameWithStopRules(): RuleTable<NameWithStopRule> {
  return loadRuleTable<NameWithStopRule>('text/names-with-stops', (row, base) => {
    if (!isStringArray(row.names) || row.names.length === 0) throw new Error('"names" must be a non-empty string array');
    // Split as the article's text is, so that the parts compare token by token ("ID. 3" → ID, ., 3).
    const names = row.names.map((name) => tokenize(name).map((token) => token.text));
    for (const [index, parts] of names.entries()) {
      const inside = parts.slice(0, -1).some((part, at) => at > 0 && (part === '.' || part === '!'));
      if (!inside) throw new Error(`"names[${index}]" must have a "." or "!" between two of its words`);
    }
    return { ...base, names };
  });
}

interface NameAtStop {
  parts: readonly string[];
  /** Where the mark sits among the parts. */
  stopAt: number;
  ruleId: string;
}

let byWordBeforeStop: Map<string, NameAtStop[]> | undefined;

/** The listed names, filed under the word right before each mark inside them. */
export function namesByWordBeforeStop(): ReadonlyMap<string, readonly NameAtStop[]> {
  if (byWordBeforeStop) return byWordBeforeStop;
  const map = new Map<string, NameAtStop[]>();
  for (const rule of nameWithStopRules().rules) {
    for (const parts of rule.names) {
      parts.forEach((part, stopAt) => {
        if ((part !== '.' && part !== '!') || stopAt === 0 || stopAt === parts.length - 1) return;
        const before = parts[stopAt - 1] as string;
        const list = map.get(before) ?? [];
        list.push({ parts, stopAt, ruleId: rule.id });
        map.set(before, list);
      });
    }
  }
  byWordBeforeStop = map;
  return map;
}

/**
 * The rule of a listed name whose inner mark is the token at `index` ("ID. 3"), or undefined.
 * `textAt` gives the text of a token by index (undefined past either end).
 */
export function nameWithStopAt(index: number, textAt: (at: number) => string | undefined): string | undefined {
  const candidates = namesByWordBeforeStop().get(textAt(index - 1) ?? '');
  if (!candidates) return undefined;
  for (const name of candidates) {
    if (name.parts.every((part, offset) => textAt(index - name.stopAt + offset) === part)) return name.ruleId;
  }
  return undefined;
}

import type { RuleRow } from '../../rules/table.js';

/**
 * Cheap language guess from the main text: first the writing system (a share of letters in
 * a script), then, for Latin script, the language whose stop words are most frequent.
 */
export interface LanguageRule extends RuleRow {
  /** Unicode script test, e.g. "\\p{Script=Hangul}", or null for stop-word languages. */
  script: string | null;
  /** Share of letters that must be in `script` (script rules only). */
  minShare: number;
  stopWords: readonly string[];
}

export interface CompiledLanguages {
  scripts: readonly { code: string; pattern: RegExp; minShare: number }[];
  stopWords: ReadonlyMap<string, readonly string[]>;
}

export function compileLanguages(rules: readonly LanguageRule[]): CompiledLanguages {
  const scripts: { code: string; pattern: RegExp; minShare: number }[] = [];
  const stopWords = new Map<string, string[]>();
  for (const rule of rules) {
    if (rule.script !== null) scripts.push({ code: rule.id, pattern: new RegExp(rule.script, 'gu'), minShare: rule.minShare });
    for (const word of rule.stopWords) {
      const codes = stopWords.get(word);
      if (codes) codes.push(rule.id);
      else stopWords.set(word, [rule.id]);
    }
  }
  return { scripts, stopWords };
}

const SAMPLE_CHARS = 1500;
const MIN_STOP_WORD_HITS = 3;

export function detectLanguage(text: string, table: CompiledLanguages): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  let nonAscii = 0;
  for (let index = 0; index < sample.length; index++) if (sample.charCodeAt(index) > 0x24f) nonAscii++;
  // Mostly Latin characters: no need to test the other writing systems.
  if (nonAscii / sample.length >= 0.05) {
    const letters = sample.match(/\p{L}/gu)?.length ?? 0;
    if (letters < 20) return null;
    for (const { code, pattern, minShare } of table.scripts) {
      pattern.lastIndex = 0;
      const count = sample.match(pattern)?.length ?? 0;
      if (count / letters >= minShare) return code;
    }
  }
  const counts = new Map<string, number>();
  for (const word of sample.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? []) {
    const codes = table.stopWords.get(word);
    if (codes) for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = MIN_STOP_WORD_HITS - 1;
  for (const [code, count] of counts) {
    if (count > bestCount) {
      best = code;
      bestCount = count;
    }
  }
  return best;
}

import { isStringArray, loadRuleTable, type RuleRow, type RuleTable } from '../../rules/table.js';
import { ClaimfeedError } from '../../errors.js';
import { verbForms } from '../nlp.js';

/**
 * config/attributions/spans.json: where a speaker or content span starts and stops. Each row
 * names one reading (a dateline before the story, a coordinated predicate after the content …);
 * `words`, where a row has them, are the closed list that reading needs; `after`, where a row has
 * it, the words that may follow what the reading matched.
 */
export interface SpanRule extends RuleRow {
  words: string[];
  after: string[];
}

export function spanRules(): RuleTable<SpanRule> {
  return loadRuleTable<SpanRule>('attributions/spans', (row, base) => {
    const words = row.words ?? [];
    const after = row.after ?? [];
    if (!isStringArray(words)) throw new Error('"words" must be a string array');
    if (!isStringArray(after)) throw new Error('"after" must be a string array');
    return { ...base, words: words.map((word) => word.toLowerCase()), after: after.map((word) => word.toLowerCase()) };
  });
}

const wordSets = new Map<string, ReadonlySet<string>>();
const afterSets = new Map<string, ReadonlySet<string>>();

/** One column of the row `id` as a set, built once (an unknown id is a programming error). */
function columnSet(cache: Map<string, ReadonlySet<string>>, id: string, column: (rule: SpanRule) => string[]): ReadonlySet<string> {
  const cached = cache.get(id);
  if (cached) return cached;
  const rule = spanRules().byId.get(id);
  if (!rule) throw new ClaimfeedError('RULE_TABLE_INVALID', `config/attributions/spans.json has no row ${id}`);
  const words = new Set(column(rule));
  cache.set(id, words);
  return words;
}

/** The `words` of the row `id`, as a set. */
export function spanWords(id: string): ReadonlySet<string> {
  return columnSet(wordSets, id, (rule) => rule.words);
}

/** The `after` words of the row `id`, as a set. */
export function spanAfterWords(id: string): ReadonlySet<string> {
  return columnSet(afterSets, id, (rule) => rule.after);
}

const phraseLists = new Map<string, readonly (readonly string[])[]>();

/** The `words` of the row `id` as phrases split into their words ("as long as" → as, long, as), built once per row. */
export function spanPhrases(id: string): readonly (readonly string[])[] {
  let phrases = phraseLists.get(id);
  if (!phrases) {
    phrases = [...spanWords(id)].map((phrase) => phrase.split(' '));
    phraseLists.set(id, phrases);
  }
  return phrases;
}

const verbFormSets = new Map<string, ReadonlySet<string>>();

/**
 * Every inflected form of the verbs in the `words` of the row `id` ("urge" → "urges", "urged",
 * "urging"); a phrasal verb inflects its head ("rely on" → "relied on"). Built once per row.
 */
export function spanVerbForms(id: string): ReadonlySet<string> {
  let forms = verbFormSets.get(id);
  if (!forms) {
    forms = new Set([...spanWords(id)].flatMap((verb) => {
      const [head = verb, ...rest] = verb.split(' ');
      const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
      const inflected = verbForms(head);
      return [head, inflected.present, inflected.past, inflected.gerund, inflected.participle ?? head].map((form) => `${form}${tail}`);
    }));
    verbFormSets.set(id, forms);
  }
  return forms;
}

/** "tell", "told" …: speech verbs whose object is who was addressed ("told reporters"), not the speaker or the content. */
export function takesAddressee(lowerWord: string): boolean {
  return spanWords('span.addressee-after-cue').has(lowerWord);
}

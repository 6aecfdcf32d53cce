import { ClaimfeedError } from '../../errors.js';
import type { FigureKind, FigureQualifier } from '../../model/claim.js';
import { isRecord, isStringArray, loadRuleTable, type RuleRow, type RuleTable } from '../../rules/table.js';
import { loadLanguageRules } from '../../rules/strip-rules.js';
import { withFastWordBoundaries } from '../../rules/word-boundaries.js';
import { compileLanguages, type CompiledLanguages } from '../strip/language.js';
import { verbForms } from '../nlp.js';
import { tokenize, type NumberFormat } from './tokens.js';

/**
 * The figure rule tables (config/figures/*.json), validated and compiled once into lookups the
 * scanner uses. Multi-word forms ("per cent", "sq m", "km/h") become token-sequence tries.
 */

export interface UnitRow extends RuleRow {
  unit: string;
  kind: FigureKind;
  forms: string[];
  caseSensitive: string[];
  /** form -> words one of which must follow it ("2 in thick") */
  onlyBefore: Record<string, string[]>;
  /** Whether any form has words it must come before: the scanner skips the check otherwise. */
  hasOnlyBefore: boolean;
  /** forms valid only glued to the digits ("40C", never "40 C") */
  gluedOnly: string[];
  /**
   * Forms that are also quotation marks ('"', "'"): a unit only where they close no quotation
   * (an even count of the mark before it in the sentence), or, where marks are listed, only
   * before a number that one of those marks follows ("5'10\"").
   */
  quoteForms: Record<string, string[]>;
  /** A unit of time: "each"/"every" before it makes a rate ("each year"). */
  time: boolean;
  /** A scale the form carries ("mb/d": million barrels a day). */
  factor?: number;
}

export interface CurrencyRow extends RuleRow {
  code: string;
  symbols: string[];
  suffixSymbols: string[];
  codes: string[];
  words: string[];
  requiresScale: boolean;
  /** What text stripped to ASCII writes for the symbol ("PS" for £, "Y=" for ¥), matched in the case written. */
  asciiSymbols: string[];
  /** A code written with a scale prefix ("MUSD", "MEUR"): the amount is in millions. */
  factor?: number;
}

export interface ScaleRow extends RuleRow {
  factor: number;
  forms: string[];
  currencyOnly: string[];
  /** currency-only forms that are also a scale when glued to the digits ("10k") */
  gluedOk: string[];
  /** currency-only forms that are also a scale glued to the digits before a counted noun ("1.2m people") */
  beforeCounted: string[];
  /** words after which a currency-only form is a unit of measure, never the scale ("the 400m hurdles": metres) */
  measureBefore: string[];
  /** forms that are a scale only as written ("grand", never "Grand" of "the $132,000 Grand Prix") */
  caseSensitive: string[];
  /** smaller scale words this one multiplies when it follows them ("lakh crore": 10^12) */
  stacksAfter: string[];
}

export type NumberWordRole = 'unit' | 'tens' | 'magnitude' | 'dozen' | 'fraction' | 'vulgar';
export interface NumberWordRow extends RuleRow {
  role: NumberWordRole;
  values: Record<string, number>;
}

export interface QualifierRow extends RuleRow {
  qualifier: FigureQualifier;
  forms: string[];
  /** Every form of the verbs ("hand", "turn") whose particle the qualifier word is ("handed over 40 files"). */
  particleOf: ReadonlySet<string>;
}

export interface ChangeRow extends RuleRow {
  change: 'up' | 'down';
  before: string[];
  after: string[];
  /** Words of `before` that, right before an amount of money, collect it rather than change it ("raised $5 million") */
  notBeforeMoney: string[];
  /** Every form of the verbs whose particle the row's own word ("up", "down") is ("made up 45%"): no change there. */
  particleOf: ReadonlySet<string>;
}

export type RateObject = 'any' | 'unit' | 'time';
export interface RateRow extends RuleRow {
  forms: string[];
  object: RateObject;
  /** words passed over before the denominator ("per the month") */
  skip: string[];
  /** nouns that are a denominator only of an amount of money ("50 cents a share") */
  moneyNouns: ReadonlySet<string>;
  /** words right after the denominator that make it a point in time, not a rate ("$40 a year ago") */
  notBefore: ReadonlySet<string>;
}

/** Either an alias group (nouns counted as one unit) or irregular plural -> singular pairs. */
export interface CountedNounRow extends RuleRow {
  unit: string | null;
  nouns: string[];
  pairs: Record<string, string>;
}

export interface NumberFormatRow extends RuleRow, NumberFormat {
  languages: string[];
  /** A way some writers of this language write numbers, taken when the text's own numbers show it (English with a point grouping thousands); null for a language's own format. */
  styleOf: string | null;
  /** The day of a date is written as an ordinal with a point ("1. Januar"). */
  ordinalDot: boolean;
  /** Month names of these languages, for dates. */
  months: string[];
  /** Every noun is capitalised (German): a capital word before a number says nothing of names. */
  capitalisedNouns: boolean;
}

/** Rejection and pattern rows carry free parameters; the scanner reads the ones it knows. */
export interface ParamRow extends RuleRow {
  params: Record<string, unknown>;
}

const FIGURE_KINDS: readonly FigureKind[] = ['money', 'percent', 'count', 'quantity', 'rate', 'duration'];
const QUALIFIERS: readonly FigureQualifier[] = ['at least', 'at most', 'about', 'more than', 'less than', 'up to', 'over', 'under', 'nearly', 'exactly'];
const ROLES: readonly NumberWordRole[] = ['unit', 'tens', 'magnitude', 'dozen', 'fraction', 'vulgar'];
const RATE_OBJECTS: readonly RateObject[] = ['any', 'unit', 'time'];

function strings(row: Record<string, unknown>, key: string, required = true): string[] {
  const value = row[key];
  if (value === undefined && !required) return [];
  if (!isStringArray(value) || (required && value.length === 0)) throw new Error(`"${key}" must be a non-empty array of strings`);
  return value;
}

/** Every form of each verb ("hand" → "hand", "handed", "hands", "handing"). */
function verbFormSet(verbs: string[]): ReadonlySet<string> {
  return new Set(verbs.flatMap((verb) => [verb, ...Object.values(verbForms(verb))].filter((form): form is string => form !== undefined)));
}

function text(row: Record<string, unknown>, key: string): string {
  const value = row[key];
  if (typeof value !== 'string' || value === '') throw new Error(`"${key}" must be a non-empty string`);
  return value;
}

function oneOf<T extends string>(row: Record<string, unknown>, key: string, allowed: readonly T[]): T {
  const value = row[key];
  const found = allowed.find((item) => item === value);
  if (found === undefined) throw new Error(`"${key}" must be one of ${allowed.join(', ')}`);
  return found;
}

function numberMap(row: Record<string, unknown>, key: string): Record<string, number> {
  const value = row[key];
  if (!isRecord(value) || Object.keys(value).length === 0) throw new Error(`"${key}" must be a non-empty object of numbers`);
  const out: Record<string, number> = {};
  for (const [word, n] of Object.entries(value)) {
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`"${key}.${word}" must be a number`);
    out[word] = n;
  }
  return out;
}

function stringMap(row: Record<string, unknown>, key: string): Record<string, string> {
  const value = row[key];
  if (!isRecord(value)) throw new Error(`"${key}" must be an object of strings`);
  const out: Record<string, string> = {};
  for (const [from, to] of Object.entries(value)) {
    if (typeof to !== 'string') throw new Error(`"${key}.${from}" must be a string`);
    out[from] = to;
  }
  return out;
}

function wordLists(row: Record<string, unknown>, key: string): Record<string, string[]> {
  const value = row[key];
  if (value === undefined) return {};
  if (!isRecord(value)) throw new Error(`"${key}" must be an object of string arrays`);
  const out: Record<string, string[]> = {};
  for (const [form, words] of Object.entries(value)) {
    if (!isStringArray(words)) throw new Error(`"${key}.${form}" must be an array of strings`);
    out[form] = words;
  }
  return out;
}

export interface FigureTables {
  units: RuleTable<UnitRow>;
  currencies: RuleTable<CurrencyRow>;
  /** Generated from ISO 4217 and locale data (scripts/generate-iso-currencies.mjs): the currencies the hand table leaves out. */
  isoCurrencies: RuleTable<CurrencyRow>;
  scales: RuleTable<ScaleRow>;
  numberWords: RuleTable<NumberWordRow>;
  qualifiers: RuleTable<QualifierRow>;
  changes: RuleTable<ChangeRow>;
  rates: RuleTable<RateRow>;
  countedNouns: RuleTable<CountedNounRow>;
  rejections: RuleTable<ParamRow>;
  patterns: RuleTable<ParamRow>;
  numberFormats: RuleTable<NumberFormatRow>;
}

const paramRow = (row: Record<string, unknown>, base: RuleRow): ParamRow => ({ ...base, params: row });

const currencyRow = (row: Record<string, unknown>, base: RuleRow): CurrencyRow => ({
  ...base,
  code: text(row, 'code'),
  symbols: strings(row, 'symbols', false),
  suffixSymbols: strings(row, 'suffixSymbols', false),
  codes: strings(row, 'codes', false),
  words: strings(row, 'words', false),
  requiresScale: row.requiresScale === true,
  asciiSymbols: strings(row, 'asciiSymbols', false),
});

export function loadFigureTables(): FigureTables {
  return {
    units: loadRuleTable('figures/units', (row, base) => {
      const onlyBefore = wordLists(row, 'onlyBefore');
      return {
        ...base,
        unit: text(row, 'unit'),
        kind: oneOf(row, 'kind', FIGURE_KINDS),
        forms: strings(row, 'forms'),
        caseSensitive: strings(row, 'caseSensitive', false),
        onlyBefore,
        hasOnlyBefore: Object.keys(onlyBefore).length > 0,
        gluedOnly: strings(row, 'gluedOnly', false),
        quoteForms: wordLists(row, 'quoteForms'),
        time: row.time === true,
        ...(typeof row.factor === 'number' && row.factor > 0 ? { factor: row.factor } : {}),
      };
    }),
    currencies: loadRuleTable('figures/currencies', currencyRow),
    isoCurrencies: loadRuleTable('figures/currencies-iso4217', currencyRow),
    scales: loadRuleTable('figures/scales', (row, base) => {
      const factor = row.factor;
      if (typeof factor !== 'number' || !(factor > 0)) throw new Error('"factor" must be a positive number');
      return { ...base, factor, forms: strings(row, 'forms'), currencyOnly: strings(row, 'currencyOnly', false), gluedOk: strings(row, 'gluedOk', false), beforeCounted: strings(row, 'beforeCounted', false), measureBefore: strings(row, 'measureBefore', false), caseSensitive: strings(row, 'caseSensitive', false), stacksAfter: strings(row, 'stacksAfter', false) };
    }),
    numberWords: loadRuleTable('figures/number-words', (row, base) => ({
      ...base,
      role: oneOf(row, 'role', ROLES),
      values: numberMap(row, 'values'),
    })),
    qualifiers: loadRuleTable('figures/qualifiers', (row, base) => ({
      ...base,
      qualifier: oneOf(row, 'qualifier', QUALIFIERS),
      forms: strings(row, 'forms'),
      particleOf: verbFormSet(strings(row, 'particleOf', false)),
    })),
    changes: loadRuleTable('figures/changes', (row, base) => ({
      ...base,
      change: oneOf(row, 'change', ['up', 'down'] as const),
      before: strings(row, 'before'),
      after: strings(row, 'after', false),
      notBeforeMoney: strings(row, 'notBeforeMoney', false),
      particleOf: verbFormSet(strings(row, 'particleOf', false)),
    })),
    rates: loadRuleTable('figures/rates', (row, base) => ({
      ...base,
      forms: strings(row, 'forms'),
      object: oneOf(row, 'object', RATE_OBJECTS),
      skip: strings(row, 'skip', false),
      moneyNouns: new Set(strings(row, 'moneyNouns', false)),
      notBefore: new Set(strings(row, 'notBefore', false)),
    })),
    countedNouns: loadRuleTable('figures/counted-nouns', (row, base) => {
      const pairs = row.pairs === undefined ? {} : stringMap(row, 'pairs');
      const nouns = strings(row, 'nouns', false);
      if (nouns.length === 0 && Object.keys(pairs).length === 0) throw new Error('needs "unit" with "nouns", or "pairs"');
      return { ...base, unit: nouns.length > 0 ? text(row, 'unit') : null, nouns, pairs };
    }),
    rejections: loadRuleTable('figures/rejections', paramRow),
    numberFormats: loadRuleTable('figures/number-formats', (row, base) => {
      const decimal = text(row, 'decimal');
      const group = strings(row, 'group');
      if (decimal.length !== 1 || group.some((mark) => mark.length !== 1 || mark === decimal)) throw new Error('"decimal" and "group" must be single characters, the decimal mark not among the group marks');
      const styleOf = row.styleOf === undefined ? null : text(row, 'styleOf');
      return { ...base, languages: strings(row, 'languages', styleOf === null), styleOf, decimal, group, indianGrouping: row.indianGrouping === true, ordinalDot: row.ordinalDot === true, months: strings(row, 'months', false), capitalisedNouns: row.capitalisedNouns === true };
    }),
    patterns: loadRuleTable('figures/patterns', paramRow),
  };
}

/** A trie over lower-cased token texts, so multi-token forms match with any spacing. */
export interface PhraseTrie<T> {
  next: Map<string, PhraseTrie<T>>;
  /** Payloads ending here; `exact` restricts a payload to one spelling (case-sensitive forms). */
  values: { value: T; exact: string | null; glued: boolean }[];
}

function newTrie<T>(): PhraseTrie<T> {
  return { next: new Map(), values: [] };
}

/**
 * Adds a phrase; with `keepSpacing`, tokens written together in the phrase ("A$") must be
 * written together in the text too, so "a $5 fine" is not Australian dollars.
 */
function addPhrase<T>(trie: PhraseTrie<T>, phrase: string, value: T, caseSensitive = false, keepSpacing = false): void {
  let node = trie;
  const parts = tokenize(phrase);
  if (parts.length === 0) throw new Error(`empty phrase for ${JSON.stringify(value)}`);
  for (const part of parts) {
    let child = node.next.get(part.lower);
    if (!child) {
      child = newTrie<T>();
      node.next.set(part.lower, child);
    }
    node = child;
  }
  const glued = keepSpacing && parts.length > 1 && parts.every((part, index) => index === 0 || (parts[index - 1] as { end: number }).end === part.start);
  node.values.push({ value, exact: caseSensitive ? parts.map((part) => part.text).join(' ') : null, glued });
}

export interface Lexicon {
  tables: FigureTables;
  units: PhraseTrie<UnitRow>;
  currencySymbols: PhraseTrie<CurrencyRow>;
  currencyAsciiSymbols: PhraseTrie<CurrencyRow>;
  currencySuffixSymbols: PhraseTrie<CurrencyRow>;
  currencyWords: PhraseTrie<CurrencyRow>;
  currencyCodes: PhraseTrie<CurrencyRow>;
  scales: PhraseTrie<ScaleRow>;
  qualifiers: PhraseTrie<QualifierRow>;
  numberWords: Map<string, { row: NumberWordRow; value: number }>;
  changeBefore: Map<string, ChangeRow>;
  changeAfter: Map<string, ChangeRow>;
  rateMarkers: Map<string, RateRow>;
  countedAliases: Map<string, CountedNounRow>;
  irregularPlurals: Map<string, { row: CountedNounRow; singular: string }>;
  stopWords: Set<string>;
  /** Words that may stand before a number without making it part of a name ("About 300"). */
  sentenceWords: Set<string>;
  /** The ordinals of the units ("first" … "ninth"): hyphenated to tens they make an ordinal ("twenty-first"). */
  unitOrdinals: ReadonlySet<string>;
  rejection: (id: string) => ParamRow;
  pattern: (id: string) => ParamRow;
  /** Finds where a number may start: digits or any number word of the tables. */
  trigger: RegExp;
  /** Number format by language code; `defaultFormat` for languages not listed. */
  formats: ReadonlyMap<string, NumberFormatRow>;
  /** The other way a language's format is written, by that format ("1.000" for a thousand in English). */
  styles: ReadonlyMap<NumberFormatRow, NumberFormatRow>;
  defaultFormat: NumberFormatRow;
  languages: CompiledLanguages;
}

function compileLexicon(tables: FigureTables): Lexicon {
  const units = newTrie<UnitRow>();
  for (const row of tables.units.rules) {
    for (const form of row.forms) addPhrase(units, form, row, row.caseSensitive.includes(form));
  }
  const currencySymbols = newTrie<CurrencyRow>();
  const currencyAsciiSymbols = newTrie<CurrencyRow>();
  const currencySuffixSymbols = newTrie<CurrencyRow>();
  const currencyWords = newTrie<CurrencyRow>();
  const currencyCodes = newTrie<CurrencyRow>();
  for (const row of [...tables.currencies.rules, ...tables.isoCurrencies.rules]) {
    for (const form of row.symbols) {
      addPhrase(currencySymbols, form, row, false, true);
      // "HK $", "c $": letters before the dollar sign, set apart as in tokenized copy; never the article "a $5"
      const letters = /^([a-z.]+)\$$/i.exec(form)?.[1];
      if (letters !== undefined && letters.toLowerCase() !== 'a') addPhrase(currencySymbols, `${letters} $`, row);
    }
    for (const form of row.asciiSymbols) addPhrase(currencyAsciiSymbols, form, row, true, true);
    for (const form of row.suffixSymbols) addPhrase(currencySuffixSymbols, form, row);
    for (const form of row.words) addPhrase(currencyWords, form, row);
    // codes count only in capitals: "ALL 5", "Bob 3" and "top 10" are not money
    for (const form of row.codes) {
      addPhrase(currencyCodes, form.toUpperCase(), row, true);
      // "30 MUSD", "MEUR 120": the finance writing of millions
      if (/^[a-z]{3}$/.test(form)) addPhrase(currencyCodes, `M${form.toUpperCase()}`, { ...row, factor: 1e6 }, true);
    }
  }
  const scales = newTrie<ScaleRow>();
  for (const row of tables.scales.rules) for (const form of row.forms) addPhrase(scales, form, row, row.caseSensitive.includes(form));
  const qualifiers = newTrie<QualifierRow>();
  for (const row of tables.qualifiers.rules) for (const form of row.forms) addPhrase(qualifiers, form, row);
  const numberWords = new Map<string, { row: NumberWordRow; value: number }>();
  for (const row of tables.numberWords.rules) for (const [word, value] of Object.entries(row.values)) numberWords.set(word, { row, value });
  const changeBefore = new Map<string, ChangeRow>();
  const changeAfter = new Map<string, ChangeRow>();
  for (const row of tables.changes.rules) {
    for (const word of row.before) changeBefore.set(word, row);
    for (const word of row.after) changeAfter.set(word, row);
  }
  const rateMarkers = new Map<string, RateRow>();
  for (const row of tables.rates.rules) for (const form of row.forms) rateMarkers.set(form, row);
  const countedAliases = new Map<string, CountedNounRow>();
  const irregularPlurals = new Map<string, { row: CountedNounRow; singular: string }>();
  for (const row of tables.countedNouns.rules) {
    for (const noun of row.nouns) countedAliases.set(noun, row);
    for (const [plural, singular] of Object.entries(row.pairs)) irregularPlurals.set(plural, { row, singular });
  }

  const rejection = (id: string): ParamRow => {
    const row = tables.rejections.byId.get(id);
    if (!row) throw new ClaimfeedError('RULE_TABLE_INVALID', `config/figures/rejections.json has no rule ${id}`);
    return row;
  };
  const pattern = (id: string): ParamRow => {
    const row = tables.patterns.byId.get(id);
    if (!row) throw new ClaimfeedError('RULE_TABLE_INVALID', `config/figures/patterns.json has no rule ${id}`);
    return row;
  };
  const counted = pattern('pattern.counted-noun').params;
  const stopWords = new Set(isStringArray(counted.stopWords) ? counted.stopWords : []);
  const sentenceWords = new Set<string>([...stopWords, ...changeBefore.keys()]);
  for (const row of tables.qualifiers.rules) for (const form of row.forms) for (const part of tokenize(form)) sentenceWords.add(part.lower);
  const ordinalWords = rejection('reject.ordinal').params.words;
  const unitOrdinals = new Set(isStringArray(ordinalWords) ? ordinalWords : []);
  const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const entries = [...numberWords.entries()];
  const words = entries.filter(([, entry]) => entry.row.role !== 'vulgar').map(([word]) => word);
  const characters = entries.filter(([, entry]) => entry.row.role === 'vulgar').map(([word]) => escape(word));
  const trigger = new RegExp(withFastWordBoundaries(`\\d|${characters.length > 0 ? `[${characters.join('')}]|` : ''}\\b${prefixAlternation(words, escape)}\\b`), 'giu');
  const formats = new Map<string, NumberFormatRow>();
  for (const row of tables.numberFormats.rules) for (const language of row.languages) formats.set(language, row);
  const defaultFormat = formats.get('en') ?? tables.numberFormats.rules[0];
  if (!defaultFormat) throw new ClaimfeedError('RULE_TABLE_INVALID', 'config/figures/number-formats.json has no format for "en"');
  const styles = new Map<NumberFormatRow, NumberFormatRow>();
  for (const row of tables.numberFormats.rules) {
    const styled = row.styleOf === null ? undefined : formats.get(row.styleOf);
    if (row.styleOf !== null && !styled) throw new ClaimfeedError('RULE_TABLE_INVALID', `config/figures/number-formats.json ${row.id}: no format for "${row.styleOf}"`);
    if (styled) styles.set(styled, row);
  }
  return {
    formats, styles, defaultFormat, languages: compileLanguages(loadLanguageRules().rules),
    trigger, tables, units, currencySymbols, currencyAsciiSymbols, currencySuffixSymbols, currencyWords, currencyCodes, scales, qualifiers, numberWords,
    changeBefore, changeAfter, rateMarkers, countedAliases, irregularPlurals, stopWords, sentenceWords, unitOrdinals, rejection, pattern,
  };
}

let compiled: Lexicon | undefined;

/** The lexicon built from config/figures, compiled on first use and then shared. */
export function figureLexicon(): Lexicon {
  compiled ??= compileLexicon(loadFigureTables());
  return compiled;
}

interface CharacterTrie {
  end: boolean;
  next: Map<string, CharacterTrie>;
}

/**
 * One alternation of the words factored by shared prefixes ("thir(?:d|ty|teen)…"): the engine
 * tries each first letter once instead of every word at every word start.
 */
function prefixAlternation(words: readonly string[], escape: (text: string) => string): string {
  const root: CharacterTrie = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const char of word.toLowerCase()) {
      let child = node.next.get(char);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(char, child);
      }
      node = child;
    }
    node.end = true;
  }
  const emit = (node: CharacterTrie): string => {
    const branches = [...node.next].map(([char, child]) => `${escape(char)}${emit(child)}`);
    if (branches.length === 0) return '';
    const group = `(?:${branches.join('|')})`;
    return node.end ? `${group}?` : branches.length === 1 ? (branches[0] as string) : group;
  };
  return `(?:${emit(root)})`;
}

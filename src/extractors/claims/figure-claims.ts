import type { Figure } from '../../model/claim.js';
import { isStringArray, loadRuleTable, type RuleRow, type RuleTable } from '../../rules/table.js';
import { looksPlural } from '../figures/counted-nouns.js';
import { isAgeUnit } from '../figures/index.js';

/**
 * Whether a figure makes its sentence a claim on its own. Ages, "one of the …", "one friend", counts that name
 * nothing counted, counts of the writer's own list items or of a game's plays and kitchen
 * measures (config/claims/figure-claims.json) do not: a fact-checker would not check them. They
 * stay in the article's figures list but are no figure of any claim.
 */
export type FigureClaimTest = 'age' | 'one-of' | 'nothing-counted' | 'counted-noun' | 'describing-count' | 'unit' | 'name-part' | 'model-name' | 'single-count' | 'definite-count' | 'word-after' | 'measure-modifier' | 'ranked-count' | 'figure-text' | 'time-span' | 'word-before' | 'quoted-term';

export interface FigureClaimRule extends RuleRow {
  test: FigureClaimTest;
  /** unit: measures from this value up are amounts, not servings. */
  leastWholeCount: number;
  /** counted-noun: singular counted nouns whose counts number a list or advice ("tip", "way"), lower case. */
  countedNouns: ReadonlySet<string>;
  /** unit: units whose measures make no claim on their own ("2 tablespoons" of a recipe); single-count: units of time whose "one" picks out a moment ("one day"); time-span: units a span of time is counted in; word-after, word-before, measure-modifier: when given, the only units the row reads, lower case. */
  units: ReadonlySet<string>;
  /** single-count: words before "one" that make the one a count someone states ("only one", "exactly one"); measure-modifier: words between the determiner and the measure that make it a length of repeated events ("the third 90-day extension"); time-span: words right before a span that make it the thing measured ("sentenced to", "waited"), lower case. */
  keptAfter: ReadonlySet<string>;
  /** definite-count: determiners that make a small count right after them pick out things already named ("the two sides"); measure-modifier: determiners that make the thing a measure describes one already known ("the 55-kilometre zone"), lower case. */
  determiners: ReadonlySet<string>;
  /** definite-count: words that may stand between the determiner and the count ("the other two", "the original three"), lower case. */
  passedOver: ReadonlySet<string>;
  /** ranked-count: words right after a count's number that make it a pick of a ranking ("the two largest economies"), lower case. */
  rankWords: ReadonlySet<string>;
  /** measure-modifier: how many words may stand between the determiner and the measure ("the entry-level 13-inch model"). */
  greatestGap: number;
  /** measure-modifier: words right after a measure that show it is not describing a noun ("ten years ago", "the 13-inch was"), lower case. */
  notBefore: ReadonlySet<string>;
  /** definite-count: the greatest count read so. */
  greatestValue: number;
  /** word-after: words or phrases right after a measure that make it the name of an event ("freestyle" in "the 50 yard freestyle") or a part of a product's specification ("of battery life"), lower case, single spaces. */
  wordsAfter: ReadonlySet<string>;
  /** time-span: phrases right before a span of time that make it the stretch a statement covers ("over the past"), lower case, single spaces. */
  spanOpeners: readonly string[];
  /** word-before: phrases right before a figure that make it a product's specification ("a top speed of", "seating"), lower case, single spaces. */
  wordsBefore: readonly string[];
  /** time-span: phrases right after a span of time that count it from an event ("after", "later", "on,"), lower case, single spaces. */
  spanClosers: readonly string[];
  /** quoted-term: the most words a quotation holding the figure may have to be read as a term or name ("one country, two systems"). */
  mostWords: number;
  /** figure-text: what the figure's own words are ("a hundred times", "7 days a week"); with `wordsAfter`, the word after it must be one of them ("100 percent sure"). */
  figurePattern?: RegExp;
}

const TESTS: ReadonlySet<string> = new Set<FigureClaimTest>(['age', 'one-of', 'nothing-counted', 'counted-noun', 'describing-count', 'unit', 'name-part', 'model-name', 'single-count', 'definite-count', 'word-after', 'measure-modifier', 'ranked-count', 'figure-text', 'time-span', 'word-before', 'quoted-term']);

/** Figure rules that read a count joined to the noun it describes ("a four-door coupe", "a 3 cylinder engine"). */
const DESCRIBING_COUNT_RULES = ['pattern.compound-noun', 'pattern.attributive-noun'];

/** A row's phrases, lower case with single spaces, as the text around a figure is compared; none when the column is absent. */
function lowerPhrases(value: unknown): string[] {
  return isStringArray(value) ? value.map((phrase) => phrase.toLowerCase().replace(/\s+/gu, ' ')) : [];
}

export function figureClaimRules(): RuleTable<FigureClaimRule> {
  return loadRuleTable<FigureClaimRule>('claims/figure-claims', (row, base) => {
    if (typeof row.test !== 'string' || !TESTS.has(row.test)) throw new Error(`"test" must be one of ${[...TESTS].join(', ')}`);
    const test = row.test as FigureClaimTest;
    if (test === 'counted-noun' && (!isStringArray(row.countedNouns) || row.countedNouns.length === 0)) throw new Error('"countedNouns" must be a non-empty string array');
    if (test === 'unit' && (!isStringArray(row.units) || row.units.length === 0)) throw new Error('"units" must be a non-empty string array');
    if ((test === 'single-count' || test === 'measure-modifier') && (!isStringArray(row.keptAfter) || row.keptAfter.length === 0)) throw new Error('"keptAfter" must be a non-empty string array');
    if (test === 'unit' && (typeof row.leastWholeCount !== 'number' || !(row.leastWholeCount > 0))) throw new Error('"leastWholeCount" must be a positive number');
    if (test === 'definite-count' && (!isStringArray(row.determiners) || row.determiners.length === 0)) throw new Error('"determiners" must be a non-empty string array');
    if (test === 'definite-count' && (typeof row.greatestValue !== 'number' || !(row.greatestValue > 0))) throw new Error('"greatestValue" must be a positive number');
    if (test === 'word-after' && (!isStringArray(row.wordsAfter) || row.wordsAfter.length === 0)) throw new Error('"wordsAfter" must be a non-empty string array');
    if (test === 'ranked-count' && (!isStringArray(row.rankWords) || row.rankWords.length === 0)) throw new Error('"rankWords" must be a non-empty string array');
    if (test === 'measure-modifier' && (!isStringArray(row.determiners) || row.determiners.length === 0)) throw new Error('"determiners" must be a non-empty string array');
    if (test === 'measure-modifier' && (typeof row.greatestGap !== 'number' || !(row.greatestGap >= 0))) throw new Error('"greatestGap" must be a number from 0');
    if (test === 'measure-modifier' && !isStringArray(row.notBefore)) throw new Error('"notBefore" must be a string array');
    if (test === 'figure-text' && (typeof row.figurePattern !== 'string' || row.figurePattern === '')) throw new Error('"figurePattern" must be a non-empty string');
    if (test === 'figure-text' && row.wordsAfter !== undefined && !isStringArray(row.wordsAfter)) throw new Error('"wordsAfter" must be a string array');
    if (test === 'time-span' && (!isStringArray(row.units) || row.units.length === 0)) throw new Error('"units" must be a non-empty string array');
    if (test === 'word-before' && (!isStringArray(row.wordsBefore) || row.wordsBefore.length === 0)) throw new Error('"wordsBefore" must be a non-empty string array');
    if (test === 'quoted-term' && (typeof row.mostWords !== 'number' || !(row.mostWords > 0))) throw new Error('"mostWords" must be a positive number');
    if (test === 'quoted-term' && [row.wordsBefore, row.wordsAfter].every((phrases) => !isStringArray(phrases) || phrases.length === 0)) throw new Error('"wordsBefore" or "wordsAfter" must be non-empty');
    if (test === 'time-span' && [row.spanOpeners, row.spanClosers].some((phrases) => phrases !== undefined && !isStringArray(phrases))) throw new Error('"spanOpeners" and "spanClosers" must be string arrays');
    if (test === 'time-span' && [row.spanOpeners, row.spanClosers].every((phrases) => !isStringArray(phrases) || phrases.length === 0)) throw new Error('"spanOpeners" or "spanClosers" must be non-empty');
    return {
      ...base,
      test,
      leastWholeCount: typeof row.leastWholeCount === 'number' ? row.leastWholeCount : 0,
      countedNouns: new Set(isStringArray(row.countedNouns) ? row.countedNouns.map((noun) => noun.toLowerCase()) : []),
      units: new Set(isStringArray(row.units) ? row.units.map((unit) => unit.toLowerCase()) : []),
      keptAfter: new Set(isStringArray(row.keptAfter) ? row.keptAfter.map((word) => word.toLowerCase()) : []),
      determiners: new Set(isStringArray(row.determiners) ? row.determiners.map((word) => word.toLowerCase()) : []),
      greatestValue: typeof row.greatestValue === 'number' ? row.greatestValue : 0,
      wordsAfter: new Set(lowerPhrases(row.wordsAfter)),
      passedOver: new Set(isStringArray(row.passedOver) ? row.passedOver.map((word) => word.toLowerCase()) : []),
      rankWords: new Set(isStringArray(row.rankWords) ? row.rankWords.map((word) => word.toLowerCase()) : []),
      greatestGap: typeof row.greatestGap === 'number' ? row.greatestGap : 0,
      mostWords: typeof row.mostWords === 'number' ? row.mostWords : 0,
      notBefore: new Set(isStringArray(row.notBefore) ? row.notBefore.map((word) => word.toLowerCase()) : []),
      spanOpeners: lowerPhrases(row.spanOpeners),
      wordsBefore: lowerPhrases(row.wordsBefore),
      spanClosers: lowerPhrases(row.spanClosers),
      ...(typeof row.figurePattern === 'string' ? { figurePattern: new RegExp(row.figurePattern, 'iu') } : {}),
    };
  });
}

/** Units of time an age is counted in. */
const AGE_SPAN_UNITS: ReadonlySet<string> = new Set(['year', 'month', 'week', 'day']);
/** "aged" right before a span of time makes it an age ("persons aged 50 years"). */
const AGED_BEFORE = /\baged\s+$/iu;
/** A count of one written as the word ("one friend", "at least one admirer"), not as a digit. */
const WORD_ONE = /^(?:at least )?one(?![\p{L}-])/iu;
/** The words of the few characters right before a figure. */
const WORDS = /\p{L}+/gu;
/** How far before "one" a word like "only" still marks it ("we have only had one release"). */
const KEPT_AFTER_CHARS = 16;
/** The two words right before a figure, after the space that parts them ("the" in "the two sides", "the other" in "the other two"). */
const LAST_WORDS = /(?:(\p{L}+)\s+)?(\p{L}+)\s+$/u;
/** The word after a count's number inside the figure ("largest" in "two largest economies"). */
const WORD_AFTER_NUMBER = /^[\p{L}\p{N}.,-]+\s+(\p{L}+)/u;

/** How far before a span of time its opener is looked for ("during the last"). */
const SPAN_OPENER_CHARS = 24;
/** How far after a figure the words or phrases that follow it are looked for ("of battery life"). */
const PHRASE_AFTER_CHARS = 40;
/** How far before a figure the phrases that open it are looked for ("with a top speed of"). */
const PHRASE_BEFORE_CHARS = 40;

/** How far from a figure the marks of a quotation around it are looked for. */
const QUOTATION_CHARS = 80;
const OPENING_QUOTE = /["“]/u;
const CLOSING_QUOTE = /["”]/u;

/**
 * The quotation marks around a figure, from the opening mark to just past the closing one (a
 * full stop or comma kept inside it stays inside), when the quotation holds at most `mostWords`
 * words; undefined when the figure stands in no such quotation.
 */
function quotationAround(text: string, figure: Figure, mostWords: number): { start: number; end: number } | undefined {
  let start = figure.start - 1;
  const earliest = Math.max(0, figure.start - QUOTATION_CHARS);
  while (start >= earliest && !OPENING_QUOTE.test(text[start] ?? '') && text[start] !== '”') start--;
  if (start < earliest || !OPENING_QUOTE.test(text[start] ?? '') || (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1] ?? ''))) return undefined;
  let end = figure.end;
  const latest = Math.min(text.length, figure.end + QUOTATION_CHARS);
  while (end < latest && !CLOSING_QUOTE.test(text[end] ?? '') && text[end] !== '“') end++;
  if (end >= latest || !CLOSING_QUOTE.test(text[end] ?? '')) return undefined;
  const words = text.slice(start + 1, end).trim().split(/\s+/u).length;
  return words <= mostWords ? { start, end: end + 1 } : undefined;
}

/** The text right before a figure, lower case, single spaces, with the space before the figure dropped. */
function lowerTextBefore(text: string, figure: Figure, chars: number): string {
  return text.slice(Math.max(0, figure.start - chars), figure.start).toLowerCase().replace(/\s+/gu, ' ').trimEnd();
}

/** The word right after a figure, past a space or hyphen ("sure" in "100 percent sure"). */
const NEXT_WORD = /^[\s-]+(\p{L}+)/u;

/** A phrase matched as whole words ends where no letter follows it. */
const OPENS_WITH_LETTER = /^\p{L}/u;

/** Whether the text right after a figure, past spaces or a hyphen, opens with one of the phrases as whole words ("freestyle", "of battery life", "on,"). */
function phraseAfter(text: string, figure: Figure, phrases: Iterable<string>): boolean {
  const after = text.slice(figure.end, figure.end + PHRASE_AFTER_CHARS).toLowerCase().replace(/\s+/gu, ' ').replace(/^[\s-]+/u, '');
  for (const phrase of phrases) if (after.startsWith(phrase) && !OPENS_WITH_LETTER.test(after.slice(phrase.length))) return true;
  return false;
}
/** A measure written in title case ("80 Day", "Two Weeks"): a word of a name, not a quantity. */
const TITLE_CASE_MEASURE = /^[\p{N}\p{L}.,/-]+[\s-]\p{Lu}\p{Ll}+$/u;
/** A hyphenated measure ("16-inch"), the way a model name opens ("16-inch MacBook Pro"). */
const HYPHENATED_MEASURE = /^[\d.,]+-\p{Ll}+$/u;
/** What follows a measure that opens a model name: a word with an inner capital ("MacBook", "iPad"), or two capitalised words ("Galaxy Tab"). */
const MODEL_NAME_AFTER = /^\s+(?:\p{L}+\p{Lu}\p{L}*|\p{Lu}\p{L}*\s+(?:\p{Lu}|\d)[\p{L}\d]*)/u;

/** A measure written as one describing word: hyphenated ("13-inch", "five-year") or run together ("30fps", "512GB"). */
const MODIFIER_MEASURE = /^(?:[\p{N}.,]+\p{L}+|[\p{L}\p{N}.,]+(?:-[\p{L}\p{N}.,]+)*-\p{Ll}+)$/u;
/** A measure whose unit word stays singular, as it does only before a noun ("the 30 year anniversary"). */
const SINGULAR_MEASURE = /^[\p{N}.,]+\s(\p{Ll}+)$/u;
/** The word right after a figure, past spaces only ("models" in "13-inch models"). */
const WORD_AFTER = /^\s+(\p{L}[\p{L}'’-]*)/u;
/** The words before a figure, nearest last, with any punctuation glued to them. */
const WORDS_BEFORE = /\S+/gu;

/**
 * A measure describing the noun after it ("the 13-inch models", "the company's five-year plan", "six-inch subs")
 * when it picks out a thing already known (a determiner up to `greatestGap` words before it) or names a kind of
 * thing (a plural noun right after it). An article ("a 30-foot wall") or punctuation in between ends the search.
 */
function isKnownThingMeasure(rule: FigureClaimRule, figure: Figure, text: string): boolean {
  const singular = SINGULAR_MEASURE.exec(figure.text);
  if (!MODIFIER_MEASURE.test(figure.text) && !(singular && !looksPlural(singular[1] as string))) return false;
  const after = WORD_AFTER.exec(text.slice(figure.end, figure.end + 40))?.[1]?.toLowerCase();
  if (after === undefined || rule.notBefore.has(after)) return false;
  if (looksPlural(after)) return true;
  const before = text.slice(Math.max(0, figure.start - 60), figure.start).match(WORDS_BEFORE) ?? [];
  for (const word of before.slice(-(rule.greatestGap + 1)).reverse()) {
    if (rule.keptAfter.has(word.toLowerCase())) return false;
    if (rule.determiners.has(word.toLowerCase())) return true;
    if (/^an?$/i.test(word) || /[^\p{L}\p{N}'’-]$/u.test(word)) return false;
  }
  return false;
}

/** Whether a row that may name its units reads the figure's unit: any unit when it names none. */
function readsUnit(rule: FigureClaimRule, figure: Figure): boolean {
  return rule.units.size === 0 || rule.units.has(figure.unit ?? '');
}

/** How far after a measure the name it may be part of is read ("the 16-inch MacBook Pro"). */
const NAME_AFTER_CHARS = 40;

/** What follows a measure that may be a word of a name (money and percentages never are), or undefined. */
function textAfterMeasure(figure: Figure, text: string | undefined): string | undefined {
  return text === undefined || figure.kind === 'money' || figure.kind === 'percent' ? undefined : text.slice(figure.end, figure.end + NAME_AFTER_CHARS);
}

function holds(rule: FigureClaimRule, figure: Figure, text: string | undefined): boolean {
  switch (rule.test) {
    case 'age':
      // "pilots aged 60 years or more": the figures layer reads the years, the word before makes them an age
      return isAgeUnit(figure.unit) || (text !== undefined && figure.kind === 'quantity' && AGE_SPAN_UNITS.has(figure.unit ?? '') && AGED_BEFORE.test(text.slice(Math.max(0, figure.start - 12), figure.start)));
    case 'one-of':
      return figure.kind === 'count' && figure.value === 1 && figure.ruleIds.includes('pattern.counted-of');
    case 'nothing-counted':
      // a bare number is a label, rank, list marker, model number or score, or a quantity whose
      // noun the reading did not find; a fraction ("about half") is a share of something unnamed
      return figure.kind === 'count' && !figure.unit && figure.value !== null;
    case 'describing-count':
      return figure.kind === 'count' && figure.ruleIds.some((id) => DESCRIBING_COUNT_RULES.includes(id));
    case 'name-part': {
      const after = textAfterMeasure(figure, text);
      return after !== undefined && TITLE_CASE_MEASURE.test(figure.text) && /^\s+\p{Lu}/u.test(after);
    }
    case 'model-name': {
      const after = textAfterMeasure(figure, text);
      return after !== undefined && HYPHENATED_MEASURE.test(figure.text) && MODEL_NAME_AFTER.test(after);
    }
    case 'single-count': {
      // "one day" as in "one day everyone will switch" picks out a moment, as "one night" does
      const counted = figure.kind === 'count' || (figure.unit !== null && rule.units.has(figure.unit));
      if (!counted || figure.value !== 1 || !WORD_ONE.test(figure.text)) return false;
      const before = text === undefined ? [] : text.slice(Math.max(0, figure.start - KEPT_AFTER_CHARS), figure.start).match(WORDS) ?? [];
      return !before.some((word) => rule.keptAfter.has(word.toLowerCase()));
    }
    case 'definite-count': {
      if (text === undefined || figure.kind !== 'count' || figure.value === null || figure.value < 2 || figure.value > rule.greatestValue) return false;
      const words = LAST_WORDS.exec(text.slice(Math.max(0, figure.start - 24), figure.start));
      const last = words?.[2]?.toLowerCase();
      if (last === undefined) return false;
      if (rule.determiners.has(last)) return true;
      const earlier = words?.[1]?.toLowerCase();
      return rule.passedOver.has(last) && earlier !== undefined && rule.determiners.has(earlier);
    }
    case 'word-after':
      return text !== undefined && figure.kind === 'quantity' && readsUnit(rule, figure) && phraseAfter(text, figure, rule.wordsAfter);
    case 'ranked-count': {
      const next = WORD_AFTER_NUMBER.exec(figure.text)?.[1];
      return figure.kind === 'count' && next !== undefined && rule.rankWords.has(next.toLowerCase());
    }
    case 'figure-text': {
      if (!rule.figurePattern?.test(figure.text)) return false;
      if (rule.wordsAfter.size === 0) return true;
      const after = text === undefined ? undefined : NEXT_WORD.exec(text.slice(figure.end, figure.end + 30))?.[1];
      return after !== undefined && rule.wordsAfter.has(after.toLowerCase());
    }
    case 'time-span': {
      // "over the past two years", "18 years after the war": the stretch of time a statement covers
      // or the distance of a moment from an event, not an amount measured
      if (text === undefined || figure.kind !== 'quantity' || !readsUnit(rule, figure)) return false;
      const before = lowerTextBefore(text, figure, SPAN_OPENER_CHARS);
      if (rule.spanOpeners.some((opener) => before === opener || before.endsWith(` ${opener}`))) return true;
      if (rule.keptAfter.has(LAST_WORDS.exec(`${before} `)?.[2] ?? '')) return false;
      return phraseAfter(text, figure, rule.spanClosers);
    }
    case 'quoted-term': {
      // "the “one country, two systems” formula", "known as the “Three Amigos”": a short quotation
      // named as a term, slogan or nickname; its count is a word of the name, not an amount
      if (text === undefined) return false;
      const quote = quotationAround(text, figure, rule.mostWords);
      if (quote === undefined) return false;
      const before = text.slice(Math.max(0, quote.start - PHRASE_BEFORE_CHARS), quote.start).toLowerCase().replace(/\s+/gu, ' ').trimEnd();
      if (rule.wordsBefore.some((phrase) => before === phrase || before.endsWith(` ${phrase}`))) return true;
      return phraseAfter(text, { ...figure, end: quote.end }, rule.wordsAfter);
    }
    case 'word-before': {
      if (text === undefined || figure.kind === 'money' || figure.kind === 'percent' || !readsUnit(rule, figure)) return false;
      const before = lowerTextBefore(text, figure, PHRASE_BEFORE_CHARS);
      return rule.wordsBefore.some((phrase) => before === phrase || before.endsWith(` ${phrase}`));
    }
    case 'measure-modifier':
      return text !== undefined && figure.kind === 'quantity' && readsUnit(rule, figure) && isKnownThingMeasure(rule, figure, text);
    case 'counted-noun':
      // the head of the counted noun: "easy way" counts ways
      return figure.kind === 'count' && !!figure.unit && rule.countedNouns.has(figure.unit.split(' ').pop() ?? figure.unit);
    case 'unit':
      return !!figure.unit && rule.units.has(figure.unit) && figure.value !== null && Math.abs(figure.value) < rule.leastWholeCount;
  }
}

/**
 * The id of the rule by which a figure makes no claim on its own, or undefined when it makes one.
 * `text` is the text the figure's offsets point into (the name-part and model-name rules read what follows it).
 */
export function figureNotClaimRule(figure: Figure, text?: string): string | undefined {
  return figureClaimRules().rules.find((rule) => holds(rule, figure, text))?.id;
}

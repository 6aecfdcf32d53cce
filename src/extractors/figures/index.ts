import type { Figure, FigureKind, FigureQualifier, RejectedCandidate } from '../../model/claim.js';
import { isRecord, isStringArray } from '../../rules/table.js';
import { detectLanguage } from '../strip/language.js';
import { figureLexicon, type CurrencyRow, type Lexicon, type NumberFormatRow, type PhraseTrie, type UnitRow } from './lexicon.js';
import { readNumber, type NumberRead } from './numbers.js';
import { glued, tokenizeAround, type Token } from './tokens.js';

export interface FigureExtraction {
  figures: Figure[];
  rejected: RejectedCandidate[];
}

/**
 * Finds the figures in a text: money, percentages, counts with their counted noun, measured
 * quantities, rates, ranges, with qualifiers and change markers. Numbers that are years, dates,
 * times, ordinals, phone numbers or parts of names come back as rejected candidates with the
 * rule that rejected them. Pure: the rule tables are read once, at first use.
 */
export function extractFigures(text: string, options: FigureOptions = {}): FigureExtraction {
  const lex = figureLexicon();
  return new FigureScanner(text, lex, numberFormatFor(text, options.language ?? null, lex)).scan();
}

export interface FigureOptions {
  /**
   * The text's language (BCP 47, e.g. "de" or "de-AT"): numbers and dates are read the way it
   * writes them (a decimal comma in German). Unknown or absent: detected from the text, and
   * English when detection cannot tell.
   */
  language?: string | null;
}

const DETECTION_SAMPLE_CHARS = 500;

/** " the " twice in the opening: English, the default, without the cost of detection. */
function looksEnglish(text: string): boolean {
  const sample = text.slice(0, DETECTION_SAMPLE_CHARS);
  const first = sample.indexOf(' the ');
  return first >= 0 && sample.indexOf(' the ', first + 4) >= 0;
}

/** Text where the number format matters: digits around a point, comma or space, or a day with a point ("1. Januar"). */
const FORMAT_SENSITIVE = /\d[.,\s\u00a0\u202f\u2009]\d|\d\.\s\p{L}/u;

function numberFormatFor(text: string, language: string | null, lex: Lexicon): NumberFormatRow {
  // detection costs more than reading a short text's numbers: skip it where the format changes nothing
  if (language === null && (!FORMAT_SENSITIVE.test(text) || looksEnglish(text))) return lex.defaultFormat;
  // the opening few hundred characters carry enough stop words to tell the languages apart
  const code = (language ?? detectLanguage(text.slice(0, DETECTION_SAMPLE_CHARS), lex.languages))?.toLowerCase().split(/[-_]/)[0];
  return (code !== undefined && lex.formats.get(code)) || lex.defaultFormat;
}

interface PhraseMatch<T> {
  value: T;
  end: number;
}

/** The longest phrase of the trie starting at token i. */
function matchPhrase<T>(trie: PhraseTrie<T>, tokens: Token[], i: number, accept: (value: T, end: number) => boolean = () => true): PhraseMatch<T> | null {
  let node: PhraseTrie<T> | undefined = trie;
  let best: PhraseMatch<T> | null = null;
  const spelled: string[] = [];
  for (let j = i; j < tokens.length && node; j++) {
    const token = tokens[j] as Token;
    node = node.next.get(token.lower);
    if (!node) break;
    spelled.push(token.text);
    for (const candidate of node.values) {
      if (candidate.exact !== null && candidate.exact !== spelled.join(' ')) continue;
      if (candidate.glued && !tokens.slice(i + 1, j + 1).every((part, index) => glued(tokens[i + index], part))) continue;
      if (accept(candidate.value, j + 1)) best = { value: candidate.value, end: j + 1 };
    }
  }
  return best;
}

/** The longest phrase of the trie that ends exactly at token `end` (starting at most `maxTokens` back). */
function matchPhraseBefore<T>(trie: PhraseTrie<T>, tokens: Token[], end: number, maxTokens: number): { value: T; start: number } | null {
  for (let start = Math.max(0, end - maxTokens); start < end; start++) {
    const match = matchPhrase(trie, tokens, start, (_value, matchEnd) => matchEnd === end);
    if (match) return { value: match.value, start };
  }
  return null;
}

interface UnitFound {
  unit: string;
  kind: FigureKind;
  end: number;
  ruleId: string;
  currency: boolean;
  counted: boolean;
  /** A scale the unit carries ("MUSD": millions of dollars). */
  factor?: number;
}

interface Candidate {
  start: number;
  end: number;
  value: number;
  unit: string | null;
  kind: FigureKind;
  ruleIds: string[];
  qualifier?: FigureQualifier;
  per?: string;
  low?: number;
  high?: number;
  change?: 'up' | 'down';
}

/** Characters of context tokenized around each number: enough for qualifiers before, units, nouns and rates after. */
const WINDOW_BEFORE = 60;
const WINDOW_AFTER = 100;
const HYPHENS = new Set(['-', '–', '—']);
const SENTENCE_ENDS = new Set(['.', '!', '?', ';', '']);
const GLUE_SIGNS = new Set(['-', '–', '/', '+', '.', ':', '_']);

/** The rule parameters the scanner consults, read from the lexicon once rather than for every text. */
interface ScannerRules {
  yearMin: number;
  yearMax: number;
  yearPrepositions: ReadonlySet<string>;
  months: ReadonlySet<string>;
  capitalisedMonths: ReadonlySet<string>;
  timeMarkers: ReadonlySet<string>;
  ordinalSuffixes: ReadonlySet<string>;
  decadeSuffixes: ReadonlySet<string>;
  nameLabels: ReadonlySet<string>;
  streetWords: ReadonlySet<string>;
  countedWindow: number;
  anaphoraDistance: number;
  pronounOneAfter: ReadonlySet<string>;
  determiners: ReadonlySet<string>;
  rangeSeparators: ReadonlySet<string>;
  rangeOpener: string;
  rangeJoiner: string;
  rangeNotAfter: ReadonlySet<string>;
  conjunctions: ReadonlySet<string>;
  minusSigns: ReadonlySet<string>;
  minusWords: ReadonlySet<string>;
  rateSkip: ReadonlySet<string>;
  serviceNumbers: { numbers: ReadonlySet<string>; before: ReadonlySet<string>; after: ReadonlySet<string> };
  scoreBefore: ReadonlySet<string>;
  scoreAfter: ReadonlySet<string>;
  ratingWords: ReadonlySet<string>;
  /** The top of a rating scale: "4 stars" is a grade, "50 stars" a count */
  maxRating: number;
  ageWords: ReadonlySet<string>;
  ageUnit: string;
  maxAge: number;
  notModifiers: ReadonlySet<string>;
  /** "more", "other": modifiers of a plural counted noun, never of a singular one */
  pluralOnlyModifiers: ReadonlySet<string>;
  ellipsis: { after: ReadonlySet<string>; before: ReadonlySet<string>; beforeDeterminers: ReadonlySet<string>; notBefore: ReadonlySet<string>; maxDistance: number };
  /** "fishermen" -> "fisherman": the -men plural of -man compounds, with the singular words that only look like one */
  menPlural: { plural: string; singular: string; notPlural: ReadonlySet<string> };
  subunitsPerUnit: number;
  subunitSuffix: string;
  /** "foot>inch" -> 12: how many of the smaller unit make the larger one */
  compoundPairs: ReadonlyMap<string, number>;
  /** "km^2", "km cubed": the exponent sign, the prefix of each power and word, the units that take them */
  power: { sign: string; byExponent: ReadonlyMap<string, string>; byWord: ReadonlyMap<string, string>; units: ReadonlySet<string> };
}

const rulesByLexicon = new WeakMap<Lexicon, ScannerRules>();

function scannerRules(lex: Lexicon): ScannerRules {
  let rules = rulesByLexicon.get(lex);
  if (rules) return rules;
  const year = lex.rejection('reject.year').params;
  const date = lex.rejection('reject.date').params;
  const window = lex.pattern('pattern.counted-noun').params.window;
  const distance = lex.pattern('pattern.rate-anaphora').params.maxDistance;
  const range = lex.pattern('pattern.range').params;
  const negative = lex.pattern('pattern.negative').params;
  const compound = lex.pattern('pattern.compound-amount').params;
  const ellipsis = lex.pattern('pattern.unit-ellipsis').params;
  const score = lex.rejection('reject.score').params;
  const service = lex.rejection('reject.service-number').params;
  const apposition = lex.rejection('reject.age-apposition').params;
  const power = lex.pattern('pattern.unit-power').params;
  rules = {
    yearMin: typeof year.min === 'number' ? year.min : 1800,
    yearMax: typeof year.max === 'number' ? year.max : 2100,
    yearPrepositions: new Set(stringList(year.prepositions)),
    months: new Set(stringList(date.months)),
    capitalisedMonths: new Set(stringList(date.capitalisedOnly)),
    timeMarkers: new Set(stringList(lex.rejection('reject.time').params.markers)),
    ordinalSuffixes: new Set(stringList(lex.rejection('reject.ordinal').params.suffixes)),
    decadeSuffixes: new Set(stringList(lex.rejection('reject.decade').params.suffixes)),
    nameLabels: new Set(stringList(lex.rejection('reject.name').params.labels)),
    streetWords: new Set(stringList(lex.rejection('reject.address').params.streetWords)),
    countedWindow: typeof window === 'number' ? window : 4,
    anaphoraDistance: typeof distance === 'number' ? distance : 400,
    pronounOneAfter: new Set(stringList(lex.pattern('pattern.pronoun-one').params.before)),
    determiners: new Set(stringList(lex.pattern('pattern.counted-of').params.determiners)),
    rangeSeparators: new Set(stringList(range.separators)),
    rangeOpener: typeof range.opener === 'string' ? range.opener : 'between',
    rangeJoiner: typeof range.joiner === 'string' ? range.joiner : 'and',
    rangeNotAfter: new Set(stringList(range.notAfter)),
    conjunctions: new Set(stringList(lex.pattern('pattern.coordinated-unit').params.conjunctions)),
    minusSigns: new Set(stringList(negative.signs)),
    minusWords: new Set(stringList(negative.words)),
    rateSkip: new Set(lex.tables.rates.rules.flatMap((row) => stringList(row.skip))),
    serviceNumbers: { numbers: new Set(stringList(service.numbers)), before: new Set(stringList(service.before)), after: new Set(stringList(service.after)) },
    scoreBefore: new Set(stringList(score.before)),
    scoreAfter: new Set(stringList(score.after)),
    ratingWords: new Set(stringList(lex.rejection('reject.rating').params.words)),
    maxRating: numberParam(lex.rejection('reject.rating').params.maxRating, 5),
    ageWords: new Set(stringList(lex.pattern('pattern.age').params.before)),
    ageUnit: lex.tables.units.byId.get('unit.year-of-age')?.unit ?? 'year of age',
    maxAge: typeof apposition.maxAge === 'number' ? apposition.maxAge : 120,
    notModifiers: new Set(stringList(lex.pattern('pattern.counted-noun').params.notModifiers)),
    pluralOnlyModifiers: new Set(stringList(lex.pattern('pattern.counted-noun').params.pluralOnlyModifiers)),
    power: {
      sign: typeof power.exponentSign === 'string' ? power.exponentSign : '^',
      byExponent: new Map(stringRecord(power.powers)),
      byWord: new Map(stringRecord(power.words)),
      units: new Set(stringList(power.units)),
    },
    ellipsis: {
      after: new Set(stringList(ellipsis.after)),
      before: new Set(stringList(ellipsis.before)),
      beforeDeterminers: new Set(stringList(ellipsis.beforeDeterminers)),
      notBefore: new Set(stringList(ellipsis.notBefore)),
      maxDistance: typeof ellipsis.maxDistance === 'number' ? ellipsis.maxDistance : 80,
    },
    menPlural: menPluralRule(lex.pattern('pattern.counted-noun').params.menPlural),
    subunitsPerUnit: typeof compound.subunitsPerUnit === 'number' ? compound.subunitsPerUnit : 100,
    subunitSuffix: typeof compound.subunitSuffix === 'string' ? compound.subunitSuffix : '-cent',
    compoundPairs: new Map(compoundPairs(compound.pairs)),
  };
  rulesByLexicon.set(lex, rules);
  return rules;
}

class FigureScanner {
  private readonly tokens: Token[];
  private readonly figures: Candidate[] = [];
  private readonly rejected: RejectedCandidate[] = [];
  private readonly phoneRanges: RangeCursor;
  private readonly urlRanges: RangeCursor;
  /** Token index up to which numbers were consumed by a rejection (dates, times, phone numbers). */
  private rejectedUntil = -1;
  private readonly rules: ScannerRules;

  constructor(
    private readonly text: string,
    private readonly lex: Lexicon,
    private readonly format: NumberFormatRow,
  ) {
    this.tokens = tokenizeAround(text, lex.trigger, WINDOW_BEFORE, WINDOW_AFTER, format);
    this.phoneRanges = new RangeCursor(findMatches(text, PHONE_PATTERN));
    this.urlRanges = new RangeCursor(findAddresses(text));
    this.rules = scannerRules(lex);
  }

  scan(): FigureExtraction {
    let i = 0;
    while (i < this.tokens.length) i = this.scanAt(i);
    this.resolveBareRates();
    this.resolveUnitEllipsis();
    return { figures: this.figures.map((candidate) => this.toFigure(candidate)), rejected: this.rejected };
  }

  private reject(start: number, end: number, ruleId: string): void {
    const first = this.tokens[start] as Token;
    const last = this.tokens[end - 1] as Token;
    const row = this.lex.tables.rejections.byId.get(ruleId) ?? this.lex.pattern(ruleId);
    this.rejected.push({ start: first.start, end: last.end, text: this.text.slice(first.start, last.end), layer: 'figure', reason: row.reason, ruleId });
    this.rejectedUntil = Math.max(this.rejectedUntil, end);
  }

  /** Tries to read a figure at token i; returns the index to continue from. */
  private scanAt(i: number): number {
    const tokens = this.tokens;
    const number = readNumber(tokens, i, this.lex);
    if (!number) return i + 1;

    if (number.digits) {
      const rejectedEnd = this.rejectDigits(number);
      if (rejectedEnd !== null) return rejectedEnd;
    }

    // prefix: currency symbol or code, then qualifier, then change verb
    let start = number.start;
    const ruleIds = [...number.ruleIds];
    if (number.digits && /\D/.test((tokens[number.start] as Token).text)) ruleIds.push(this.format.id);
    let currency: CurrencyRow | null = null;
    const symbol = matchPhraseBefore(this.lex.currencySymbols, tokens, start, 3) ?? matchPhraseBefore(this.lex.currencyCodes, tokens, start, 1);
    if (symbol) {
      currency = symbol.value;
      start = symbol.start;
      ruleIds.push(currency.id);
    }
    // a capitalised word opening a sentence may be an ordinary verb ("Take 5 ml"): decided after the unit
    const name = number.digits && !currency ? this.namePart(number.start) : 'none';
    if ((name === 'name' && !this.measuredAfterName(number)) || (number.digits && this.isModelNumber(number.start))) {
      this.reject(number.start, number.end, 'reject.name');
      return number.end;
    }
    let qualifier: FigureQualifier | undefined;
    const qualifierMatch = matchPhraseBefore(this.lex.qualifiers, tokens, start, 4);
    if (qualifierMatch && !this.isInsideWord(qualifierMatch.start)) {
      qualifier = qualifierMatch.value.qualifier;
      start = qualifierMatch.start;
      ruleIds.push(qualifierMatch.value.id);
    }
    let change: 'up' | 'down' | undefined;
    let before = start - 1;
    if (tokens[before]?.lower === 'by') before--;
    const changeRow = tokens[before] ? this.lex.changeBefore.get((tokens[before] as Token).lower) : undefined;
    if (changeRow) {
      change = changeRow.change;
      ruleIds.push(changeRow.id);
    }
    const between = tokens[start - 1]?.lower === this.rules.rangeOpener;

    // value: number, scale, range; a sign glued to the digits and free on its left makes it negative
    let value = number.value;
    const sign = tokens[number.start - 1];
    if (number.digits && !currency && sign && this.rules.minusSigns.has(sign.text) && glued(sign, tokens[number.start]) && !glued(tokens[number.start - 2], sign)) {
      value = -value;
      if (start === number.start) start -= 1;
      ruleIds.push('pattern.negative');
    } else if (sign && this.rules.minusWords.has(sign.lower) && start === number.start) {
      value = -value;
      start -= 1;
      ruleIds.push('pattern.negative');
    }
    let end = number.end;
    const scale = this.readScale(end, currency !== null);
    let scaled = currency?.factor !== undefined;
    if (currency?.factor !== undefined) value *= currency.factor;
    if (scale) {
      value *= scale.factor;
      end = scale.end;
      ruleIds.push(scale.ruleId);
      scaled = true;
    }
    let low: number | undefined;
    let high: number | undefined;
    const range = this.readRangeEnd(end, between, currency);
    if (range) {
      let lowValue = value;
      if (!scaled && range.scale > 1 && number.value <= range.rawValue) lowValue = number.value * range.scale;
      if (range.value < lowValue && !between) {
        if (range.glued && number.digits) {
          this.reject(number.start, range.end, 'reject.score');
          return range.end;
        }
      } else if (range.glued && number.digits && currency === null && !scaled && Number.isInteger(number.value) && Number.isInteger(range.value) && this.isScore(number.start, range.end)) {
        this.reject(number.start, range.end, 'reject.score');
        return range.end;
      } else {
        low = lowValue;
        high = range.value;
        value = (lowValue + range.value) / 2;
        end = range.end;
        if (range.currency && !currency) currency = range.currency;
        ruleIds.push('pattern.range');
        if (between) start -= 1;
      }
    }

    // unit: currency word, measurement unit, percent, or the counted noun
    let unit: string | null = null;
    let kind: FigureKind = 'count';
    if (currency) {
      unit = currency.code;
      kind = 'money';
      const suffix = this.readUnit(end, scaled, true);
      if (suffix?.currency) {
        end = suffix.end;
        if (suffix.unit !== currency.code) ruleIds.push(suffix.ruleId);
      }
    } else {
      const suffix = this.readUnit(end, scaled, false);
      if (suffix) {
        unit = suffix.unit;
        kind = suffix.kind;
        end = suffix.end;
        ruleIds.push(suffix.ruleId);
        if (suffix.factor !== undefined && !scaled) {
          value *= suffix.factor;
          scaled = true;
        }
        // "75 USD million": the scale after the code
        const after = suffix.currency && !scaled ? this.readScale(end, true) : null;
        if (after) {
          value *= after.factor;
          end = after.end;
          ruleIds.push(after.ruleId);
          scaled = true;
        }
      } else {
        const coordinated = this.readCoordinatedUnit(end, scaled);
        if (coordinated) {
          unit = coordinated.unit;
          kind = coordinated.kind;
          ruleIds.push(coordinated.ruleId, 'pattern.coordinated-unit');
        }
      }
    }

    // a bare four-digit number with nothing counted is a year
    if (number.digits && number.digitText !== null && !currency && !qualifier && !scaled && low === undefined && this.looksLikeYear(number)) {
      const countedPlural = unit === null ? this.readCountedNoun(end, false) : null;
      const preposition = tokens[number.start - 1]?.lower ?? '';
      if (unit === null && (countedPlural === null || this.rules.yearPrepositions.has(preposition) || this.hasCapitalised(number.end, countedPlural.end))) {
        this.reject(number.start, number.end, 'reject.year');
        return number.end;
      }
    }

    if (unit === null && kind === 'count') {
      const counted = this.readCompoundNoun(end) ?? this.readCountedNoun(end, value === 1 && low === undefined);
      if (counted) {
        unit = counted.unit;
        end = counted.end;
        ruleIds.push(...counted.ruleIds);
      } else {
        const ofThe = this.readCountedOf(end);
        if (ofThe) {
          unit = ofThe.unit;
          ruleIds.push(...ofThe.ruleIds, 'pattern.counted-of');
        }
      }
    }

    // "a five-star hotel", "3.5 stars on Yelp", "4 out of 5 stars": a grade on a short scale
    if (unit !== null && kind === 'count' && this.rules.ratingWords.has(unit) && (ruleIds.includes('pattern.compound-noun') || value <= this.rules.maxRating)) {
      this.reject(number.start, end, 'reject.rating');
      // the grade given before "out of" the scale's top
      const given = this.figures[this.figures.length - 1];
      if (given && given.unit === null && given.end === number.start - 2 && tokens[number.start - 2]?.lower === 'out' && tokens[number.start - 1]?.lower === 'of') {
        this.figures.pop();
        this.reject(given.start, given.end, 'reject.rating');
      }
      return end;
    }
    if (unit === null && kind === 'count' && low === undefined && !qualifier && Number.isInteger(value) && value > 0 && value <= this.rules.maxAge) {
      if (this.rules.ageWords.has(tokens[number.start - 1]?.lower ?? '')) {
        unit = this.rules.ageUnit;
        kind = 'quantity';
        start = Math.min(start, number.start - 1);
        ruleIds.push('pattern.age');
      } else if (number.digits && this.isAgeApposition(number.start, number.end)) {
        this.reject(number.start, number.end, 'reject.age-apposition');
        return number.end;
      }
    }

    // "3 dollars 50 cents", "5 feet 2 inches": the smaller unit after the larger one adds to it
    let compound = false;
    if (unit !== null && low === undefined && !scaled) {
      const rest = this.readCompoundRest(end, unit, kind);
      if (rest) {
        compound = true;
        value += rest.value;
        end = rest.end;
        ruleIds.push('pattern.compound-amount');
      }
    }

    if (name === 'sentence-initial' && unit === null) {
      this.reject(number.start, number.end, 'reject.name');
      return number.end;
    }

    const rate = this.readRate(end);
    let per: string | undefined;
    if (rate) {
      per = rate.per;
      end = rate.end;
      ruleIds.push(rate.ruleId);
      // a measured quantity over time is a compound unit ("metre per second") and stays a measured
      // quantity; a count or an amount over time is a rate and keeps its noun
      if (kind === 'quantity' && unit !== null) unit = `${unit} per ${rate.per}`;
      else if (kind === 'count' || kind === 'quantity') kind = 'rate';
    }

    // "one" alone is a pronoun far more often than a count
    if (number.weak && unit === null && per === undefined) return number.end;
    const beforeOne = HYPHENS.has(tokens[number.start - 1]?.text ?? '') && glued(tokens[number.start - 1], tokens[number.start]) ? tokens[number.start - 2] : tokens[number.start - 1];
    if (number.weak && this.rules.pronounOneAfter.has(beforeOne?.lower ?? '')) {
      this.reject(number.start, number.end, 'pattern.pronoun-one');
      return number.end;
    }

    if (!change) {
      const afterRow = tokens[end] ? this.lex.changeAfter.get((tokens[end] as Token).lower) : undefined;
      if (afterRow && (kind === 'percent' || kind === 'money')) {
        change = afterRow.change;
        ruleIds.push(afterRow.id);
      }
    }

    if (unit === null && kind === 'count' && number.digits && !qualifier && low === undefined && per === undefined) {
      const cell = this.bareNumberContext(number);
      if (cell !== null) {
        this.reject(number.start, number.end, cell);
        return number.end;
      }
    }

    const candidate: Candidate = { start, end, value, unit, kind, ruleIds };
    if (qualifier) candidate.qualifier = qualifier;
    if (per) candidate.per = per;
    if (low !== undefined && high !== undefined) {
      candidate.low = low;
      candidate.high = high;
    }
    if (change) candidate.change = change;
    this.figures.push(candidate);
    // a coordinated second number is read on its own from where the first one ended; a range or compound is one figure
    return range || compound ? end : number.end;
  }

  /** Rejections that depend only on the digits and their glued neighbours; returns where to resume. */
  private rejectDigits(number: NumberRead): number | null {
    const tokens = this.tokens;
    const first = tokens[number.start] as Token;
    const lastDigit = tokens[number.end - 1] as Token;
    const next = tokens[number.end];
    const previous = tokens[number.start - 1];
    if (number.start < this.rejectedUntil) return number.end;
    // the exponent of "km^2" belongs to the unit before it
    if (previous?.text === this.rules.power.sign && glued(previous, first)) return number.end;
    for (const [ranges, ruleId] of [[this.phoneRanges, 'reject.phone'], [this.urlRanges, 'reject.url']] as const) {
      const range = ranges.at(first.start);
      if (range) {
        let end = number.end;
        while (end < tokens.length && (tokens[end] as Token).start < range[1]) end++;
        this.reject(number.start, end, ruleId);
        return end;
      }
    }
    // a number glued to a rejected one by a sign shares its fate (2014-15, 12/25/2023, J1149.5+6663)
    if (previous && GLUE_SIGNS.has(previous.text) && glued(previous, first)) {
      const last = this.rejected[this.rejected.length - 1];
      if (last && last.end === previous.start) {
        this.reject(number.start, number.end, last.ruleId);
        return number.end;
      }
    }
    // three or more dot-separated digit groups: a version, address or section number (1.2.3, 10.0.0.1), or a date (25.12.2023)
    const dotted = this.dottedChain(number.start);
    if (dotted !== null) {
      this.reject(number.start, dotted.end, dotted.date ? 'reject.numeric-date' : 'reject.dotted-identifier');
      return dotted.end;
    }
    // numeric dates: 12/25/2023, 2023-12-25
    const chain = this.gluedChain(number.start);
    if (chain.numbers >= 3 && chain.separators.size === 1 && !chain.separators.has(',')) {
      this.reject(number.start, chain.end, 'reject.numeric-date');
      return chain.end;
    }
    // clock times: 10:30, 8 p.m., 1pm
    if (next?.text === ':' && glued(lastDigit, next) && tokens[number.end + 1]?.type === 'num' && glued(next, tokens[number.end + 1])) {
      let end = number.end + 2;
      const marker = tokens[end];
      if (marker && this.rules.timeMarkers.has(marker.lower)) end++;
      this.reject(number.start, end, 'reject.time');
      return end;
    }
    if (next && this.rules.timeMarkers.has(next.lower) && (next.type === 'word' || glued(lastDigit, next)) && number.value <= 24 && !this.isUnitAt(number.end)) {
      this.reject(number.start, number.end + 1, 'reject.time');
      return number.end + 1;
    }
    if (next?.type === 'word' && glued(lastDigit, next)) {
      if (this.rules.ordinalSuffixes.has(next.lower) && number.digitText !== null) {
        this.reject(number.start, number.end + 1, this.isDateContext(number.start, number.end + 1, number.value) ? 'reject.date' : 'reject.ordinal');
        return number.end + 1;
      }
      if (this.rules.decadeSuffixes.has(next.lower)) {
        this.reject(number.start, number.end + 1, 'reject.decade');
        return number.end + 1;
      }
    }
    if (next && (next.text === "'" || next.text === '’') && glued(lastDigit, next) && tokens[number.end + 1]?.lower === 's' && glued(next, tokens[number.end + 1])) {
      this.reject(number.start, number.end + 2, 'reject.decade');
      return number.end + 2;
    }
    // letters glued before the number (J1149, SCP06) make an identifier, unless they are a currency
    if (previous?.type === 'word' && glued(previous, first) && !matchPhraseBefore(this.lex.currencySymbols, tokens, number.start, 3) && !matchPhraseBefore(this.lex.currencyCodes, tokens, number.start, 1)) {
      this.reject(number.start, number.end, 'reject.identifier');
      return number.end;
    }
    if (next?.type === 'word' && glued(lastDigit, next) && !this.isUnitAt(number.end) && !this.rules.timeMarkers.has(next.lower)) {
      this.reject(number.start, number.end + 1, 'reject.identifier');
      return number.end + 1;
    }
    if (number.digitText !== null && this.isStreetAddress(number.end)) {
      this.reject(number.start, number.end, 'reject.address');
      return number.end;
    }
    if (number.digitText !== null && this.isDateContext(number.start, number.end, number.value)) {
      this.reject(number.start, number.end, 'reject.date');
      return number.end;
    }
    const service = this.rules.serviceNumbers;
    if (number.digitText !== null && service.numbers.has(number.digitText) && (service.before.has(previous?.lower ?? '') || service.after.has(next?.lower ?? ''))) {
      this.reject(number.start, number.end, 'reject.service-number');
      return number.end;
    }
    // "1." or "2)" opening a line: a list item's number
    if (number.digitText !== null && (next?.text === '.' || next?.text === ')') && glued(lastDigit, next) && /(?:^|\n)[ \t]*$/.test(this.text.slice(Math.max(0, first.start - 40), first.start))) {
      this.reject(number.start, number.end + 1, 'reject.list-marker');
      return number.end + 1;
    }
    return null;
  }

  private hasCapitalised(from: number, to: number): boolean {
    for (let j = from; j < to; j++) if (/^\p{Lu}/u.test((this.tokens[j] as Token).text)) return true;
    return false;
  }

  /** A glued pair where a result is spoken of: "lost 0-6", "a 1-3 defeat", "are 2-7", with nothing measured after. */
  private isScore(start: number, end: number): boolean {
    if (this.readUnit(end, false, false) !== null || this.tokens[end]?.text === '%') return false;
    return this.rules.scoreBefore.has(this.tokens[start - 1]?.lower ?? '') || this.rules.scoreAfter.has(this.tokens[end]?.lower ?? '');
  }

  /** "Maria Lopez, 45, said": a number between commas right after a capitalised name. */
  private isAgeApposition(start: number, end: number): boolean {
    const tokens = this.tokens;
    const name = tokens[start - 2];
    if (tokens[start - 1]?.text !== ',' || tokens[end]?.text !== ',' || !name || name.type !== 'word') return false;
    if (!/^\p{Lu}/u.test(name.text) || this.rules.months.has(name.lower) || this.format.months.includes(name.lower)) return false;
    return true;
  }

  /** Digit groups joined by glued dots from token i on ("1.2" "." "3"); null when fewer than three groups. */
  private dottedChain(i: number): { end: number; date: boolean } | null {
    const tokens = this.tokens;
    const groups = (tokens[i] as Token).text.split('.');
    let j = i + 1;
    while (tokens[j]?.text === '.' && tokens[j + 1]?.type === 'num' && glued(tokens[j - 1], tokens[j]) && glued(tokens[j], tokens[j + 1])) {
      groups.push(...(tokens[j + 1] as Token).text.split('.'));
      j += 2;
    }
    if (groups.length < 3 || groups.some((group) => !/^\d+$/.test(group))) return null;
    const [day, month, year] = groups.map(Number) as [number, number, number];
    const date = groups.length === 3 && day >= 1 && day <= 31 && month >= 1 && month <= 12 && ((groups[2] as string).length === 4 || (groups[2] as string).length === 2) && year >= 0;
    return { end: j, date };
  }

  /** Counts numbers joined by glued separators around token i ("12/25/2023"). */
  private gluedChain(i: number): { numbers: number; end: number; separators: Set<string> } {
    const tokens = this.tokens;
    let numbers = 1;
    let j = i;
    const separators = new Set<string>();
    while (true) {
      const separator = tokens[j + 1];
      const next = tokens[j + 2];
      if (!separator || !next || separator.type !== 'sym' || next.type !== 'num' || !glued(tokens[j], separator) || !glued(separator, next)) break;
      if (!['/', '-', '.'].includes(separator.text)) break;
      separators.add(separator.text);
      numbers++;
      j += 2;
    }
    return { numbers, end: j + 1, separators };
  }

  /** "1600 Pennsylvania Avenue": capitalised words ending in a street word right after the number. */
  private isStreetAddress(i: number): boolean {
    for (let j = i; j < i + 4; j++) {
      const token = this.tokens[j];
      if (!token || token.type !== 'word' || !/^\p{Lu}/u.test(token.text)) return false;
      if (j > i && this.rules.streetWords.has(token.lower)) return true;
    }
    return false;
  }

  private isDateContext(start: number, end: number, value: number): boolean {
    if (!Number.isInteger(value) || value < 1 || value > 31) return false;
    const isMonth = (token: Token | undefined): boolean => {
      if (!token || token.type !== 'word') return false;
      const word = token.lower.replace(/\.$/, '');
      if (!this.rules.months.has(word) && !this.format.months.includes(word)) return false;
      if (this.rules.capitalisedMonths.has(word) && !/^\p{Lu}/u.test(token.text)) return false;
      return true;
    };
    let before = start - 1;
    if (this.tokens[before]?.text === '.') before--;
    if (isMonth(this.tokens[before])) return true;
    let after = end;
    if (this.tokens[after]?.lower === 'of') after++;
    // "1. Januar": the day as an ordinal with a point, where the language writes dates so
    else if (this.format.ordinalDot && this.tokens[after]?.text === '.' && glued(this.tokens[end - 1], this.tokens[after])) after++;
    return isMonth(this.tokens[after]);
  }

  /** "Title 42", "Boeing 737", "Covid-19", "No. 10": a capitalised or label word right before the number. */
  private namePart(i: number): 'name' | 'sentence-initial' | 'none' {
    if (!this.isNamePart(i)) return 'none';
    let j = i - 1;
    if (this.rules.nameLabels.has(this.tokens[j]?.lower ?? '') || this.tokens[j]?.text === '#' || this.tokens[j]?.text === '.') return 'name';
    if (HYPHENS.has(this.tokens[j]?.text ?? '')) return 'name';
    const before = this.tokens[j - 1];
    j--;
    const opensSentence = before === undefined || ['.', '!', '?', '"', '“', '(', ':', ';'].includes(before.text) || this.text.slice(before.end, (this.tokens[j + 1] as Token).start).includes('\n');
    return opensSentence ? 'sentence-initial' : 'name';
  }

  /**
   * A bare number that is one of a row of numbers set apart only by spaces ("Kyle Busch 5040 5 1
   * 17 27") is a table cell; one in parentheses after a score ("7-6 (5)") is a tie-break score.
   */
  private bareNumberContext(number: NumberRead): string | null {
    const tokens = this.tokens;
    const previous = tokens[number.start - 1];
    const next = tokens[number.end];
    if ((previous?.type === 'num' && !glued(previous, tokens[number.start])) || (next?.type === 'num' && !glued(tokens[number.end - 1], next))) return 'reject.table-cell';
    const [won, dash, lost] = [tokens[number.start - 4], tokens[number.start - 3], tokens[number.start - 2]];
    const afterScore = won?.type === 'num' && dash !== undefined && HYPHENS.has(dash.text) && lost?.type === 'num' && glued(won, dash) && glued(dash, lost);
    if (previous?.text === '(' && next?.text === ')' && afterScore) return 'reject.score';
    return null;
  }

  /**
   * "Lamborghini's 640bhp", "Solar's 550 megawatt plant": after a capitalised word (not a label
   * such as "Route"), a number followed by a unit of measure other than time is measured, not named.
   */
  private measuredAfterName(number: NumberRead): boolean {
    const previous = this.tokens[number.start - 1];
    if (!previous || previous.type !== 'word' || this.rules.nameLabels.has(previous.lower)) return false;
    const unit = this.readUnit(number.end, false, false);
    return unit !== null && unit.kind === 'quantity' && !unit.currency && this.lex.tables.units.byId.get(unit.ruleId)?.time !== true && unit.ruleId !== 'unit.year-of-age';
  }

  /**
   * "two new 737 Max jets": digits between a count (and its adjectives) and a capitalised word
   * name a model, what the count counts.
   */
  private isModelNumber(i: number): boolean {
    const tokens = this.tokens;
    const next = tokens[i + 1];
    if (!next || next.type !== 'word' || !/^\p{Lu}/u.test(next.text) || (tokens[i] as Token).type !== 'num') return false;
    let j = i - 1;
    for (let skipped = 0; skipped < 2 && tokens[j]?.type === 'word' && /^\p{Ll}/u.test((tokens[j] as Token).text) && !this.lex.stopWords.has((tokens[j] as Token).lower) && !this.lex.numberWords.has((tokens[j] as Token).lower); skipped++) j--;
    if (j === i - 1) return false;
    const count = tokens[j];
    return count !== undefined && (count.type === 'num' || this.lex.numberWords.get(count.lower)?.row.role === 'unit');
  }

  private isNamePart(i: number): boolean {
    const tokens = this.tokens;
    let j = i - 1;
    let previous = tokens[j];
    if (previous && HYPHENS.has(previous.text) && glued(previous, tokens[i])) {
      j--;
      previous = tokens[j];
      if (!previous || !glued(previous, tokens[j + 1])) return false;
    }
    if (previous?.text === '#' ) return true;
    if (previous?.text === '.' && tokens[j - 1] && this.rules.nameLabels.has(`${(tokens[j - 1] as Token).lower}.`)) return true;
    if (!previous || previous.type !== 'word') return false;
    if (this.rules.nameLabels.has(previous.lower)) return true;
    // capitalised (Title, Boeing) or camel-cased (iPhone, iOS) words name things, where only names are capitalised
    if (!/\p{Lu}/u.test(previous.text) || (this.format.capitalisedNouns && !/^\p{Lu}{2,}/u.test(previous.text) && !/\p{Ll}\p{Lu}/u.test(previous.text))) return false;
    if (this.lex.sentenceWords.has(previous.lower) || this.rules.months.has(previous.lower.replace(/\.$/, ''))) return false;
    if (this.lex.numberWords.has(previous.lower)) return false;
    return true;
  }

  private isInsideWord(i: number): boolean {
    const token = this.tokens[i];
    const previous = this.tokens[i - 1];
    return token !== undefined && previous !== undefined && previous.type === 'word' && glued(previous, token);
  }

  private looksLikeYear(number: NumberRead): boolean {
    const digits = number.digitText;
    return digits !== null && /^\d{4}$/.test(digits) && number.value >= this.rules.yearMin && number.value <= this.rules.yearMax;
  }

  private readScale(i: number, hasCurrency: boolean): { factor: number; end: number; ruleId: string } | null {
    // "$1.5-billion deal"
    const tokens = this.tokens;
    const at = tokens[i] && HYPHENS.has((tokens[i] as Token).text) && glued(tokens[i - 1], tokens[i]) && glued(tokens[i], tokens[i + 1]) ? i + 1 : i;
    const match = matchPhrase(this.lex.scales, this.tokens, at, (row, end) => {
      const form = this.tokens.slice(at, end).map((token) => token.lower).join(' ');
      const gluedToDigits = at === i && glued(tokens[i - 1], tokens[i]);
      // glued forms count as written: "10k" is ten thousand, "4K" a resolution
      if (row.gluedOk.includes(this.tokens.slice(at, end).map((token) => token.text).join(' ')) && gluedToDigits) return true;
      if (row.beforeCounted.includes(form) && gluedToDigits && this.startsCountedNoun(end)) return true;
      return hasCurrency || !row.currencyOnly.includes(form);
    });
    if (!match) return null;
    // "m" and "b" must be glued or standalone abbreviations, never the start of a longer word
    return { factor: match.value.factor, end: match.end, ruleId: match.value.id };
  }

  private startsCountedNoun(i: number): boolean {
    const word = this.tokens[i];
    if (!word || word.type !== 'word' || this.lex.stopWords.has(word.lower)) return false;
    return this.lex.countedAliases.has(word.lower) || this.lex.irregularPlurals.has(word.lower) || looksPlural(word.lower);
  }

  private isUnitAt(i: number): boolean {
    return this.readUnit(i, false, false) !== null || this.readScale(i, true) !== null || this.tokens[i]?.lower === '-';
  }

  /** A unit right after the number (optionally glued with a hyphen: "8-inch"). */
  private readUnit(i: number, scaled: boolean, moneyOnly: boolean, anyFollower = false): UnitFound | null {
    const tokens = this.tokens;
    let at = i;
    // "8-inch", and "3 - year - old" in text tokenized with spaces
    const hyphenated = tokens[at] !== undefined && HYPHENS.has((tokens[at] as Token).text) && tokens[at + 1]?.type === 'word';
    if (hyphenated) at++;
    const word = matchPhrase(this.lex.currencyWords, tokens, at, (row) => !row.requiresScale || scaled);
    if (word) return { unit: word.value.code, kind: 'money', end: word.end, ruleId: word.value.id, currency: true, counted: false };
    const suffix = matchPhrase(this.lex.currencySuffixSymbols, tokens, at) ?? matchPhrase(this.lex.currencyCodes, tokens, at);
    if (suffix) {
      const found: UnitFound = { unit: suffix.value.code, kind: 'money', end: suffix.end, ruleId: suffix.value.id, currency: true, counted: false };
      if (suffix.value.factor !== undefined) found.factor = suffix.value.factor;
      return found;
    }
    if (moneyOnly) return null;
    const unit = matchPhrase(this.lex.units, tokens, at, (row: UnitRow, end) => this.unitAllowed(row, at, end, anyFollower));
    if (!unit) return null;
    const found: UnitFound = { unit: unit.value.unit, kind: unit.value.kind, end: unit.end, ruleId: unit.value.id, currency: false, counted: false };
    const power = this.rules.power.units.has(found.unit) ? this.readPower(unit.end) : null;
    if (power) {
      found.unit = `${power.prefix} ${found.unit}`;
      found.end = power.end;
      found.ruleId = 'pattern.unit-power';
    }
    return found;
  }

  /** "^2" glued to a unit, or "squared"/"cubed" after it: the prefix it gives the unit. */
  private readPower(at: number): { prefix: string; end: number } | null {
    const tokens = this.tokens;
    const next = tokens[at];
    if (!next) return null;
    const byWord = this.rules.power.byWord.get(next.lower);
    if (byWord !== undefined) return { prefix: byWord, end: at + 1 };
    const exponent = tokens[at + 1];
    if (next.text !== this.rules.power.sign || !glued(tokens[at - 1], next) || !exponent || !glued(next, exponent)) return null;
    const prefix = this.rules.power.byExponent.get(exponent.text);
    return prefix === undefined ? null : { prefix, end: at + 2 };
  }

  /** `anyFollower`: the form's context is already known ("in" after "5 ft 2" is inches whatever follows). */
  private unitAllowed(row: UnitRow, start: number, end: number, anyFollower = false): boolean {
    // letters or digits glued after the form make it part of an identifier ("SCP 06F6", "24703m212")
    const after = this.tokens[end];
    if (after && after.type !== 'sym' && glued(this.tokens[end - 1], after)) return false;
    // "m2", "km²": a form ending in digits counts only written as one word ("12 m 2 dm" is metres)
    const last = this.tokens[end - 1] as Token;
    if (end - start > 1 && last.type === 'num' && !glued(this.tokens[end - 2], last)) return false;
    if (row.gluedOnly.length === 0 && !row.hasOnlyBefore) return true;
    const form = this.tokens.slice(start, end).map((token) => token.lower).join(' ');
    const written = this.tokens.slice(start, end).map((token) => token.text).join(' ');
    const gluedOnly = row.gluedOnly.some((only) => (row.caseSensitive.includes(only) ? only === written : only.toLowerCase() === form));
    if (gluedOnly && !glued(this.tokens[start - 1], this.tokens[start])) return false;
    const required = row.onlyBefore[form];
    if (required && !anyFollower && !required.includes(this.tokens[end]?.lower ?? '')) return false;
    return true;
  }

  /**
   * The second part of a compound amount after `end`: a subunit of the same currency ("and 50
   * cents"), a bare number below a hundred closing the clause after a whole amount of money
   * ("15 dollars 50."), or the smaller unit of an imperial pair ("2 inches" after feet).
   */
  private readCompoundRest(end: number, unit: string, kind: FigureKind): { value: number; end: number } | null {
    const tokens = this.tokens;
    let at = end;
    if (tokens[at]?.text === ',') return null;
    if (tokens[at]?.lower === this.rules.rangeJoiner) at++;
    const part = readNumber(tokens, at, this.lex);
    if (!part || part.weak || !Number.isInteger(part.value) || part.value <= 0) return null;
    if (kind === 'money') {
      const subunit = this.readUnit(part.end, false, true);
      if (subunit) {
        return subunit.unit === `${unit}${this.rules.subunitSuffix}` || (subunit.unit.includes('-') && !unit.includes('-')) ? { value: part.value / this.rules.subunitsPerUnit, end: subunit.end } : null;
      }
      const next = tokens[part.end];
      const closes = next === undefined || (next.type === 'sym' && !HYPHENS.has(next.text) && next.text !== '%' && next.text !== '/');
      if (closes && part.value < this.rules.subunitsPerUnit && !unit.includes('-')) return { value: part.value / this.rules.subunitsPerUnit, end: part.end };
      return null;
    }
    const smaller = this.readUnit(part.end, false, false, true);
    const factor = smaller ? this.rules.compoundPairs.get(`${unit}>${smaller.unit}`) : undefined;
    return smaller && factor !== undefined ? { value: part.value / factor, end: smaller.end } : null;
  }

  /** "7- or 8-inch", "2 or 3 weeks": the unit after the second number. */
  private readCoordinatedUnit(i: number, scaled: boolean): UnitFound | null {
    const tokens = this.tokens;
    let at = i;
    const dangling = tokens[at] !== undefined && HYPHENS.has((tokens[at] as Token).text) && glued(tokens[at - 1], tokens[at]);
    if (tokens[at] && HYPHENS.has((tokens[at] as Token).text)) at++;
    // "four-, five- and six-cylinder": a list of dangling hyphens before the last number
    while (dangling && tokens[at]?.text === ',') {
      const listed = readNumber(tokens, at + 1, this.lex);
      if (listed && tokens[listed.end] !== undefined && HYPHENS.has((tokens[listed.end] as Token).text)) at = listed.end + 1;
      else if (this.rules.conjunctions.has(tokens[at + 1]?.lower ?? '')) at++;
      else return null;
    }
    if (!this.rules.conjunctions.has(tokens[at]?.lower ?? '')) return null;
    const second = readNumber(tokens, at + 1, this.lex);
    if (!second || second.weak) return null;
    let end = second.end;
    const scale = this.readScale(end, false);
    if (scale) end = scale.end;
    const unit = this.readUnit(end, scaled || scale !== null, false);
    if (unit || !dangling) return unit;
    const compound = this.readCompoundNoun(end);
    return compound ? { unit: compound.unit, kind: 'count', end: compound.end, ruleId: compound.ruleIds[0] ?? 'pattern.compound-noun', currency: false, counted: true } : null;
  }

  /** The second end of a range: "-30", "to 30", "and 30" (after "between"), with its own scale. */
  private readRangeEnd(i: number, between: boolean, currency: CurrencyRow | null): { value: number; rawValue: number; scale: number; end: number; glued: boolean; currency: CurrencyRow | null } | null {
    const tokens = this.tokens;
    // "8- to 16-metre": the first number's hyphen waits for the unit after the second
    const dangling = !between && tokens[i] !== undefined && HYPHENS.has((tokens[i] as Token).text) && glued(tokens[i - 1], tokens[i]) && tokens[i + 1]?.lower === 'to';
    if (dangling) i++;
    const separator = tokens[i];
    if (!separator) return null;
    const isSeparator = between ? separator.lower === this.rules.rangeJoiner : this.rules.rangeSeparators.has(separator.lower);
    if (!isSeparator) return null;
    if (!between && tokens[i - 1] && this.startsWithFrom(i)) return null;
    let at = i + 1;
    const symbol = matchPhrase(this.lex.currencySymbols, tokens, at);
    let rangeCurrency: CurrencyRow | null = null;
    if (symbol) {
      rangeCurrency = symbol.value;
      at = symbol.end;
    }
    const second = readNumber(tokens, at, this.lex);
    if (!second || second.weak) return null;
    // "grew by $4 billion to $41 billion": an amount restated after "by … to" is the new level
    if (rangeCurrency !== null && separator.lower === 'to' && this.byBefore(i)) return null;
    const isGlued = glued(tokens[i - 1], separator) && glued(separator, tokens[at]);
    if (second.digits && second.digitText !== null && /^\d{4}$/.test(second.digitText) && second.value >= this.rules.yearMin && second.value <= this.rules.yearMax) return null;
    let end = second.end;
    let factor = 1;
    const scale = this.readScale(end, currency !== null || rangeCurrency !== null);
    if (scale) {
      factor = scale.factor;
      end = scale.end;
    }
    return { value: second.value * factor, rawValue: second.value, scale: factor, end, glued: isGlued, currency: rangeCurrency };
  }

  /** "by" shortly before the first amount of a "… to …" pair ("rose by $4 billion to …"). */
  private byBefore(separatorIndex: number): boolean {
    for (let j = separatorIndex - 1; j >= Math.max(0, separatorIndex - 6); j--) {
      const token = this.tokens[j] as Token;
      if (token.lower === 'by') return true;
      if (SENTENCE_ENDS.has(token.text) || token.text === ',') return false;
    }
    return false;
  }

  /** "from 5% to 7%" is a change between two figures, not a range. */
  private startsWithFrom(separatorIndex: number): boolean {
    for (let j = separatorIndex - 1; j >= Math.max(0, separatorIndex - 4); j--) {
      const token = this.tokens[j] as Token;
      if (this.rules.rangeNotAfter.has(token.lower)) return true;
      if (token.type === 'sym' && !HYPHENS.has(token.text) && token.text !== '$' && token.text !== '%') return false;
    }
    return false;
  }

  /** The counted noun after a count: the first plural-looking word of a short noun phrase. */
  private readCountedNoun(i: number, singular: boolean): { unit: string; end: number; ruleIds: string[] } | null {
    const tokens = this.tokens;
    const lex = this.lex;
    let words = 0;
    let firstNoun: { token: Token; end: number } | null = null;
    for (let j = i; j < tokens.length && words < this.rules.countedWindow; j++) {
      const token = tokens[j] as Token;
      if (HYPHENS.has(token.text) && glued(tokens[j - 1], token) && glued(token, tokens[j + 1]) && tokens[j - 1]?.type === 'word') continue;
      // "two new 737 Max jets": a model number inside the counted noun phrase
      if (token.type === 'num' && j > i && this.isModelNumber(j)) {
        words++;
        continue;
      }
      if (token.type !== 'word') break;
      const lower = token.lower;
      if (j > i && !glued(tokens[j - 1], token) && lex.stopWords.has(lower)) break;
      if (j === i && lex.stopWords.has(lower)) break;
      // a possessive or contraction ("one doesn't", "one narrative's") ends the phrase
      if (/['’]/.test(lower)) break;
      words++;
      // "U.S." and other dotted abbreviations are modifiers, and so is a word hyphenated to the next ("gas-only")
      if (lower.includes('.')) continue;
      const hyphenAfter = tokens[j + 1];
      if (hyphenAfter && HYPHENS.has(hyphenAfter.text) && glued(token, hyphenAfter) && glued(hyphenAfter, tokens[j + 2]) && tokens[j + 2]?.type === 'word') continue;
      // "eight more picks", "eight other employees": said of a plural only ("one more time" counts nothing)
      if (this.rules.pluralOnlyModifiers.has(lower)) {
        if (singular) break;
        continue;
      }
      const alias = lex.countedAliases.get(lower) ?? lex.countedAliases.get(this.hyphenated(j));
      if (alias && alias.unit !== null) return { unit: alias.unit, end: j + 1, ruleIds: [alias.id, 'pattern.counted-noun'] };
      const irregular = lex.irregularPlurals.get(lower);
      if (irregular) return { unit: this.nounPhrase(i, j, irregular.singular), end: j + 1, ruleIds: [irregular.row.id, 'pattern.counted-noun'] };
      if (lower.endsWith(this.rules.menPlural.plural) && !this.rules.menPlural.notPlural.has(lower)) {
        const singularForm = `${lower.slice(0, -this.rules.menPlural.plural.length)}${this.rules.menPlural.singular}`;
        return { unit: this.nounPhrase(i, j, singularForm), end: j + 1, ruleIds: ['pattern.counted-noun'] };
      }
      if (looksPlural(lower)) return { unit: this.nounPhrase(i, j, singularise(lower)), end: j + 1, ruleIds: ['pattern.counted-noun'] };
      // a capitalised word after "one" names something ("One Napa resident", "Xbox One X")
      if (firstNoun === null && !/(?:ed|ing|ly)$/.test(lower) && !lex.changeAfter.has(lower) && !/^\p{Lu}/u.test(token.text)) firstNoun = { token, end: j + 1 };
    }
    if (singular && firstNoun) return { unit: this.nounPhrase(i, firstNoun.end - 1, firstNoun.token.lower), end: firstNoun.end, ruleIds: ['pattern.counted-noun'] };
    return null;
  }

  /**
   * The counted noun with the modifiers between the number and it ("public housing property",
   * "first-team player"): what is counted, not just its head. Dotted abbreviations are left out.
   */
  private nounPhrase(start: number, head: number, headForm: string): string {
    let phrase = '';
    for (let j = start; j < head; j++) {
      const token = this.tokens[j] as Token;
      if (token.lower.includes('.') || this.rules.notModifiers.has(token.lower)) continue;
      const joined = HYPHENS.has(token.text) || (j > start && HYPHENS.has((this.tokens[j - 1] as Token).text));
      phrase += phrase === '' || joined ? token.lower : ` ${token.lower}`;
    }
    const joinedHead = head > start && HYPHENS.has((this.tokens[head - 1] as Token).text);
    return phrase === '' ? headForm : `${phrase}${joinedHead ? '' : ' '}${headForm}`;
  }

  /** "12-member jury": the singular word hyphenated to the number. */
  private readCompoundNoun(i: number): { unit: string; end: number; ruleIds: string[] } | null {
    const tokens = this.tokens;
    const hyphen = tokens[i];
    const word = tokens[i + 1];
    if (!hyphen || !word || !HYPHENS.has(hyphen.text) || !glued(tokens[i - 1], hyphen) || !glued(hyphen, word) || word.type !== 'word') return null;
    if (this.lex.stopWords.has(word.lower) || /(?:ed|ing|ly)$/.test(word.lower)) return null;
    const alias = this.lex.countedAliases.get(word.lower);
    const unit = alias?.unit ?? (looksPlural(word.lower) ? singularise(word.lower) : word.lower);
    return { unit, end: i + 2, ruleIds: alias ? [alias.id, 'pattern.compound-noun'] : ['pattern.compound-noun'] };
  }

  private hyphenated(j: number): string {
    const tokens = this.tokens;
    if (tokens[j - 1] && HYPHENS.has((tokens[j - 1] as Token).text) && tokens[j - 2]?.type === 'word') return `${(tokens[j - 2] as Token).lower} ${(tokens[j] as Token).lower}`;
    return (tokens[j] as Token).lower;
  }

  /** "two of the victims": the noun of the "of the" phrase. */
  private readCountedOf(i: number): { unit: string; ruleIds: string[] } | null {
    const tokens = this.tokens;
    if (tokens[i]?.lower !== 'of') return null;
    const determiner = tokens[i + 1]?.lower;
    if (!determiner || !this.rules.determiners.has(determiner)) return null;
    const counted = this.readCountedNoun(i + 2, false);
    return counted ? { unit: counted.unit, ruleIds: counted.ruleIds } : null;
  }

  /** "per month", "/gallon", "a day", "each year". */
  private readRate(i: number): { per: string; end: number; ruleId: string } | null {
    const tokens = this.tokens;
    const marker = tokens[i];
    if (!marker) return null;
    const row = this.lex.rateMarkers.get(marker.lower);
    if (!row) return null;
    if (marker.text === '/' && !glued(tokens[i - 1], marker)) return null;
    let at = i + 1;
    if (row.object === 'any' && this.rules.rateSkip.has(tokens[at]?.lower ?? '')) at++;
    const unit = matchPhrase(this.lex.units, tokens, at);
    if (unit) {
      if (row.object === 'time' && !unit.value.time) return null;
      return { per: unit.value.unit, end: unit.end, ruleId: row.id };
    }
    if (row.object !== 'any') return null;
    // "per 100,000 people": skip the number, keep the counted noun
    const number = readNumber(tokens, at, this.lex);
    if (number) at = number.end;
    const word = tokens[at];
    if (!word || word.type !== 'word' || this.lex.stopWords.has(word.lower)) return null;
    const alias = this.lex.countedAliases.get(word.lower);
    const irregular = this.lex.irregularPlurals.get(word.lower);
    const per = alias?.unit ?? irregular?.singular ?? (looksPlural(word.lower) ? singularise(word.lower) : word.lower);
    return { per, end: at + 1, ruleId: row.id };
  }

  /**
   * "killed 4 people and injured 11", "30 million of the 90 million euros": a bare count joined to
   * a figure of the same clause by one of the rule's words takes that figure's unit and kind.
   */
  private resolveUnitEllipsis(): void {
    const { after, before, beforeDeterminers, maxDistance } = this.rules.ellipsis;
    const bare = (figure: Candidate): boolean => figure.unit === null && figure.kind === 'count' && figure.per === undefined;
    const gap = (left: Candidate, right: Candidate): number => (this.tokens[right.start] as Token).start - (this.tokens[left.end - 1] as Token).end;
    this.figures.forEach((figure, k) => {
      if (!bare(figure)) return;
      // "a six-speed gearbox", "32 is the quantity": a number that names or opens something else
      const following = this.tokens[figure.end];
      if (following && ((HYPHENS.has(following.text) && glued(this.tokens[figure.end - 1], following)) || this.rules.ellipsis.notBefore.has(following.lower))) return;
      const previous = this.figures[k - 1];
      // the joining word right before the number, or before a verb before it ("and injured 11")
      const joinerAt = after.has(this.tokens[figure.start - 1]?.lower ?? '') ? figure.start - 1 : this.tokens[figure.start - 1]?.type === 'word' && after.has(this.tokens[figure.start - 2]?.lower ?? '') ? figure.start - 2 : -1;
      if (previous && !bare(previous) && joinerAt >= previous.end && gap(previous, figure) <= maxDistance && !this.crossesSentence(previous.end, joinerAt)) {
        this.inheritUnit(figure, previous);
        return;
      }
      const next = this.figures[k + 1];
      if (!next || bare(next) || this.tokens[figure.end]?.lower === undefined || !before.has((this.tokens[figure.end] as Token).lower)) return;
      let at = figure.end + 1;
      if (beforeDeterminers.has(this.tokens[at]?.lower ?? '')) at++;
      if (next.start === at && gap(figure, next) <= maxDistance) this.inheritUnit(figure, next);
    });
  }

  private crossesSentence(from: number, to: number): boolean {
    for (let j = from; j < to; j++) if (SENTENCE_ENDS.has((this.tokens[j] as Token).text)) return true;
    return false;
  }

  private inheritUnit(figure: Candidate, from: Candidate): void {
    figure.unit = from.unit;
    figure.kind = from.kind;
    figure.ruleIds.push('pattern.unit-ellipsis');
  }

  /** "11 flights ... about one per week": a bare rate counts the unit of the figure before it. */
  private resolveBareRates(): void {
    for (let k = 0; k < this.figures.length; k++) {
      const figure = this.figures[k] as Candidate;
      if (figure.unit !== null || figure.per === undefined || figure.kind !== 'rate') continue;
      const start = (this.tokens[figure.start] as Token).start;
      for (let m = k - 1; m >= 0; m--) {
        const previous = this.figures[m] as Candidate;
        if (start - (this.tokens[previous.end - 1] as Token).end > this.rules.anaphoraDistance) break;
        if (previous.unit !== null && previous.kind === 'count' && previous.unit !== figure.per) {
          figure.unit = previous.unit;
          figure.ruleIds.push('pattern.rate-anaphora');
          break;
        }
      }
    }
  }

  private toFigure(candidate: Candidate): Figure {
    const first = this.tokens[candidate.start] as Token;
    const last = this.tokens[candidate.end - 1] as Token;
    const figure: Figure = {
      start: first.start,
      end: last.end,
      text: this.text.slice(first.start, last.end),
      value: roundValue(candidate.value),
      unit: candidate.unit,
      kind: candidate.kind,
      ruleIds: [...new Set(candidate.ruleIds)],
    };
    if (candidate.per !== undefined) figure.per = candidate.per;
    if (candidate.qualifier !== undefined) figure.qualifier = candidate.qualifier;
    if (candidate.low !== undefined) figure.low = roundValue(candidate.low);
    if (candidate.high !== undefined) figure.high = roundValue(candidate.high);
    if (candidate.change !== undefined) figure.change = candidate.change;
    return figure;
  }
}

/** Floating-point noise from scaling ("1.1 million" = 1100000.0000000002) is rounded away. */
function roundValue(value: number): number {
  if (!Number.isFinite(value)) return value;
  const rounded = Number(value.toPrecision(12));
  return rounded;
}

function menPluralRule(value: unknown): ScannerRules['menPlural'] {
  if (!isRecord(value) || typeof value.plural !== 'string' || typeof value.singular !== 'string') return { plural: '\u0000', singular: '', notPlural: new Set() };
  return { plural: value.plural, singular: value.singular, notPlural: new Set(stringList(value.notPlural)) };
}

/** [{larger, smaller, factor}] rows of pattern.compound-amount as "larger>smaller" -> factor. */
function compoundPairs(value: unknown): [string, number][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row: unknown): [string, number][] => {
    if (!isRecord(row) || typeof row.larger !== 'string' || typeof row.smaller !== 'string' || typeof row.factor !== 'number') return [];
    return [[`${row.larger}>${row.smaller}`, row.factor]];
  });
}

function numberParam(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function stringList(value: unknown): string[] {
  return isStringArray(value) ? value : [];
}

/** The string-valued entries of a record parameter ({"2": "square"}). */
function stringRecord(value: unknown): [string, string][] {
  if (!isRecord(value)) return [];
  return Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

const NOT_PLURAL_ENDINGS = /(?:ss|us|is|ous|'s|’s)$/;

function looksPlural(word: string): boolean {
  return word.length > 2 && word.endsWith('s') && !NOT_PLURAL_ENDINGS.test(word) && /^\p{L}[\p{L}'’]*$/u.test(word);
}

/** Regular English plural -> singular; irregular ones come from the counted-nouns table. */
export function singularise(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
  if (/ives$/.test(word)) return `${word.slice(0, -3)}fe`;
  if (/[^aeiou]oes$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

// (555) 123-4567, 555-123-4567, +1 555 123 4567
const PHONE_PATTERN = /(?:\+\d{1,3}[\s.-]?|\b1[\s.-])?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[.-]\d{4}\b/g;

// web addresses
const ADDRESS_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'”’)\]]+/gu;
// a percent-encoded character glued to a letter, digit or path mark before it (file%20name, a%2Fb)
const PERCENT_ENCODED = /[\p{L}\d/._-]%[0-9A-Fa-f]{2}/gu;

/**
 * Web addresses and the whole whitespace-free words holding a percent-encoded character, as
 * sorted disjoint ranges. Words are widened by hand from each match, never past the last range,
 * so text without spaces is still read once.
 */
function findAddresses(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const add = (start: number, end: number): void => {
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  };
  const matches = [...findMatches(text, ADDRESS_PATTERN), ...findMatches(text, PERCENT_ENCODED)].sort((a, b) => a[0] - b[0]);
  for (const [matchStart, matchEnd] of matches) {
    const floor = ranges[ranges.length - 1]?.[1] ?? 0;
    let start = matchStart;
    while (start > floor && !/\s/.test(text[start - 1] as string)) start--;
    let end = matchEnd;
    while (end < text.length && !/\s/.test(text[end] as string)) end++;
    add(start, end);
  }
  return ranges;
}

function findMatches(text: string, pattern: RegExp): [number, number][] {
  const ranges: [number, number][] = [];
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/** Sorted, disjoint text ranges looked up at rising offsets: numbers are scanned in order, so a cursor suffices. */
class RangeCursor {
  private next = 0;
  constructor(private readonly ranges: [number, number][]) {}

  at(offset: number): [number, number] | null {
    while (this.next < this.ranges.length && (this.ranges[this.next] as [number, number])[1] <= offset) this.next++;
    const range = this.ranges[this.next];
    return range && range[0] <= offset ? range : null;
  }
}

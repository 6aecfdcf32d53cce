import type { Figure, FigureQualifier, RejectedCandidate } from '../../model/claim.js';
import { ageWordsStart, isAgeAfterCopula } from './ages.js';
import { resolveBareRates, resolveUnitEllipsis } from './borrowed-units.js';
import { currencyBefore } from './currency-before.js';
import { HYPHENS, type Candidate, type ScanState } from './context.js';
import { readCompoundNoun, readCountedNoun, readCountedOf, isModelNumber } from './counted-nouns.js';
import { followsDayOfMonth, looksLikeYear } from './dates.js';
import type { CurrencyRow, Lexicon, NumberFormatRow } from './lexicon.js';
import { decideUnit, fractionArticleEnd } from './kind.js';
import { isPossessive, measuredAfterName, namePart, pluralLabelBeforeList } from './names.js';
import { bareNumberContext, findAddresses, findMatches, hasCapitalised, isAgeApposition, isModelSeries, isScore, laterVersionAfterName, listedAfterName, PHONE_PATTERN, RangeCursor, rejectDigits } from './non-figures.js';
import { readNumber, wordOrdinalEnd } from './numbers.js';
import { QuoteState } from './quotes.js';
import { collectsMoney, readChangeAfter, readChangeBefore, readQualifier } from './qualifiers.js';
import { joinRepeatedUnitRanges, readMargin, readRangeEnd } from './ranges.js';
import { readRatio } from './ratios.js';
import { readRate } from './rates.js';
import { scannerRules, type ScannerRules } from './scanner-rules.js';
import { capitalised, glued, tokenizeAround, type Token } from './tokens.js';
import { readCompoundRest, readScale, readUnit } from './units.js';

export interface FigureExtraction {
  figures: Figure[];
  rejected: RejectedCandidate[];
}

/** Characters of context tokenized around each number: enough for qualifiers before, units, nouns and rates after. */
const WINDOW_BEFORE = 60;
const WINDOW_AFTER = 100;

/** Reads the figures of one text, number by number, then lets bare figures borrow units from their neighbours. */
export class FigureScanner implements ScanState {
  readonly tokens: Token[];
  readonly figures: Candidate[] = [];
  readonly rejected: RejectedCandidate[] = [];
  readonly phoneRanges: RangeCursor;
  readonly urlRanges: RangeCursor;
  rejectedUntil = -1;
  readonly rules: ScannerRules;
  private readonly quoteStates = new Map<string, QuoteState>();

  constructor(
    readonly text: string,
    readonly lex: Lexicon,
    readonly format: NumberFormatRow,
  ) {
    this.tokens = tokenizeAround(text, lex.trigger, WINDOW_BEFORE, WINDOW_AFTER, format);
    this.phoneRanges = new RangeCursor(findMatches(text, PHONE_PATTERN));
    this.urlRanges = new RangeCursor(findAddresses(text));
    this.rules = scannerRules(lex);
  }

  scan(): FigureExtraction {
    let i = 0;
    while (i < this.tokens.length) i = this.scanAt(i);
    resolveBareRates(this);
    joinRepeatedUnitRanges(this);
    resolveUnitEllipsis(this);
    return { figures: this.figures.map((candidate) => this.toFigure(candidate)), rejected: this.rejected };
  }

  quotes(mark: string): QuoteState {
    let state = this.quoteStates.get(mark);
    if (!state) {
      state = new QuoteState(this.text, mark);
      this.quoteStates.set(mark, state);
    }
    return state;
  }

  reject(start: number, end: number, ruleId: string): void {
    const first = this.tokens[start] as Token;
    const last = this.tokens[end - 1] as Token;
    const row = this.lex.tables.rejections.byId.get(ruleId) ?? this.lex.pattern(ruleId);
    this.rejected.push({ start: first.start, end: last.end, text: this.text.slice(first.start, last.end), layer: 'figure', reason: row.reason, ruleId });
    this.rejectedUntil = Math.max(this.rejectedUntil, end);
  }

  /** "zero to 60 mph" after the zero at `end`: where the sprint's top speed ends, or null. */
  private sprintFromZero(end: number): number | null {
    const top = this.rules.rangeSeparators.has(this.tokens[end]?.lower ?? '') ? readNumber(this.tokens, end + 1, this.lex) : null;
    const speed = top ? readUnit(this, top.end, false, false) : null;
    return speed && this.rules.benchmarkSpeeds.has(speed.unit) ? speed.end : null;
  }

  /** "0-60 mph (97 km/h)": a speed in brackets right after the sprint restates it in the other unit, so it is part of the sprint. */
  private sprintConversionEnd(end: number): number {
    const speed = this.tokens[end]?.text === '(' ? readNumber(this.tokens, end + 1, this.lex) : null;
    if (speed === null) return end;
    const unit = speed.value === 0 ? null : readUnit(this, speed.end, false, false);
    const close = speed.value === 0 ? this.sprintFromZero(speed.end) : unit && this.rules.benchmarkSpeeds.has(unit.unit) ? unit.end : null;
    return close !== null && this.tokens[close]?.text === ')' ? close + 1 : end;
  }

  /** Tries to read a figure at token i; returns the index to continue from. */
  private scanAt(i: number): number {
    const tokens = this.tokens;
    const read = readNumber(tokens, i, this.lex);
    if (!read) {
      const ordinalEnd = wordOrdinalEnd(tokens, i, this.lex);
      if (ordinalEnd === null) return i + 1;
      this.reject(i, ordinalEnd, 'reject.ordinal');
      return ordinalEnd;
    }

    if (read.digits) {
      const rejectedEnd = rejectDigits(this, read);
      if (rejectedEnd !== null) return rejectedEnd;
    }
    const ratio = readRatio(this, read);
    const number = ratio ?? read;

    // prefix: currency symbol or code, then qualifier, then change verb
    let start = number.start;
    const ruleIds = [...number.ruleIds];
    if (number.digits && /\D/.test((tokens[number.start] as Token).text)) ruleIds.push(this.format.id);
    let currency: CurrencyRow | null = null;
    const symbol = currencyBefore(this, number);
    if (symbol) {
      currency = symbol.value;
      start = symbol.start;
      ruleIds.push(currency.id);
    }
    // a capitalised word opening a sentence may be an ordinary verb ("Take 5 ml"): decided after the unit
    const name = number.digits && !currency ? namePart(this, number.start) : 'none';
    if ((name === 'name' && !measuredAfterName(this, number)) || (number.digits && (isModelNumber(this, number.start) || laterVersionAfterName(this, number)))) {
      this.reject(number.start, number.end, 'reject.name');
      return number.end;
    }
    let qualifier: FigureQualifier | undefined;
    const qualifierMatch = readQualifier(this, start);
    if (qualifierMatch) {
      qualifier = qualifierMatch.qualifier;
      start = qualifierMatch.start;
      ruleIds.push(qualifierMatch.ruleId);
    }
    // the change verb is read here, where the figure starts, and judged once its kind is known
    const changeBefore = readChangeBefore(this, start);
    const between = tokens[start - 1]?.lower === this.rules.rangeOpener;

    // value: number, scale, range; a sign glued to the digits and free on its left makes it negative
    let value = number.value;
    const sign = tokens[number.start - 1];
    if (number.digits && !currency && sign && this.rules.minusSigns.has(sign.text) && glued(sign, tokens[number.start]) && !glued(tokens[number.start - 2], sign)) {
      value = -value;
      if (start === number.start) start -= 1;
      ruleIds.push('pattern.negative');
    } else if (sign && this.rules.minusWords.has(sign.lower) && start === number.start && !this.rules.minusWordNotAfter.has(tokens[number.start - 2]?.lower ?? '')) {
      value = -value;
      start -= 1;
      ruleIds.push('pattern.negative');
    }
    let end = number.end;
    const scale = readScale(this, end, currency !== null);
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
    const range = readRangeEnd(this, end, between, currency);
    if (range) {
      let lowValue = value;
      if (!scaled && range.scale > 1 && number.value <= range.rawValue) lowValue = number.value * range.scale;
      const series = range.glued && number.digits && !between && currency === null && !scaled && isModelSeries(this, number.start, range.end);
      if (series) {
        this.reject(number.start, range.end, 'reject.model-series');
        return range.end;
      }
      if (range.value < lowValue && !between) {
        if (range.glued && number.digits) {
          this.reject(number.start, range.end, 'reject.score');
          return range.end;
        }
      } else if (range.glued && number.digits && currency === null && !scaled && Number.isInteger(number.value) && Number.isInteger(range.value) && isScore(this, number.start, range.end)) {
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
    // "9.83e-3 +/- 1e-5 km/s2": a margin either side keeps the central value and spans both ends
    const margin = range ? null : readMargin(this, end);
    if (margin) {
      low = value - margin.margin;
      high = value + margin.margin;
      end = margin.end;
      ruleIds.push('pattern.margin');
    }

    // unit: currency word, measurement unit, percent, or the counted noun
    let decided = decideUnit(this, end, currency, scaled, number.weak);
    // "half an inch", "a third of a mile": a fraction takes the unit after its article
    const ofArticle = currency === null && decided.unit === null ? fractionArticleEnd(this, number, end) : null;
    if (ofArticle !== null) {
      const measured = decideUnit(this, ofArticle, null, scaled);
      if (measured.unit !== null && measured.kind !== 'count') decided = measured;
    }
    let unit = decided.unit;
    let kind = decided.kind;
    end = decided.end;
    ruleIds.push(...decided.ruleIds);
    for (const factor of decided.factors) value *= factor;
    scaled = decided.scaled;

    // "0-60 mph", "from zero to 60 mph": the sprint a car is timed over
    const sprintEnd = low === 0 && unit !== null && this.rules.benchmarkSpeeds.has(unit) ? end : value === 0 && unit === null ? this.sprintFromZero(end) : null;
    if (sprintEnd !== null) {
      const withConversion = this.sprintConversionEnd(sprintEnd);
      this.reject(number.start, withConversion, 'reject.speed-benchmark');
      return withConversion;
    }

    // a bare four-digit number with nothing counted is a year
    let yearCounted: ReturnType<typeof readCountedNoun> | undefined;
    if (number.digits && number.digitText !== null && !currency && !qualifier && !scaled && low === undefined && looksLikeYear(this, number)) {
      // a noun counted only by its place ("the 2020 election") does not make a year a count
      const counted = unit === null ? readCountedNoun(this, end, false) : null;
      yearCounted = counted ?? undefined;
      const countedPlural = counted?.ruleIds.includes('pattern.attributive-noun') === true || this.rules.yearNouns.has(tokens[end]?.lower ?? '') ? null : counted;
      const preposition = tokens[number.start - 1]?.lower ?? '';
      if (unit === null && (countedPlural === null || this.rules.yearPrepositions.has(preposition) || followsDayOfMonth(this, number.start) || hasCapitalised(this, number.end, countedPlural.end))) {
        this.reject(number.start, number.end, 'reject.year');
        return number.end;
      }
    }

    if (unit === null && kind === 'count') {
      // a year-like number not rejected above has had its counted noun read already (never singular)
      const counted = readCompoundNoun(this, end) ?? (yearCounted !== undefined ? yearCounted : readCountedNoun(this, end, value === 1 && low === undefined));
      if (counted?.ruleIds.includes('pattern.compound-noun') && this.rules.numberedThings.has(counted.unit)) {
        this.reject(number.start, counted.end, 'reject.numbered-thing');
        return counted.end;
      }
      if (counted) {
        unit = counted.unit;
        end = counted.end;
        ruleIds.push(...counted.ruleIds);
      } else {
        const ofThe = readCountedOf(this, end);
        if (ofThe) {
          unit = ofThe.unit;
          ruleIds.push(...ofThe.ruleIds, 'pattern.counted-of');
        }
      }
    }

    // "4k streaming": a glued k after 2, 4, 5, 6 or 8 with nothing counted names a video resolution
    const kGlued = scale?.ruleId === 'scale.thousand' && tokens[number.end]?.text === 'k' && glued(tokens[number.end - 1], tokens[number.end]);
    const pGlued = ruleIds.includes(PENCE_SYMBOL_RULE) && this.rules.resolutionPs.has(number.value);
    if ((kGlued && unit === null && currency === null && low === undefined && this.rules.resolutionKs.has(number.value)) || pGlued) {
      this.reject(number.start, end, 'reject.identifier');
      return end;
    }

    // "a 64-bit version", "32-bit apps": a unit hyphenated to the number before a noun names a class, not an amount
    const hyphen = tokens[number.end];
    if (unit !== null && this.rules.labelUnits.has(unit) && low === undefined && hyphen !== undefined && HYPHENS.has(hyphen.text) && glued(tokens[number.end - 1], hyphen) && tokens[end]?.type === 'word') {
      this.reject(number.start, end, 'reject.identifier');
      return end;
    }

    // "a five-star hotel", "3.5 stars on Yelp", "4 out of 5 stars": a grade on a short scale
    if (unit !== null && kind === 'count' && this.rules.ratingWords.has(unit) && (ruleIds.includes('pattern.compound-noun') || value <= this.rules.maxRating)) {
      // "4 stars out of 5": the scale's top belongs to the grade
      const top = tokens[end]?.lower === 'out' && tokens[end + 1]?.lower === 'of' ? readNumber(tokens, end + 2, this.lex) : null;
      const gradeEnd = top ? top.end : end;
      this.reject(number.start, gradeEnd, 'reject.rating');
      return gradeEnd;
    }
    if (unit === null && kind === 'count' && low === undefined && !qualifier && Number.isInteger(value) && value > 0 && value <= this.rules.maxAge) {
      const ageStart = ageWordsStart(this, number.start);
      if (ageStart !== null) {
        unit = this.rules.ageUnit;
        kind = 'quantity';
        start = Math.min(start, ageStart);
        ruleIds.push('pattern.age');
      } else if (isAgeAfterCopula(this, number.start, end)) {
        unit = this.rules.ageUnit;
        kind = 'quantity';
        ruleIds.push('pattern.age-copula');
      } else if (number.digits && isAgeApposition(this, number.start, number.end)) {
        this.reject(number.start, number.end, 'reject.age-apposition');
        return number.end;
      }
    }

    // "3 dollars 50 cents", "5 feet 2 inches": the smaller unit after the larger one adds to it
    let compound = false;
    if (unit !== null && low === undefined && !scaled) {
      const rest = readCompoundRest(this, end, unit, kind);
      if (rest) {
        compound = true;
        value += rest.value;
        end = rest.end;
        ruleIds.push('pattern.compound-amount');
      }
    }

    // "number eight", "Game seven", "the number one buyer": a number in words after a label word names or ranks, unless it counts something
    const previousWord = tokens[number.start - 1];
    const labelled = !number.digits && (this.rules.nameLabels.has(previousWord?.lower ?? '') || pluralLabelBeforeList(this, number.start) || listedAfterName(this, number)) && !this.rules.pronounOneAfter.has(previousWord?.lower ?? '');
    // "Xbox One X", "Formula One", "Take-Two": a capitalised number word after a capitalised word (or hyphenated to one) is part of a name
    const nameBefore = HYPHENS.has(previousWord?.text ?? '') && glued(previousWord, tokens[number.start]) && glued(tokens[number.start - 2], previousWord) ? tokens[number.start - 2] : previousWord;
    const capitalisedWord = !number.digits && /^\p{Lu}/u.test((tokens[number.start] as Token).text);
    // "our One Home Depot investments", "NASA-inspired Zero Gravity Seats": capitalised after a lower-case word and before a capitalised one
    const midSentenceName = capitalisedWord && previousWord?.type === 'word' && /^\p{Ll}/u.test(previousWord.text) && capitalised(tokens[number.end]);
    const named = (capitalisedWord && capitalised(nameBefore) && !this.lex.sentenceWords.has(nameBefore.lower)) || midSentenceName;
    if (named) {
      this.reject(number.start, number.end, 'reject.name');
      return number.end;
    }
    // a noun read as counted only by its place ('Planet 9 citizen scientists') or after a name
    // ('Figure 2 shows', 'DirectX 11 requires': a verb) does not make a name at a sentence start a
    // count; after a possessive the count is the owner's ('Stadia's 22 launch titles')
    const countedAfterName = ruleIds.includes('pattern.counted-noun') && !isPossessive(previousWord);
    if ((name === 'sentence-initial' && (unit === null || ruleIds.includes('pattern.attributive-noun') || countedAfterName)) || (labelled && (unit === null || number.weak))) {
      this.reject(number.start, number.end, 'reject.name');
      return number.end;
    }

    const rate = readRate(this, end, kind === 'money');
    let per: string | undefined;
    if (rate) {
      per = rate.per;
      end = rate.end;
      ruleIds.push(rate.ruleId);
      if (rate.powerRuleId !== undefined) ruleIds.push(rate.powerRuleId);
      // a measured quantity over time stays a measured quantity ("metres a second"); a count or a
      // bare number over time is a rate
      if (kind === 'count') kind = 'rate';
    }

    // "one" alone is a pronoun far more often than a count
    if (number.weak && unit === null && per === undefined && value >= 0) return number.end;
    const beforeOne = HYPHENS.has(tokens[number.start - 1]?.text ?? '') && glued(tokens[number.start - 1], tokens[number.start]) ? tokens[number.start - 2] : tokens[number.start - 1];
    // "that one mile" measures; "that one guy" points
    const pronounBefore = this.rules.pronounOneAfter.has(beforeOne?.lower ?? '') || (this.rules.pronounOneUnlessCounted.has(beforeOne?.lower ?? '') && (unit === null || ruleIds.includes('pattern.counted-of')));
    if (number.weak && kind === 'count' && pronounBefore) {
      this.reject(number.start, number.end, 'pattern.pronoun-one');
      return number.end;
    }

    let change: 'up' | 'down' | undefined;
    if (changeBefore && !collectsMoney(changeBefore, kind)) {
      change = changeBefore.row.change;
      ruleIds.push(changeBefore.row.id);
    }
    if (!change) {
      const afterRow = readChangeAfter(this, end, kind);
      if (afterRow) {
        change = afterRow.change;
        ruleIds.push(afterRow.id);
      }
    }

    if (unit === null && kind === 'count' && number.digits && !qualifier && low === undefined && per === undefined) {
      const cell = bareNumberContext(this, number);
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
    return range || margin || compound || ratio || rate?.counted === true ? end : number.end;
  }

  private toFigure(candidate: Candidate): Figure {
    const first = this.tokens[candidate.start] as Token;
    const last = this.tokens[candidate.end - 1] as Token;
    // every rate reads the same way whatever its kind: the unit measured or counted, and its
    // denominator apart ("mph" and "miles an hour" are both mile per hour, like USD per barrel)
    const compound = candidate.per === undefined ? splitCompoundUnit(candidate.unit) : null;
    const figure: Figure = {
      start: first.start,
      end: last.end,
      text: this.text.slice(first.start, last.end),
      value: roundValue(candidate.value),
      unit: compound?.unit ?? candidate.unit,
      kind: candidate.kind,
      ruleIds: [...new Set(candidate.ruleIds)],
    };
    const per = compound?.per ?? candidate.per;
    if (per !== undefined) figure.per = per;
    if (candidate.qualifier !== undefined) figure.qualifier = candidate.qualifier;
    if (candidate.low !== undefined) figure.low = roundValue(candidate.low);
    if (candidate.high !== undefined) figure.high = roundValue(candidate.high);
    if (candidate.change !== undefined) figure.change = candidate.change;
    return figure;
  }
}

/** The unit row of pence written as a glued p ("15p"), which a video resolution also takes ("1080p"). */
const PENCE_SYMBOL_RULE = 'unit.pence-symbol';

/** "mile per hour" from a unit table row: its unit and denominator; null for a unit without one. */
function splitCompoundUnit(unit: string | null): { unit: string; per: string } | null {
  const at = unit?.indexOf(' per ') ?? -1;
  return unit && at > 0 ? { unit: unit.slice(0, at), per: unit.slice(at + 5) } : null;
}

/** Floating-point noise from scaling ("1.1 million" = 1100000.0000000002) is rounded away. */
function roundValue(value: number): number {
  if (!Number.isFinite(value)) return value;
  const rounded = Number(value.toPrecision(12));
  return rounded;
}

import type { Lexicon } from './lexicon.js';
import { glued, type Token } from './tokens.js';

/** A number read from tokens [start, end): its value and the rules that read it. */
export interface NumberRead {
  value: number;
  start: number;
  end: number;
  ruleIds: string[];
  /** Written in digits only (a candidate for years, dates, identifiers). */
  digits: boolean;
  /** The digit token text when the number is one plain digit token ("2024", "1,500"). */
  digitText: string | null;
  /** Single word "one" / "a": only a figure when something counted follows. */
  weak: boolean;
}

const FRACTION_NUMERATOR_MAX = 20;

function parseDigits(token: Token): number {
  return token.value;
}

/** Reads the number starting at token i, or null when none starts there. */
export function readNumber(tokens: Token[], i: number, lex: Lexicon): NumberRead | null {
  const token = tokens[i];
  if (!token) return null;
  if (token.type === 'num') return readDigits(tokens, i, lex);
  if (token.type === 'word') return readWords(tokens, i, lex);
  const vulgar = lex.numberWords.get(token.text);
  if (vulgar?.row.role === 'vulgar') {
    return { value: vulgar.value, start: i, end: i + 1, ruleIds: ['pattern.fraction', vulgar.row.id], digits: false, digitText: null, weak: false };
  }
  return null;
}

const denominatorsOf = new WeakMap<Lexicon, ReadonlySet<number>>();

/**
 * "24/7", "9/11": a numerator as large as its denominator, or a month and a day whose second number no
 * fraction is written over (reject.slash-pair), names something; the scanner rejects the pair.
 */
export function isSlashName(lex: Lexicon, numerator: number, denominator: number): boolean {
  let denominators = denominatorsOf.get(lex);
  if (!denominators) {
    const listed = lex.rejection('reject.slash-pair').params.denominators;
    denominators = new Set(Array.isArray(listed) ? listed.filter((entry): entry is number => typeof entry === 'number') : []);
    denominatorsOf.set(lex, denominators);
  }
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) return false;
  if (numerator >= denominator) return true;
  return numerator >= 1 && numerator <= 12 && denominator <= 31 && !denominators.has(denominator);
}

function readDigits(tokens: Token[], i: number, lex: Lexicon): NumberRead {
  const token = tokens[i] as Token;
  let value = parseDigits(token);
  let end = i + 1;
  const ruleIds = ['pattern.digits'];
  let fraction = false;
  // "3/4" and the mixed "2 1/2"
  const slash = tokens[i + 1];
  const denominator = tokens[i + 2];
  if (slash?.text === '/' && denominator?.type === 'num' && glued(token, slash) && glued(slash, denominator) && !/[,.]/.test(token.text + denominator.text)) {
    const after = tokens[i + 3];
    const isDate = after !== undefined && (after.text === '/' || after.text === '-') && glued(denominator, after);
    // "2022/23": a season of two years, not a fraction
    const season = /^\d{4}$/.test(token.text) && /^\d{2}(?:\d{2})?$/.test(denominator.text);
    const d = parseDigits(denominator);
    if (!isDate && !season && d > 0 && !isSlashName(lex, value, d)) {
      value = value / d;
      end = i + 3;
      fraction = true;
      ruleIds.push('pattern.fraction');
    }
  }
  if (!fraction && !/[,.]/.test(token.text)) {
    const numerator = tokens[i + 1];
    const bar = tokens[i + 2];
    const denom = tokens[i + 3];
    if (numerator?.type === 'num' && bar?.text === '/' && denom?.type === 'num' && !glued(token, numerator) && glued(numerator, bar) && glued(bar, denom)) {
      const after = tokens[i + 4];
      const isDate = after !== undefined && (after.text === '/' || after.text === '-') && glued(denom, after);
      const n = parseDigits(numerator);
      const d = parseDigits(denom);
      if (!isDate && d > 0 && n < d) {
        value += n / d;
        end = i + 4;
        ruleIds.push('pattern.fraction');
        fraction = true;
      }
    }
  }
  // "2½"
  const vulgar = tokens[end] ? lex.numberWords.get((tokens[end] as Token).text) : undefined;
  if (!fraction && vulgar?.row.role === 'vulgar' && glued(tokens[end - 1], tokens[end])) {
    value += vulgar.value;
    end += 1;
    ruleIds.push('pattern.fraction', vulgar.row.id);
  }
  // "10^6", "2^10", "10⁶": the number raised to a power written after it
  const raised = fraction || end !== i + 1 || /[,.]/.test(token.text) ? null : readPower(tokens, end, value);
  if (raised) {
    value **= raised.power;
    end = raised.end;
    ruleIds.push('pattern.scientific');
  }
  const exponent = fraction ? null : readExponent(tokens, end);
  if (exponent) {
    value *= exponent.factor;
    end = exponent.end;
    ruleIds.push('pattern.scientific');
  }
  const andHalf = exponent ? null : readAndAFraction(tokens, end, lex);
  if (andHalf) {
    value += andHalf.value;
    end = andHalf.end;
    ruleIds.push(...andHalf.ruleIds);
  }
  return { value, start: i, end, ruleIds, digits: true, digitText: end === i + 1 ? token.text : null, weak: false };
}

const EXPONENT_SIGNS: Record<string, number> = { '-': -1, '−': -1, '+': 1 };
const TIMES_SIGNS = new Set(['×', 'x', '*', '·']);

const SUPERSCRIPTS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-' };

/**
 * Scientific notation after a number: "4e14", "9.83e-3", and "2.48×10−5", "6.02 x 10^23",
 * "5 × 10⁻³", "8x2^10" (the power written with a caret, as superscripts, or, for ten, with a
 * glued sign where a superscript was lost). Returns the factor the number is multiplied by.
 */
function readExponent(tokens: Token[], i: number): { factor: number; end: number } | null {
  const mark = tokens[i];
  if (!mark) return null;
  // "4e14", "1e-3": the letter e glued to the digits and to the exponent
  if (mark.lower === 'e' && glued(tokens[i - 1], mark)) {
    const exponent = signedExponent(tokens, i + 1, mark, false);
    return exponent ? { factor: 10 ** exponent.power, end: exponent.end } : null;
  }
  if (!TIMES_SIGNS.has(mark.lower)) return null;
  const base = tokens[i + 1];
  if (base?.type !== 'num' || !/^\d+$/.test(base.text)) return null;
  const raised = readPower(tokens, i + 2, base.value);
  if (raised) return { factor: base.value ** raised.power, end: raised.end };
  // "2.48×10−5": a superscript lost, its sign left glued
  const lost = base.text === '10' ? signedExponent(tokens, i + 2, base, true) : null;
  return lost ? { factor: 10 ** lost.power, end: lost.end } : null;
}

/** A power glued after the number `base` ends: "^6", "^-3", and for ten also superscripts ("10⁶", "10⁻³"). */
function readPower(tokens: Token[], i: number, base: number): { power: number; end: number } | null {
  const caret = tokens[i];
  if (!caret || !glued(tokens[i - 1], caret)) return null;
  if (caret.text === '^') return signedExponent(tokens, i + 1, caret, false);
  // superscripts after other numbers are as often footnote marks ("2019³")
  if (base !== 10 || SUPERSCRIPTS[caret.text] === undefined) return null;
  let written = '';
  let at = i;
  while (at < tokens.length && SUPERSCRIPTS[(tokens[at] as Token).text] !== undefined && glued(tokens[at - 1], tokens[at])) written += SUPERSCRIPTS[(tokens[at++] as Token).text] as string;
  return /^-?\d{1,3}$/.test(written) ? { power: Number(written), end: at } : null;
}

/** The integer exponent glued after `before`, with an optional sign; `signRequired` where no caret or "e" announces it. */
function signedExponent(tokens: Token[], i: number, before: Token, signRequired: boolean): { power: number; end: number } | null {
  let at = i;
  let sign = 1;
  const signToken = tokens[at];
  if (signToken && EXPONENT_SIGNS[signToken.text] !== undefined && glued(before, signToken)) {
    sign = EXPONENT_SIGNS[signToken.text] as number;
    at++;
  } else if (signRequired) return null;
  const digits = tokens[at];
  if (!digits || digits.type !== 'num' || !/^\d{1,3}$/.test(digits.text) || !glued(tokens[at - 1], digits)) return null;
  return { power: sign * Number(digits.text), end: at + 1 };
}

/** "and a half", "and three quarters" after a whole number, also hyphenated ("five-and-a-half"). */
function readAndAFraction(tokens: Token[], i: number, lex: Lexicon): { value: number; end: number; ruleIds: string[] } | null {
  const hyphenated = tokens[i]?.text === '-' && glued(tokens[i - 1], tokens[i]);
  // the words of "-and-a-half", each joined to the one before by a glued hyphen
  const word = (at: number): number => (hyphenated ? (tokens[at]?.text === '-' && glued(tokens[at - 1], tokens[at]) && glued(tokens[at], tokens[at + 1]) ? at + 1 : -1) : at);
  const and = word(i);
  if (and < 0 || tokens[and]?.lower !== 'and') return null;
  const at = word(and + 1);
  return at < 0 ? null : readFractionAfterAnd(tokens, at, lex, word);
}

function readFractionAfterAnd(tokens: Token[], i: number, lex: Lexicon, word: (at: number) => number): { value: number; end: number; ruleIds: string[] } | null {
  const numerator = tokens[i];
  if (!numerator) return null;
  let n: number | undefined;
  if (numerator.lower === 'a' || numerator.lower === 'an') n = 1;
  else {
    const entry = lex.numberWords.get(numerator.lower);
    if (entry?.row.role === 'unit') n = entry.value;
  }
  const at = word(i + 1);
  const denominator = at < 0 ? undefined : tokens[at];
  const entry = denominator ? lex.numberWords.get(denominator.lower) : undefined;
  if (n === undefined || !entry || entry.row.role !== 'fraction') return null;
  return { value: n / entry.value, end: at + 1, ruleIds: ['pattern.fraction', entry.row.id] };
}

/** A unit's ordinal ("fifth", "first") glued after the hyphen at `hyphen`, which follows tens. */
function unitOrdinalAfterHyphen(tokens: Token[], hyphen: number, lex: Lexicon): boolean {
  const next = tokens[hyphen + 1];
  if (next === undefined || !glued(tokens[hyphen], next) || !glued(tokens[hyphen - 1], tokens[hyphen])) return false;
  const entry = lex.numberWords.get(next.lower);
  return (entry?.row.role === 'fraction' && entry.value < 10) || lex.unitOrdinals.has(next.lower);
}

/** Where an ordinal written as tens and a unit's ordinal ("twenty-first") starting at `i` ends, or null. */
export function wordOrdinalEnd(tokens: Token[], i: number, lex: Lexicon): number | null {
  const tens = tokens[i];
  if (tens?.type !== 'word' || lex.numberWords.get(tens.lower)?.row.role !== 'tens' || tokens[i + 1]?.text !== '-') return null;
  return unitOrdinalAfterHyphen(tokens, i + 1, lex) ? i + 3 : null;
}

function readWords(tokens: Token[], i: number, lex: Lexicon): NumberRead | null {
  const first = tokens[i] as Token;
  // Most words are no number word and start no reading (this runs for every word near a number).
  if (first.lower !== 'a' && first.lower !== 'an' && first.lower !== 'half' && !lex.numberWords.has(first.lower)) return null;
  const ruleIds = new Set<string>();
  let total = 0;
  let current = 0;
  let last: 'none' | 'unit' | 'teen' | 'tens' | 'hundred' | 'magnitude' = 'none';
  /** The units and tens read since the last hundred or magnitude word. */
  let belowHundred = 0;
  /** The last magnitude word above a hundred ("million"): "five million and a half" is 5.5 million. */
  let lastMagnitude = 1;
  /** The tens word just read follows a hundred or a magnitude word directly ("one hundred thirty"). */
  let tensAfterHundred = false;
  let fractionRead = false;
  /** The words read stopped before an ordinal of tens and a unit ("twenty-fifth"). */
  let ordinalAfter = false;
  let end = i;
  let j = i;
  let article = false;
  if (first.lower === 'a' || first.lower === 'an') {
    const next = tokens[i + 1];
    const entry = next ? lex.numberWords.get(next.lower) : undefined;
    if (!entry || (entry.row.role !== 'magnitude' && entry.row.role !== 'dozen' && entry.row.role !== 'fraction')) return null;
    article = true;
    current = 1;
    last = 'unit';
    j = i + 1;
    end = i + 1;
  }
  // "half" alone: "half of", "half a million", "half the"
  if (first.lower === 'half') {
    const next = tokens[i + 1]?.lower;
    if (next === 'of' || next === 'a' || next === 'an' || next === 'the') {
      const entry = lex.numberWords.get('half');
      if (entry) ruleIds.add(entry.row.id);
      ruleIds.add('pattern.fraction');
      // "half a million" is half of the million that follows
      if (next === 'a' || next === 'an') {
        const scale = tokens[i + 2] ? lex.numberWords.get((tokens[i + 2] as Token).lower) : undefined;
        if (scale?.row.role === 'magnitude' || scale?.row.role === 'dozen') {
          ruleIds.add(scale.row.id);
          return { value: 0.5 * scale.value, start: i, end: i + 3, ruleIds: ['pattern.number-words', ...ruleIds], digits: false, digitText: null, weak: false };
        }
      }
      return { value: 0.5, start: i, end: i + 1, ruleIds: [...ruleIds], digits: false, digitText: null, weak: false };
    }
    return null;
  }
  while (j < tokens.length) {
    const token = tokens[j] as Token;
    if (token.lower === 'and' && (last === 'hundred' || last === 'magnitude')) {
      const next = tokens[j + 1];
      const entry = next ? lex.numberWords.get(next.lower) : undefined;
      const after = tokens[j + 2] ? lex.numberWords.get((tokens[j + 2] as Token).lower) : undefined;
      // "and three quarters" is a fraction of what came before, read after the loop
      if (entry && (entry.row.role === 'unit' || entry.row.role === 'tens') && after?.row.role !== 'fraction') {
        j++;
        continue;
      }
      break;
    }
    // "twenty-five": a glued hyphen between tens and a unit word
    if (token.text === '-' && (last === 'tens' || last === 'unit' || last === 'teen')) {
      const next = tokens[j + 1];
      const entry = next ? lex.numberWords.get(next.lower) : undefined;
      // "twenty-fifth", "twenty-first": tens hyphenated to a unit's ordinal make one ordinal, which
      // ends the whole number before it ("three twenty-fifths" is read as a fraction below)
      if (last === 'tens' && unitOrdinalAfterHyphen(tokens, j, lex)) {
        const tens = lex.numberWords.get((tokens[j - 1] as Token).lower)?.value ?? 0;
        current -= tens;
        belowHundred -= tens;
        end = j - 1;
        ordinalAfter = true;
        break;
      }
      const tensAndUnit = entry !== undefined && last === 'tens' && entry.row.role === 'unit' && entry.value < 10;
      const joins = tensAndUnit || entry?.row.role === 'fraction';
      // "ninety - five" written with spaces is still one number: a range never runs from ninety down to five
      if (joins && (tensAndUnit || (glued(tokens[j - 1], token) && glued(token, next)))) {
        j++;
        continue;
      }
      break;
    }
    if (token.type !== 'word') break;
    const entry = lex.numberWords.get(token.lower);
    if (!entry) break;
    const { row, value } = entry;
    if (row.role === 'unit') {
      if (last === 'unit' || last === 'teen') break;
      if (last === 'tens' && value >= 10) break;
      current += value;
      belowHundred += value;
      last = value >= 10 ? 'teen' : 'unit';
    } else if (row.role === 'tens') {
      if (last === 'unit' || last === 'teen' || last === 'tens') break;
      tensAfterHundred = (last === 'hundred' || last === 'magnitude') && tokens[j - 1]?.lower !== 'and';
      current += value;
      belowHundred += value;
      last = 'tens';
    } else if (row.role === 'magnitude') {
      if (last === 'none') break;
      belowHundred = 0;
      if (value === 100) {
        current = (current || 1) * 100;
        last = 'hundred';
      } else {
        total += (current || 1) * value;
        current = 0;
        last = 'magnitude';
        lastMagnitude = value;
      }
    } else if (row.role === 'dozen') {
      // "dozen" needs a number or an article before it: "a baker's dozen", "dozens of" are not counts
      if (last === 'none') break;
      // "three hundred and two dozens": the dozens are the part after the hundreds
      current = belowHundred > 0 && current > belowHundred ? current - belowHundred + belowHundred * value : (current || 1) * value;
      belowHundred = 0;
      last = 'magnitude';
    } else {
      // a fraction word ends the number: "two-thirds", "a third", "three quarters"
      // "one hundred thirty fifths": tens right after a hundred and before a plural unit ordinal
      // make one ordinal, thirty-fifths, the denominator of what came before (100/35)
      if (last === 'tens' && value < 10 && token.lower.endsWith('s') && tensAfterHundred) {
        const numerator = total + current - belowHundred;
        const denominator = belowHundred + value;
        ruleIds.add(row.id);
        ruleIds.add('pattern.fraction');
        total = numerator / denominator;
        current = 0;
        end = j + 1;
        fractionRead = true;
        break;
      }
      const numerator = total + current;
      // a plural denominator divides any whole number ("five hundred fifths"); a singular one after a
      // large number is an ordinal ("twenty fifth anniversary")
      const plural = token.lower.endsWith('s');
      const hyphenated = tokens[j - 1]?.text === '-';
      if (last === 'none' || (!plural && (last === 'hundred' || last === 'magnitude' || numerator > FRACTION_NUMERATOR_MAX || (numerator !== 1 && !hyphenated)))) break;
      // "a third of" is a fraction, "a third term" an ordinal: a singular denominator needs "of" or an end
      if (numerator === 1 && !token.lower.endsWith('s') && token.lower !== 'half') {
        const next = tokens[j + 1];
        if (next !== undefined && next.lower !== 'of' && next.type === 'word') break;
      }
      ruleIds.add(row.id);
      ruleIds.add('pattern.fraction');
      total = numerator / value;
      current = 0;
      end = j + 1;
      j++;
      last = 'magnitude';
      fractionRead = true;
      break;
    }
    ruleIds.add(row.id);
    j++;
    end = j;
  }
  if (end === i || (article && end === i + 1)) return null;
  // "three twenty-fifths", "one one hundred fifth": a whole number followed by an ordinal of
  // several words is a fraction with that ordinal as its denominator
  if (!fractionRead) {
    const denominator = readCompoundOrdinal(tokens, end, lex);
    const numerator = total + current;
    if (denominator && Number.isInteger(numerator) && (denominator.plural || numerator === 1) && denominator.value > numerator) {
      for (const id of denominator.ruleIds) ruleIds.add(id);
      ruleIds.add('pattern.fraction');
      return { value: numerator / denominator.value, start: i, end: denominator.end, ruleIds: ['pattern.number-words', ...ruleIds], digits: false, digitText: null, weak: false };
    }
    // "the one hundred twenty-fifth anniversary": the words before an ordinal belong to it
    if (ordinalAfter) return null;
  }
  const value = total + current;
  let finalValue = value;
  const decimals = readSpokenDecimals(tokens, end, lex);
  if (decimals && Number.isInteger(value)) {
    finalValue = Number(`${value}.${decimals.digits}`);
    end = decimals.end;
    ruleIds.add('pattern.spoken-decimal');
  }
  const andFraction = decimals ? null : readAndAFraction(tokens, end, lex);
  if (andFraction) {
    // a fraction after a bare magnitude is a fraction of it: "two million and a half" = 2.5 million
    finalValue = current === 0 && lastMagnitude > 1 ? (total / lastMagnitude + andFraction.value) * lastMagnitude : finalValue + andFraction.value;
    end = andFraction.end;
    for (const id of andFraction.ruleIds) ruleIds.add(id);
  }
  const weak = end === i + 1 && (first.lower === 'one');
  return { value: finalValue, start: i, end, ruleIds: ['pattern.number-words', ...ruleIds], digits: false, digitText: null, weak };
}

/**
 * An ordinal of two words or more ending in a fraction word, read as a denominator: "twenty-fifths"
 * (25), "one hundred fifth" and "one hundred and fifth" (105), "three thousandths" stays with the
 * reader of single fraction words. A singular one must end the phrase or come before "of".
 */
function readCompoundOrdinal(tokens: Token[], i: number, lex: Lexicon): { value: number; end: number; plural: boolean; ruleIds: string[] } | null {
  let whole = 0;
  let part = 0;
  let last: 'none' | 'unit' | 'tens' | 'hundred' = 'none';
  const ruleIds: string[] = [];
  for (let j = i; j < tokens.length && j < i + ORDINAL_WORDS_MAX; j++) {
    const token = tokens[j] as Token;
    if (token.lower === 'and' && last === 'hundred') continue;
    if (token.text === '-' && last === 'tens' && glued(tokens[j - 1], token) && glued(token, tokens[j + 1])) continue;
    if (token.type !== 'word') return null;
    const entry = lex.numberWords.get(token.lower);
    if (!entry) return null;
    const { row, value } = entry;
    if (row.role === 'fraction') {
      if (j === i || last === 'none') return null;
      // after tens only a unit ordinal ("twenty-fifth"); after a hundred any ordinal below it
      const fits = last === 'tens' ? value < 10 : last === 'hundred' ? value < 100 : value >= 100;
      if (!fits) return null;
      const plural = token.lower.endsWith('s');
      const next = tokens[j + 1];
      if (!plural && next !== undefined && next.type === 'word' && next.lower !== 'of') return null;
      ruleIds.push(row.id);
      const denominator = value >= 100 ? (whole + part) * value : whole + part + value;
      return { value: denominator, end: j + 1, plural, ruleIds };
    }
    if (row.role === 'unit') {
      if (last !== 'none' && last !== 'hundred') return null;
      part += value;
      last = 'unit';
    } else if (row.role === 'tens') {
      if (last !== 'none' && last !== 'hundred') return null;
      part += value;
      last = 'tens';
    } else if (row.role === 'magnitude' && value === 100 && (last === 'unit' || last === 'none')) {
      whole += (part || 1) * 100;
      part = 0;
      last = 'hundred';
    } else return null;
    ruleIds.push(row.id);
  }
  return null;
}

/** Words an ordinal denominator may take: "nine hundred and ninety-ninths" is the longest read. */
const ORDINAL_WORDS_MAX = 7;

/**
 * "point" and the digits after it, spoken: "point zero three" (.03), "point seventy-one" (.71).
 * Returns the decimal digits as written, so leading zeros count.
 */
function readSpokenDecimals(tokens: Token[], i: number, lex: Lexicon): { digits: string; end: number } | null {
  if (tokens[i]?.lower !== 'point') return null;
  let digits = '';
  let j = i + 1;
  const first = tokens[j] ? lex.numberWords.get((tokens[j] as Token).lower) : undefined;
  if (first?.row.role === 'tens' || (first?.row.role === 'unit' && first.value >= 10)) {
    // one number below a hundred: "point seventy-one", "point eleven"
    let value = first.value;
    j++;
    const hyphen = tokens[j];
    const unit = tokens[j + 1] ? lex.numberWords.get((tokens[j + 1] as Token).lower) : undefined;
    if (first.row.role === 'tens' && hyphen && HYPHEN_WORD_JOINERS.has(hyphen.text) && unit?.row.role === 'unit' && unit.value < 10) {
      value += unit.value;
      j += 2;
    }
    return { digits: String(value), end: j };
  }
  while (j < tokens.length) {
    const entry = lex.numberWords.get((tokens[j] as Token).lower);
    if (entry?.row.role !== 'unit' || entry.value >= 10) break;
    digits += String(entry.value);
    j++;
  }
  return digits === '' ? null : { digits, end: j };
}

const HYPHEN_WORD_JOINERS = new Set(['-', '–']);

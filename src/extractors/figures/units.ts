import type { FigureKind } from '../../model/claim.js';
import { HYPHENS, matchPhrase, type ScanContext, type UnitFound } from './context.js';
import { looksPlural, readCompoundNoun, readCountedNoun } from './counted-nouns.js';
import type { UnitRow } from './lexicon.js';
import { readNumber } from './numbers.js';
import { glued, type Token } from './tokens.js';

/**
 * Reading what follows a number: its scale ("million", "bn"), its unit of measure or currency
 * word, a power ("km^2"), the smaller part of a compound amount and the unit shared by
 * coordinated numbers.
 */

export function readScale(ctx: ScanContext, i: number, hasCurrency: boolean): { factor: number; end: number; ruleId: string } | null {
  // "$1.5-billion deal"
  const tokens = ctx.tokens;
  const at = tokens[i] && HYPHENS.has((tokens[i] as Token).text) && glued(tokens[i - 1], tokens[i]) && glued(tokens[i], tokens[i + 1]) ? i + 1 : i;
  const match = matchPhrase(ctx.lex.scales, ctx.tokens, at, (row, end) => {
    const form = ctx.tokens.slice(at, end).map((token) => token.lower).join(' ');
    const written = ctx.tokens.slice(at, end).map((token) => token.text).join(' ');
    const gluedToDigits = at === i && glued(tokens[i - 1], tokens[i]);
    const currencyOnly = row.currencyOnly.includes(form);
    // glued forms count as written: "10k" is ten thousand, "4K" a resolution
    if (row.gluedOk.includes(written) && gluedToDigits) return true;
    // "the 400m hurdles": an event or a dimension after a bare "m" is measured in metres, not counted in millions
    if (!hasCurrency && currencyOnly && row.measureBefore.includes(tokens[end]?.lower ?? '')) return false;
    // "1.2m people", "35m of its users", and a spaced capital ("8 B people")
    if (row.beforeCounted.includes(form) && (gluedToDigits || /^\p{Lu}+$/u.test(written)) && countedAfterScale(ctx, end)) return true;
    return hasCurrency || !currencyOnly;
  });
  if (!match) return null;
  // "1.5 lakh crore", "5,000 thousand crore": a larger scale word after a smaller one multiplies it
  const first = tokens.slice(at, match.end).map((token) => token.lower).join(' ');
  const stacked = matchPhrase(ctx.lex.scales, tokens, match.end, (row) => row.stacksAfter.includes(first));
  if (stacked) return { factor: match.value.factor * stacked.value.factor, end: stacked.end, ruleId: stacked.value.id };
  return { factor: match.value.factor, end: match.end, ruleId: match.value.id };
}

export function startsCountedNoun(ctx: ScanContext, i: number): boolean {
  const word = ctx.tokens[i];
  if (!word || word.type !== 'word' || ctx.lex.stopWords.has(word.lower)) return false;
  return ctx.lex.countedAliases.has(word.lower) || ctx.lex.irregularPlurals.has(word.lower) || looksPlural(word.lower);
}

/** A counted noun right after a scale word, or in an "of its …" phrase after it ("35m of its Echo devices"). */
function countedAfterScale(ctx: ScanContext, i: number): boolean {
  if (startsCountedNoun(ctx, i)) return true;
  const tokens = ctx.tokens;
  if (tokens[i]?.lower !== 'of' || !ctx.rules.determiners.has(tokens[i + 1]?.lower ?? '')) return false;
  for (let j = i + 2; j < i + 2 + COUNTED_AFTER_OF_WORDS; j++) {
    if (startsCountedNoun(ctx, j)) return true;
    const word = tokens[j];
    if (!word || word.type !== 'word' || ctx.lex.stopWords.has(word.lower)) return false;
  }
  return false;
}

/** Words looked through for the counted noun of "of its …" (its modifiers: "of its Echo smart devices"). */
const COUNTED_AFTER_OF_WORDS = 3;

/** `hasCurrency`: an amount of money, whose scale may be a money-only letter ("$5M"; "5500M" names a chip). */
export function isUnitAt(ctx: ScanContext, i: number, hasCurrency = true): boolean {
  return readUnit(ctx, i, false, false) !== null || readScale(ctx, i, hasCurrency) !== null || ctx.tokens[i]?.lower === '-';
}

/** "3 USD50 cards": a code glued to digits after it is the prefix of that amount, not the unit of the number before. */
function notAmountPrefix(_row: unknown, end: number, tokens: Token[]): boolean {
  return !(tokens[end]?.type === 'num' && glued(tokens[end - 1], tokens[end]));
}

/** A unit right after the number (optionally glued with a hyphen: "8-inch"). */
export function readUnit(ctx: ScanContext, i: number, scaled: boolean, moneyOnly: boolean, anyFollower = false): UnitFound | null {
  const tokens = ctx.tokens;
  const bracketed = readBracketedUnit(ctx, i, scaled, moneyOnly);
  if (bracketed) return bracketed;
  let at = i;
  // "8-inch", and "3 - year - old" in text tokenized with spaces
  const hyphenated = tokens[at] !== undefined && HYPHENS.has((tokens[at] as Token).text) && tokens[at + 1]?.type === 'word';
  if (hyphenated) at++;
  const word = matchPhrase(ctx.lex.currencyWords, tokens, at, (row) => !row.requiresScale || scaled);
  if (word) return { unit: word.value.code, kind: 'money', end: word.end, ruleId: word.value.id, currency: true, counted: false };
  const suffix = matchPhrase(ctx.lex.currencySuffixSymbols, tokens, at, notAmountPrefix) ?? matchPhrase(ctx.lex.currencyCodes, tokens, at, notAmountPrefix);
  if (suffix) {
    const found: UnitFound = { unit: suffix.value.code, kind: 'money', end: suffix.end, ruleId: suffix.value.id, currency: true, counted: false };
    if (suffix.value.factor !== undefined) found.factor = suffix.value.factor;
    return found;
  }
  if (moneyOnly) return null;
  const unit = matchPhrase(ctx.lex.units, tokens, at, (row: UnitRow, end) => unitAllowed(ctx, row, at, end, anyFollower));
  if (!unit) return null;
  const found: UnitFound = { unit: unit.value.unit, kind: unit.value.kind, end: unit.end, ruleId: unit.value.id, currency: false, counted: false };
  if (unit.value.factor !== undefined) found.factor = unit.value.factor;
  // "m/s^2", "m/s²": the power of a built-in denominator squares the denominator
  const per = found.unit.indexOf(' per ');
  const denominator = per > 0 ? found.unit.slice(per + 5) : null;
  const power = denominator !== null ? readDenominatorPower(ctx, unit.end, denominator) : ctx.rules.power.units.has(found.unit) ? readPower(ctx, unit.end) : null;
  if (power) {
    found.unit = denominator !== null ? `${found.unit.slice(0, per)} per ${power.prefix} ${denominator}` : `${power.prefix} ${found.unit}`;
    found.end = power.end;
    found.ruleId = 'pattern.unit-power';
  }
  return found;
}

/**
 * The power of a rate's denominator unit at `at`: "^2" or "²" glued to it, or a bare digit glued
 * to it ("m/s2", "kg/m3"), for the units that a denominator raises to a power (lengths, seconds).
 */
export function readDenominatorPower(ctx: ScanContext, at: number, denominator: string): { prefix: string; end: number } | null {
  if (!ctx.rules.power.denominators.has(denominator)) return null;
  const tokens = ctx.tokens;
  const next = tokens[at];
  if (next !== undefined && glued(tokens[at - 1], next)) {
    const superscript = ctx.rules.power.bySuperscript.get(next.text);
    if (superscript !== undefined) return { prefix: superscript, end: at + 1 };
    const after = tokens[at + 1];
    // a digit glued to the unit is its exponent only where nothing more is glued to it ("m/s2", not "m/s2x")
    if (next.type === 'num' && (after === undefined || !glued(next, after) || after.type === 'sym')) {
      const prefix = ctx.rules.power.byExponent.get(next.text);
      return prefix === undefined ? null : { prefix, end: at + 1 };
    }
  }
  return readPower(ctx, at);
}

/** "20C-25C", "5km-10km": the form at [start, end) written again, glued, at `at` ends a range rather than a model code. */
function sameUnitAfter(ctx: ScanContext, start: number, end: number, at: number): boolean {
  const tokens = ctx.tokens;
  for (let k = 0; k < end - start; k++) {
    const again = tokens[at + k];
    if (again?.text !== (tokens[start + k] as Token).text || !glued(tokens[at + k - 1], again)) return false;
  }
  const after = tokens[at + end - start];
  return after === undefined || after.type === 'sym' || !glued(tokens[at + end - start - 1], after);
}

/** "20 (kg)": a unit alone between brackets glued to it. */
function readBracketedUnit(ctx: ScanContext, i: number, scaled: boolean, moneyOnly: boolean): UnitFound | null {
  const tokens = ctx.tokens;
  const open = tokens[i];
  const close = open ? ctx.rules.unitBrackets.get(open.text) : undefined;
  if (close === undefined || !glued(open, tokens[i + 1])) return null;
  const inner = readUnit(ctx, i + 1, scaled, moneyOnly, true);
  const closing = inner ? tokens[inner.end] : undefined;
  if (!inner || closing?.text !== close || !glued(tokens[inner.end - 1], closing)) return null;
  return { ...inner, end: inner.end + 1, via: 'pattern.bracketed-unit' };
}

/** "^2" glued to a unit, or "squared"/"cubed" after it: the prefix it gives the unit. */
function readPower(ctx: ScanContext, at: number): { prefix: string; end: number } | null {
  const tokens = ctx.tokens;
  const next = tokens[at];
  if (!next) return null;
  const byWord = ctx.rules.power.byWord.get(next.lower);
  if (byWord !== undefined) return { prefix: byWord, end: at + 1 };
  const exponent = tokens[at + 1];
  if (next.text !== ctx.rules.power.sign || !glued(tokens[at - 1], next) || !exponent || !glued(next, exponent)) return null;
  const prefix = ctx.rules.power.byExponent.get(exponent.text);
  return prefix === undefined ? null : { prefix, end: at + 2 };
}

/** `anyFollower`: the form's context is already known ("in" after "5 ft 2" is inches whatever follows). */
function unitAllowed(ctx: ScanContext, row: UnitRow, start: number, end: number, anyFollower = false): boolean {
  if (isQuoteForm(row, ctx.tokens, start, end)) return quoteMarkMeasures(ctx, start, row.quoteForms[(ctx.tokens[start] as Token).text] ?? []);
  // letters or digits glued after the form make it part of an identifier ("SCP 06F6", "24703m212")
  const after = ctx.tokens[end];
  if (after && after.type !== 'sym' && glued(ctx.tokens[end - 1], after)) return false;
  // "L-202", "M-16": a hyphen and digits glued after a lettered form make a model code; after a
  // sign they open the second end of a range ("70°-85°", "5%-10%")
  const code = ctx.tokens[end + 1];
  const lettered = ctx.tokens[end - 1]?.type === 'word';
  if (lettered && after && HYPHENS.has(after.text) && code?.type === 'num' && glued(ctx.tokens[end - 1], after) && glued(after, code) && !sameUnitAfter(ctx, start, end, end + 2)) return false;
  // "m2", "km²": a form ending in digits counts only written as one word ("12 m 2 dm" is metres)
  const last = ctx.tokens[end - 1] as Token;
  if (end - start > 1 && last.type === 'num' && !glued(ctx.tokens[end - 2], last)) return false;
  if (row.gluedOnly.length === 0 && !row.hasOnlyBefore) return true;
  const form = ctx.tokens.slice(start, end).map((token) => token.lower).join(' ');
  const written = ctx.tokens.slice(start, end).map((token) => token.text).join(' ');
  const gluedOnly = row.gluedOnly.some((only) => (row.caseSensitive.includes(only) ? only === written : only.toLowerCase() === form));
  if (gluedOnly && !glued(ctx.tokens[start - 1], ctx.tokens[start])) return false;
  const required = row.onlyBefore[form];
  if (required && !anyFollower && !required.includes(ctx.tokens[end]?.lower ?? '')) return false;
  return true;
}

/**
 * A quotation mark after a number as the mark of a unit ('a 27" screen', "5'10\""): where marks
 * are listed, a number with one of them glued after it must follow ("5'" alone is no height);
 * otherwise the mark must neither open a quotation (glued to the word after it) nor close one
 * (an odd count of it before it in the paragraph).
 */
export function isQuoteForm(row: UnitRow, tokens: Token[], start: number, end: number): boolean {
  return end === start + 1 && row.quoteForms[(tokens[start] as Token).text] !== undefined;
}

function quoteMarkMeasures(ctx: ScanContext, at: number, following: string[]): boolean {
  const tokens = ctx.tokens;
  const mark = tokens[at] as Token;
  if (following.length > 0) {
    const next = readNumber(tokens, at + 1, ctx.lex);
    const after = next ? tokens[next.end] : undefined;
    return next !== null && next.digits && after !== undefined && following.includes(after.text) && glued(tokens[next.end - 1], after);
  }
  // a mark glued to the word after it opens a quotation ('10 "really good" goals')
  const next = tokens[at + 1];
  if (next !== undefined && next.type !== 'sym' && glued(mark, next)) return false;
  // the mark sits on the number's line; quotations, which run over sentences, are followed over the paragraph
  const before = tokens[at - 1];
  if (before !== undefined && ctx.text.slice(before.end, mark.start).includes('\n')) return false;
  return !ctx.quotes(mark.text).openAt(mark.start);
}

/**
 * The second part of a compound amount after `end`: a subunit of the same currency ("and 50
 * cents"), a bare number below a hundred closing the clause after a whole amount of money
 * ("15 dollars 50."), or the smaller unit of an imperial pair ("2 inches" after feet).
 */
export function readCompoundRest(ctx: ScanContext, end: number, unit: string, kind: FigureKind): { value: number; end: number } | null {
  const tokens = ctx.tokens;
  let at = end;
  if (tokens[at]?.text === ',') return null;
  if (tokens[at]?.lower === ctx.rules.rangeJoiner) at++;
  const part = readNumber(tokens, at, ctx.lex);
  if (!part || part.weak || !Number.isInteger(part.value) || part.value <= 0) return null;
  if (kind === 'money') {
    const subunit = readUnit(ctx, part.end, false, true);
    if (subunit) {
      // "4 euros 20 cents": a subunit named without its currency adds to any amount; one that
      // names another currency ("40 kronor and 9 euro cents") is an amount of its own
      const written = tokens.slice(part.end, subunit.end).map((token) => token.lower).join(' ');
      const joins = subunit.unit.startsWith(`${unit}-`) || ctx.rules.plainSubunits.has(written);
      return joins && !unit.includes('-') ? { value: part.value / ctx.rules.subunitsPerUnit, end: subunit.end } : null;
    }
    const next = tokens[part.end];
    const closes = next === undefined || (next.type === 'sym' && !HYPHENS.has(next.text) && next.text !== '%' && next.text !== '/') || (at === end && ctx.rules.compoundClosers.has(next.lower));
    if (closes && part.value < ctx.rules.subunitsPerUnit && !unit.includes('-')) return { value: part.value / ctx.rules.subunitsPerUnit, end: part.end };
    return null;
  }
  const smaller = readUnit(ctx, part.end, false, false, true);
  const factor = smaller ? ctx.rules.compoundPairs.get(`${unit}>${smaller.unit}`) : undefined;
  return smaller && factor !== undefined ? { value: part.value / factor, end: smaller.end } : null;
}

/**
 * "7- or 8-inch", "2 or 3 weeks": the unit after the second number. `weak`: the first number is a
 * lone "one", which before "or two" says "a few" ("one or two ideas") rather than counts.
 */
export function readCoordinatedUnit(ctx: ScanContext, i: number, scaled: boolean, weak = false): UnitFound | null {
  const tokens = ctx.tokens;
  let at = i;
  const dangling = tokens[at] !== undefined && HYPHENS.has((tokens[at] as Token).text) && glued(tokens[at - 1], tokens[at]);
  if (tokens[at] && HYPHENS.has((tokens[at] as Token).text)) at++;
  // "four-, five- and six-cylinder": a list of dangling hyphens before the last number
  while (dangling && tokens[at]?.text === ',') {
    const listed = readNumber(tokens, at + 1, ctx.lex);
    if (listed && tokens[listed.end] !== undefined && HYPHENS.has((tokens[listed.end] as Token).text)) at = listed.end + 1;
    else if (ctx.rules.conjunctions.has(tokens[at + 1]?.lower ?? '')) at++;
    else return null;
  }
  if (!ctx.rules.conjunctions.has(tokens[at]?.lower ?? '')) return null;
  const second = readNumber(tokens, at + 1, ctx.lex);
  if (!second || second.weak) return null;
  let end = second.end;
  const scale = readScale(ctx, end, false);
  // "4k and 60fps": a scaled number and a plain one measure different things
  if (scaled && scale === null) return null;
  if (scale) end = scale.end;
  // "2 or 3 million barrels", "seven or eight thousand votes": the first number shares the second's
  // scale, or the magnitude word that ends it, unless it has one of its own
  const magnitude = (at: number): number | null => {
    const entry = ctx.lex.numberWords.get(tokens[at]?.lower ?? '');
    return entry?.row.role === 'magnitude' ? entry.value : null;
  };
  const factor = scaled || magnitude(i - 1) !== null ? null : (scale?.factor ?? (second.digits ? null : magnitude(second.end - 1)));
  const shared = <T extends UnitFound>(found: T): T => (factor !== null ? { ...found, factor } : found);
  const unit = readUnit(ctx, end, scaled || scale !== null, false);
  if (unit) return shared(unit);
  if (!dangling) {
    // "20 or 30 people": alternatives share what the second counts (never years: "2019 or 2020 budgets")
    const conjunction = tokens[at]?.lower ?? '';
    const year = second.digits && /^\d{4}$/.test(second.digitText ?? '');
    const counted = ctx.rules.countedAlternatives.has(conjunction) && !year && !weak ? readCountedNoun(ctx, end, false) : null;
    return counted ? shared({ unit: counted.unit, kind: 'count', end: counted.end, ruleId: counted.ruleIds[0] ?? 'pattern.counted-noun', currency: false, counted: true }) : null;
  }
  const compound = readCompoundNoun(ctx, end);
  return compound ? shared({ unit: compound.unit, kind: 'count', end: compound.end, ruleId: compound.ruleIds[0] ?? 'pattern.compound-noun', currency: false, counted: true }) : null;
}

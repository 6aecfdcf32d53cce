import { GLUE_SIGNS, HYPHENS, type ScanState } from './context.js';
import { currencyBefore } from './currency-before.js';
import { dottedChain, gluedChain, isDateContext } from './dates.js';
import type { NumberRead } from './numbers.js';
import { capitalised, glued, type Token } from './tokens.js';
import { isUnitAt, readScale, readUnit, startsCountedNoun } from './units.js';

/**
 * Numbers that are not figures, decided from the digits and their neighbours: phone numbers,
 * addresses, dates, times, ordinals, identifiers, list markers, scores, ages in apposition and
 * table cells.
 */

/** Rejections that depend only on the digits and their glued neighbours; returns where to resume. */
export function rejectDigits(ctx: ScanState, number: NumberRead): number | null {
  const tokens = ctx.tokens;
  const first = tokens[number.start] as Token;
  const lastDigit = tokens[number.end - 1] as Token;
  const next = tokens[number.end];
  const previous = tokens[number.start - 1];
  if (number.start < ctx.rejectedUntil) return number.end;
  // the exponent of "km^2" belongs to the unit before it
  if (previous?.text === ctx.rules.power.sign && glued(previous, first)) return number.end;
  for (const [ranges, ruleId] of [[ctx.phoneRanges, 'reject.phone'], [ctx.urlRanges, 'reject.url']] as const) {
    const range = ranges.at(first.start);
    if (range) {
      let end = number.end;
      while (end < tokens.length && (tokens[end] as Token).start < range[1]) end++;
      ctx.reject(number.start, end, ruleId);
      return end;
    }
  }
  // a number glued to a rejected one by a sign shares its fate (2014-15, 12/25/2023, J1149.5+6663)
  if (previous && GLUE_SIGNS.has(previous.text) && glued(previous, first)) {
    const last = ctx.rejected[ctx.rejected.length - 1];
    if (last && last.end === previous.start) {
      ctx.reject(number.start, number.end, last.ruleId);
      return number.end;
    }
  }
  // three or more dot-separated digit groups: a version, address or section number (1.2.3, 10.0.0.1), or a date (25.12.2023)
  const dotted = dottedChain(ctx, number.start);
  if (dotted !== null) {
    ctx.reject(number.start, dotted.end, dotted.date ? 'reject.numeric-date' : 'reject.dotted-identifier');
    return dotted.end;
  }
  // numeric dates: 12/25/2023, 2023-12-25
  const chain = gluedChain(ctx, number.start);
  if (chain.numbers >= 3 && chain.separators.size === 1 && !chain.separators.has(',')) {
    ctx.reject(number.start, chain.end, 'reject.numeric-date');
    return chain.end;
  }
  // "24/7", "9/11": a pair glued by a slash that was not read as a fraction
  if (chain.numbers === 2 && chain.separators.has('/') && number.digitText !== null && /^\d{1,3}$/.test(first.text) && !number.ruleIds.includes('pattern.fraction')) {
    ctx.reject(number.start, chain.end, 'reject.slash-pair');
    return chain.end;
  }
  // clock times: 10:30, 8 p.m., 1pm
  if (next?.text === ':' && glued(lastDigit, next) && tokens[number.end + 1]?.type === 'num' && glued(next, tokens[number.end + 1])) {
    let end = number.end + 2;
    const marker = tokens[end];
    if (marker && ctx.rules.timeMarkers.has(marker.lower)) end++;
    ctx.reject(number.start, end, 'reject.time');
    return end;
  }
  if (next && ctx.rules.timeMarkers.has(next.lower) && (next.type === 'word' || glued(lastDigit, next)) && (number.value <= 24 || TWENTY_FOUR_HOUR.test(number.digitText ?? '')) && !isUnitAt(ctx, number.end)) {
    ctx.reject(number.start, number.end + 1, 'reject.time');
    return number.end + 1;
  }
  if (next?.type === 'word' && glued(lastDigit, next)) {
    if (ctx.rules.ordinalSuffixes.has(next.lower) && number.digitText !== null) {
      ctx.reject(number.start, number.end + 1, isDateContext(ctx, number.start, number.end + 1, number.value) ? 'reject.date' : 'reject.ordinal');
      return number.end + 1;
    }
    // "1960s", "80s": whole tens only ("6.6s" is seconds)
    if (ctx.rules.decadeSuffixes.has(next.lower) && number.value % 10 === 0) {
      ctx.reject(number.start, number.end + 1, 'reject.decade');
      return number.end + 1;
    }
  }
  if (next && (next.text === "'" || next.text === '’') && glued(lastDigit, next) && tokens[number.end + 1]?.lower === 's' && glued(next, tokens[number.end + 1])) {
    ctx.reject(number.start, number.end + 2, 'reject.decade');
    return number.end + 2;
  }
  // "3-in-1", "2-in-1": a product's label
  if (HYPHENS.has(next?.text ?? '') && tokens[number.end + 1]?.lower === 'in' && HYPHENS.has(tokens[number.end + 2]?.text ?? '') && tokens[number.end + 3]?.type === 'num' && glued(lastDigit, next) && glued(tokens[number.end + 2], tokens[number.end + 3])) {
    ctx.reject(number.start, number.end + 4, 'reject.identifier');
    return number.end + 4;
  }
  // "401(k)", "501(c)(3)": a section number with lettered subsections glued to it names a plan or a law
  const subsections = subsectionEnd(ctx, number.end);
  if (subsections !== null) {
    ctx.reject(number.start, subsections, 'reject.identifier');
    return subsections;
  }
  const rating = slashRatingEnd(ctx, number);
  if (rating !== null) {
    ctx.reject(number.start, rating, 'reject.rating');
    return rating;
  }
  // "last-32", "top-10": hyphenated to a lower-case word, a number measuring nothing is part of a label
  // ("sub-300 sq m" measures; "Covid-19" is a name)
  const label = tokens[number.start - 2];
  if (previous !== undefined && HYPHENS.has(previous.text) && glued(previous, first) && label?.type === 'word' && glued(label, previous) && /^\p{Ll}+$/u.test(label.text) && !ctx.lex.numberWords.has(label.lower) && !ctx.lex.stopWords.has(label.lower) && !isUnitAt(ctx, number.end)) {
    ctx.reject(number.start, number.end, 'reject.identifier');
    return number.end;
  }
  // letters glued before the number (J1149, SCP06) make an identifier, unless they are a currency;
  // the currency is read only where a glued word makes it matter (the scanner reads it for every number)
  const gluedBefore = previous?.type === 'word' && glued(previous, first);
  const gluedAfter = next?.type === 'word' && glued(lastDigit, next);
  const hasCurrency = (gluedBefore || gluedAfter) && currencyBefore(ctx, number) !== null;
  if (gluedBefore && !hasCurrency) {
    ctx.reject(number.start, number.end, 'reject.identifier');
    return number.end;
  }
  if (next?.type === 'word' && gluedAfter && !isUnitAt(ctx, number.end, hasCurrency) && !ctx.rules.timeMarkers.has(next.lower)) {
    ctx.reject(number.start, number.end + 1, 'reject.identifier');
    return number.end + 1;
  }
  // "Los Angeles, CA 90069": a postal code after a city and a two-letter state code
  if (number.digitText !== null && POSTAL_CODE.test(number.digitText) && /^\p{Lu}{2}$/u.test(previous?.text ?? '') && tokens[number.start - 2]?.text === ',') {
    ctx.reject(number.start, number.end, 'reject.address');
    return number.end;
  }
  if (number.digitText !== null && isStreetAddress(ctx, number.end)) {
    ctx.reject(number.start, number.end, 'reject.address');
    return number.end;
  }
  if (number.digitText !== null && isDateContext(ctx, number.start, number.end, number.value)) {
    ctx.reject(number.start, number.end, 'reject.date');
    return number.end;
  }
  const service = ctx.rules.serviceNumbers;
  if (number.digitText !== null && service.numbers.has(number.digitText) && (service.before.has(previous?.lower ?? '') || service.after.has(next?.lower ?? ''))) {
    ctx.reject(number.start, number.end, 'reject.service-number');
    return number.end;
  }
  // "[3]": a reference to a note or a source
  if (number.digitText !== null && previous?.text === '[' && next?.text === ']' && glued(previous, first) && glued(lastDigit, next)) {
    ctx.reject(number.start - 1, number.end + 1, 'reject.list-marker');
    return number.end + 1;
  }
  // "1." or "2)" opening a line, or a sentence before a capitalised word: a list item's number
  const opensSentence = previous !== undefined && SENTENCE_CLOSERS.has(previous.text) && /^\p{Lu}/u.test(tokens[number.end + 1]?.text ?? '');
  if (number.digitText !== null && (next?.text === '.' || next?.text === ')') && glued(lastDigit, next) && (opensSentence || /(?:^|\n)[ \t]*$/.test(ctx.text.slice(Math.max(0, first.start - 40), first.start)))) {
    ctx.reject(number.start, number.end + 1, 'reject.list-marker');
    return number.end + 1;
  }
  return null;
}

const SENTENCE_CLOSERS = new Set(['.', '!', '?']);
/** Five-digit postal codes (ZIP codes). */
const POSTAL_CODE = /^\d{5}$/;
/** "0130", "2359": hours and minutes of a 24-hour clock written as four digits. */
const TWENTY_FOUR_HOUR = /^(?:[01]\d|2[0-3])[0-5]\d$/;

/**
 * "4.5/5", "Verdict: 8/10": a grade over the top of a rating scale; the end of the grade, or null.
 * A slash fraction with decimals is always a grade; a whole one only after a word announcing one.
 */
function slashRatingEnd(ctx: ScanState, number: NumberRead): number | null {
  const tokens = ctx.tokens;
  const start = number.start;
  let end: number;
  if (number.end === start + 3 && tokens[start + 1]?.text === '/' && number.ruleIds.includes('pattern.fraction')) end = number.end;
  else if (tokens[number.end]?.text === '/' && glued(tokens[number.end - 1], tokens[number.end]) && tokens[number.end + 1]?.type === 'num' && glued(tokens[number.end], tokens[number.end + 1])) end = number.end + 2;
  else return null;
  const grade = (tokens[start] as Token).value;
  const top = (tokens[end - 1] as Token).value;
  if (!ctx.rules.ratingScales.has(top) || !(grade <= top)) return null;
  const announced = [1, 2, 3].some((back) => ctx.rules.ratingBefore.has(tokens[start - back]?.lower ?? ''));
  return (tokens[start] as Token).text.includes('.') || announced ? end : null;
}

export function hasCapitalised(ctx: ScanState, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (/^\p{Lu}/u.test((ctx.tokens[j] as Token).text)) return true;
  return false;
}

/** A glued pair where a result is spoken of: "lost 0-6", "a 1-3 defeat", "are 2-7", with nothing measured after. */
export function isScore(ctx: ScanState, start: number, end: number): boolean {
  if (readUnit(ctx, end, false, false) !== null || ctx.tokens[end]?.text === '%') return false;
  return ctx.rules.scoreBefore.has(ctx.tokens[start - 1]?.lower ?? '') || ctx.rules.scoreAfter.has(ctx.tokens[end]?.lower ?? '') || listedAfterScore(ctx, start) || recordAfterName(ctx, start, end);
}

/**
 * "the 737-800 jet", "two 747-400 freighters": three digits dashed to a whole number after an article, a
 * possessive or a count, with nothing measured after, name a model's series. After an article a plural
 * noun is what a range of round numbers counts ("the 100-150 members").
 */
export function isModelSeries(ctx: ScanState, start: number, end: number): boolean {
  const { tokens } = ctx;
  if (!/^\d{3}$/.test((tokens[start] as Token).text) || !/^\d{1,4}$/.test((tokens[end - 1] as Token).text)) return false;
  if (readUnit(ctx, end, false, false) !== null || tokens[end]?.text === '%' || isScore(ctx, start, end)) return false;
  const before = tokens[start - 1];
  if (before === undefined) return false;
  const count = before.type === 'num' || ctx.lex.numberWords.get(before.lower)?.row.role === 'unit';
  if (!count && !ctx.rules.seriesBefore.has(before.lower) && !/['’]s$/u.test(before.text)) return false;
  // ("its 737-900 jets": an estimate's bounds are round numbers, a model's are not.)
  return count || !startsCountedNoun(ctx, end) || Number((tokens[start] as Token).text) % 5 !== 0;
}

/** "the Gulls (5-6, 2-4)": a pair opening brackets right after a name, closed or followed by another, is a win-loss record. */
function recordAfterName(ctx: ScanState, start: number, end: number): boolean {
  const open = ctx.tokens[start - 1];
  const name = ctx.tokens[start - 2];
  const after = ctx.tokens[end]?.text;
  return open?.text === '(' && capitalised(name) && (after === ')' || after === ',');
}

/** "6-2, 3-6, 7-6": a pair listed right after a score, set apart only by a comma, is the next set's score. */
function listedAfterScore(ctx: ScanState, start: number): boolean {
  const comma = ctx.tokens[start - 1];
  const last = ctx.rejected[ctx.rejected.length - 1];
  if (comma?.text !== ',' || last === undefined || ctx.text.slice(last.end, comma.start).trim() !== '') return false;
  if (last.ruleId === 'reject.score') return true;
  // a descending pair whose numbers were rejected as part of a name ("beat Bublik 7-5, 3-6")
  const pair = SCORE_PAIR_END.exec(ctx.text.slice(Math.max(0, last.end - 8), last.end));
  return pair !== null && Number(pair[2]) < Number(pair[1]);
}

const SCORE_PAIR_END = /\b(\d{1,2})[-–](\d{1,2})$/;

/** "Maria Lopez, 45, said": a number between commas right after a capitalised name. */
export function isAgeApposition(ctx: ScanState, start: number, end: number): boolean {
  const tokens = ctx.tokens;
  const name = tokens[start - 2];
  if (tokens[start - 1]?.text !== ',' || tokens[end]?.text !== ',' || !name || name.type !== 'word') return false;
  if (!/^\p{Lu}/u.test(name.text) || ctx.rules.months.has(name.lower) || ctx.format.months.includes(name.lower)) return false;
  return true;
}

/** "1600 Pennsylvania Avenue": capitalised words ending in a street word right after the number. */
function isStreetAddress(ctx: ScanState, i: number): boolean {
  for (let j = i; j < i + 5; j++) {
    const token = ctx.tokens[j];
    // "3170 W. County Road": the point of an abbreviated direction
    if (token?.text === '.' && j > i && glued(ctx.tokens[j - 1], token)) continue;
    if (!token || token.type !== 'word' || !/^\p{Lu}/u.test(token.text)) return false;
    if (j > i && ctx.rules.streetWords.has(token.lower)) return true;
  }
  return false;
}

/**
 * A bare number that is one of a row of numbers set apart only by spaces ("Ada Brill 4120 3 2
 * 15 22") is a table cell; one in parentheses after a score ("7-6 (5)") is a tie-break score.
 */
export function bareNumberContext(ctx: ScanState, number: NumberRead): string | null {
  const tokens = ctx.tokens;
  const previous = tokens[number.start - 1];
  const next = tokens[number.end];
  if ((previous?.type === 'num' && !glued(previous, tokens[number.start])) || (next?.type === 'num' && !glued(tokens[number.end - 1], next))) return 'reject.table-cell';
  const [won, dash, lost] = [tokens[number.start - 4], tokens[number.start - 3], tokens[number.start - 2]];
  const afterScore = won?.type === 'num' && dash !== undefined && HYPHENS.has(dash.text) && lost?.type === 'num' && glued(won, dash) && glued(dash, lost);
  if (previous?.text === '(' && next?.text === ')' && afterScore) return 'reject.score';
  if (isPlayerRating(ctx, number)) return 'reject.rating';
  if (listedAfterName(ctx, number)) return 'reject.name';
  if (isReferenceMark(tokens, number.start, number.end)) return 'reject.reference-mark';
  return null;
}

/**
 * "Tide 2.4, 2.5 and 2.7", "Windows 10 and 11": a bare number listed right after a number that
 * is part of a name names another version of the same thing.
 */
export function listedAfterName(ctx: ScanState, number: NumberRead): boolean {
  const named = ctx.rejected[ctx.rejected.length - 1];
  if (named?.ruleId !== 'reject.name') return false;
  const tokens = ctx.tokens;
  let at = number.start - 1;
  if (ctx.rules.conjunctions.has(tokens[at]?.lower ?? '')) at--;
  if (tokens[at]?.text === ',') at--;
  const listed = tokens[at];
  return at < number.start - 1 && (listed?.type === 'num' || ctx.lex.numberWords.has(listed?.lower ?? '')) && listed?.end === named.end;
}

/**
 * "Tide 2.4, 2.5, 2.6 and 2.7 releases", "from Tide 2 to 3": a number listed right after a number
 * that is part of a name, written with as many digits and higher, names a later version of the same
 * thing, whatever follows it. A lower or longer number ("the Boeing 737 to 50 airlines") is a count.
 */
export function laterVersionAfterName(ctx: ScanState, number: NumberRead): boolean {
  const named = ctx.rejected[ctx.rejected.length - 1];
  if (named?.ruleId !== 'reject.name') return false;
  const tokens = ctx.tokens;
  let at = number.start - 1;
  const link = tokens[at]?.lower ?? '';
  if (ctx.rules.conjunctions.has(link) || ctx.rules.versionLinks.has(link)) at--;
  if (tokens[at]?.text === ',') at--;
  const listed = tokens[at];
  const own = tokens[number.start];
  if (at === number.start - 1 || listed?.type !== 'num' || listed.end !== named.end || own?.type !== 'num') return false;
  // "from iOS 13 to 14 million phones": a scale word makes it an amount
  return digitShape(listed.text) === digitShape(own.text) && own.value > listed.value && readScale(ctx, number.end, false) === null;
}

/** How a number is written, digits aside ("3.7" and "3.8" alike, "7" and "10" not). */
function digitShape(text: string): string {
  return text.replace(/\d/gu, '0');
}

/** Below this a whole number in brackets after a word can be a reference to a numbered source. */
const MAX_REFERENCE_NUMBER = 1000;
const CLOSING_BRACKET: Readonly<Record<string, string>> = { '(': ')', '[': ']' };

/**
 * "… linked to weight gain (25).", "… in mice [3, 4]": brackets holding only small whole numbers
 * (with commas and dashes) after a word and before the end of a clause point to numbered sources.
 */
function isReferenceMark(tokens: readonly Token[], start: number, end: number): boolean {
  const inside = (token: Token | undefined): boolean =>
    token !== undefined && ((token.type === 'num' && Number.isInteger(token.value) && token.value < MAX_REFERENCE_NUMBER) || token.text === ',' || HYPHENS.has(token.text));
  let open = start - 1;
  while (inside(tokens[open])) open--;
  let close = end;
  while (inside(tokens[close])) close++;
  const opening = tokens[open];
  const closing = tokens[close];
  if (!opening || !closing || CLOSING_BRACKET[opening.text] !== closing.text) return false;
  if (tokens[open - 1]?.type !== 'word') return false;
  const after = tokens[close + 1];
  return after === undefined || after.start < 0 || ['.', ',', ';', ':'].includes(after.text);
}

/** Words of a name that may open a line before a rating's colon ("Ander Herrera: 4"). */
const MAX_RATED_NAME_WORDS = 4;

/** "Jonas Berg: 7 Solid at the back": a capitalised name opening a line, a colon, a mark, and the comment on it. */
function isPlayerRating(ctx: ScanState, number: NumberRead): boolean {
  const tokens = ctx.tokens;
  const colon = tokens[number.start - 1];
  const comment = tokens[number.end];
  if (colon?.text !== ':' || comment?.type !== 'word' || !/^\p{Lu}/u.test(comment.text)) return false;
  const lineStart = ctx.text.lastIndexOf('\n', colon.start) + 1;
  const name = ctx.text.slice(lineStart, colon.start).trim().split(/\s+/);
  return name.length <= MAX_RATED_NAME_WORDS && name.every((word) => /^\p{Lu}/u.test(word));
}

// (555) 123-4567, 555-123-4567, +1 555 123 4567
export const PHONE_PATTERN = /(?:\+\d{1,3}[\s.-]?|\b1[\s.-])?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[.-]\d{4}\b/g;

// web addresses
const ADDRESS_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'”’)\]]+/gu;
// a percent-encoded character glued to a letter, digit or path mark before it (file%20name, a%2Fb)
const PERCENT_ENCODED_AT = /^[\p{L}\d/._-]%[0-9A-Fa-f]{2}$/u;

/**
 * Web addresses and the whole whitespace-free words holding a percent-encoded character, as
 * sorted disjoint ranges. Words are widened by hand from each match, never past the last range,
 * so text without spaces is still read once.
 */
export function findAddresses(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const add = (start: number, end: number): void => {
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  };
  const encoded = percentEncoded(text);
  const matches = [...findMatches(text, ADDRESS_PATTERN), ...encoded].sort((a, b) => a[0] - b[0]);
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

/** Percent-encoded characters glued to a word, looked for only where a '%' is (a regex scan would try every character). */
function percentEncoded(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let at = text.indexOf('%', 1); at >= 0; at = text.indexOf('%', at + 1)) {
    if (PERCENT_ENCODED_AT.test(text.slice(at - 1, at + 3))) ranges.push([at - 1, at + 3]);
  }
  return ranges;
}

export function findMatches(text: string, pattern: RegExp): [number, number][] {
  const ranges: [number, number][] = [];
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/** Sorted, disjoint text ranges looked up at rising offsets: numbers are scanned in order, so a cursor suffices. */
export class RangeCursor {
  private next = 0;
  constructor(private readonly ranges: [number, number][]) {}

  at(offset: number): [number, number] | null {
    while (this.next < this.ranges.length && (this.ranges[this.next] as [number, number])[1] <= offset) this.next++;
    const range = this.ranges[this.next];
    return range && range[0] <= offset ? range : null;
  }
}

/** After a number, the end of glued bracketed subsections the first of which is one letter ("(k)", "(c)(3)"); null without one. */
function subsectionEnd(ctx: ScanState, at: number): number | null {
  const tokens = ctx.tokens;
  let end = at;
  for (;;) {
    const [open, inner, close] = [tokens[end], tokens[end + 1], tokens[end + 2]];
    if (open?.text !== '(' || !inner || close?.text !== ')' || !glued(tokens[end - 1], open) || !glued(open, inner) || !glued(inner, close)) break;
    const letter = inner.type === 'word' && /^\p{Ll}$/u.test(inner.text);
    if (!letter && (end === at || inner.type !== 'num')) break;
    end += 3;
  }
  return end > at ? end : null;
}

import { isAgeUnit } from './ages.js';
import { HYPHENS, type ScanContext } from './context.js';
import type { NumberRead } from './numbers.js';
import { glued, type Token } from './tokens.js';
import { readScale, readUnit, startsCountedNoun } from './units.js';
import { nameWithStopAt } from '../text/names-with-stops.js';

/** Numbers that are part of a name ("Title 42", "Boeing 737") rather than figures. */

/** "Title 42", "Boeing 737", "Covid-19", "No. 10": a capitalised or label word right before the number. */
export function namePart(ctx: ScanContext, i: number): 'name' | 'sentence-initial' | 'none' {
  if (!isNamePart(ctx, i)) return 'none';
  let j = i - 1;
  if (ctx.rules.nameLabels.has(ctx.tokens[j]?.lower ?? '') || pluralLabelBeforeList(ctx, i) || ctx.tokens[j]?.text === '#' || ctx.tokens[j]?.text === '.') return 'name';
  if (HYPHENS.has(ctx.tokens[j]?.text ?? '')) return 'name';
  const before = ctx.tokens[j - 1];
  j--;
  const opensSentence = before === undefined || ['.', '!', '?', '"', '“', '(', ':', ';'].includes(before.text) || ctx.text.slice(before.end, (ctx.tokens[j + 1] as Token).start).includes('\n');
  return opensSentence ? 'sentence-initial' : 'name';
}

export function isNamePart(ctx: ScanContext, i: number): boolean {
  const tokens = ctx.tokens;
  let j = i - 1;
  let previous = tokens[j];
  if (previous && HYPHENS.has(previous.text) && glued(previous, tokens[i])) {
    j--;
    previous = tokens[j];
    if (!previous || !glued(previous, tokens[j + 1])) return false;
  }
  if (previous?.text === '#' ) return true;
  // "the ID. 3": a number after the mark inside a listed name is part of it
  if ((previous?.text === '.' || previous?.text === '!') && nameWithStopAt(j, (at) => tokens[at]?.text) !== undefined) return true;
  if (previous?.text === '.' && tokens[j - 1] && ctx.rules.nameLabels.has(`${(tokens[j - 1] as Token).lower}.`)) return true;
  if (!previous || previous.type !== 'word') return false;
  // "20C-25C": a unit glued to a number before the hyphen is that number's, not a name
  if (j < i - 1 && tokens[j - 1]?.type === 'num' && glued(tokens[j - 1], previous)) return false;
  if (ctx.rules.nameLabels.has(previous.lower) || pluralLabelBeforeList(ctx, i)) return true;
  // capitalised (Title, Boeing) or camel-cased (iPhone, iOS) words name things, where only names are capitalised
  if (!/\p{Lu}/u.test(previous.text) || (ctx.format.capitalisedNouns && !/^\p{Lu}{2,}/u.test(previous.text) && !/\p{Ll}\p{Lu}/u.test(previous.text))) return false;
  if (ctx.lex.sentenceWords.has(previous.lower) || ctx.rules.months.has(previous.lower.replace(/\.$/, ''))) return false;
  if (ctx.lex.numberWords.has(previous.lower)) return false;
  return true;
}

/**
 * "days one and four", "chapters 3 and 5", "games 6, 7": a plural label word before a list of
 * numbers names each of them. Only before a list: "within days 200 people had signed" counts.
 */
export function pluralLabelBeforeList(ctx: ScanContext, i: number): boolean {
  const { tokens } = ctx;
  const previous = tokens[i - 1];
  if (!previous || previous.type !== 'word' || !/\p{Ll}s$/u.test(previous.lower) || !ctx.rules.nameLabels.has(previous.lower.slice(0, -1))) return false;
  let at = i + 1;
  if (tokens[at]?.text === ',') at++;
  if (ctx.rules.conjunctions.has(tokens[at]?.lower ?? '')) at++;
  const listed = tokens[at];
  return at > i + 1 && listed !== undefined && (listed.type === 'num' || ctx.lex.numberWords.has(listed.lower));
}

/**
 * "Lamborghini's 640bhp", "Solar's 550 megawatt plant": after a capitalised word (not a label
 * such as "Route"), a number followed by a unit of measure other than time is measured, not named.
 */
export function measuredAfterName(ctx: ScanContext, number: NumberRead): boolean {
  const previous = ctx.tokens[number.start - 1];
  if (!previous || previous.type !== 'word' || ctx.rules.nameLabels.has(previous.lower)) return false;
  // "Israel's 9 billion shekels", "Toyota 5 million cars": a scale or a currency after the number makes it an amount
  if (readScale(ctx, number.end, false) !== null) return true;
  const unit = readUnit(ctx, number.end, false, false);
  if (unit?.currency === true) return true;
  // after a possessive the number is the owner's ("Apple's 2 billion users", "Kowalski's 3-month-old son"), not part of its name
  if (isPossessive(previous) && ((unit !== null && isAgeUnit(unit.unit)) || startsCountedNoun(ctx, number.end))) return true;
  return unit !== null && unit.kind === 'quantity' && ctx.lex.tables.units.byId.get(unit.ruleId)?.time !== true && !isAgeUnit(unit.unit);
}

/** "Apple's", "Stadia’s": a word that owns what follows it. */
export function isPossessive(token: Token | undefined): boolean {
  return token !== undefined && /['’]s$/u.test(token.text);
}

export function isInsideWord(ctx: ScanContext, i: number): boolean {
  const token = ctx.tokens[i];
  const previous = ctx.tokens[i - 1];
  return token !== undefined && previous !== undefined && previous.type === 'word' && glued(previous, token);
}

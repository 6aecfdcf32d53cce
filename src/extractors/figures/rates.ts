import { HYPHENS, matchPhrase, type ScanContext } from './context.js';
import { looksPlural, readCountedNoun, singularise } from './counted-nouns.js';
import { readNumber } from './numbers.js';
import { glued } from './tokens.js';
import { isQuoteForm, readDenominatorPower } from './units.js';

/** "per month", "/gallon", "a day", "each year". */
/** `counted`: the denominator has a number of its own, read here and not again. `money`: the figure is an amount of money. */
export function readRate(ctx: ScanContext, i: number, money = false): { per: string; end: number; ruleId: string; powerRuleId?: string; counted?: boolean } | null {
  const tokens = ctx.tokens;
  // "$6.99-a-month", "£24 a-year": the marker and its unit may be hyphenated
  const hyphenBefore = HYPHENS.has(tokens[i]?.text ?? '') && glued(tokens[i - 1], tokens[i]) && glued(tokens[i], tokens[i + 1]);
  const markerAt = hyphenBefore ? i + 1 : i;
  const marker = tokens[markerAt];
  if (!marker) return null;
  const row = ctx.lex.rateMarkers.get(marker.lower);
  if (!row) return null;
  if (marker.text === '/' && (hyphenBefore || !glued(tokens[markerAt - 1], marker))) return null;
  let at = markerAt + 1;
  if (HYPHENS.has(tokens[at]?.text ?? '') && glued(marker, tokens[at]) && glued(tokens[at], tokens[at + 1])) at++;
  if (row.object === 'any' && ctx.rules.rateSkip.has(tokens[at]?.lower ?? '')) at++;
  // "108 yen per dollar": a currency as the denominator is its code
  const currency = row.object === 'any' ? matchPhrase(ctx.lex.currencyWords, tokens, at, (value) => !value.requiresScale) : null;
  if (currency) return { per: currency.value.code, end: currency.end, ruleId: row.id };
  // a quotation mark is never a denominator ('9/11 a "new low"')
  const unit = matchPhrase(ctx.lex.units, tokens, at, (row, end) => !isQuoteForm(row, tokens, at, end));
  if (unit) {
    if (row.object === 'time' && !unit.value.time) return null;
    // "$40 a year ago": the unit dates the amount, it does not divide it
    if (row.notBefore.has(tokens[unit.end]?.lower ?? '')) return null;
    // "kg/m^3", "m/s2": the denominator raised to a power
    const power = readDenominatorPower(ctx, unit.end, unit.value.unit);
    if (power) return { per: `${power.prefix} ${unit.value.unit}`, end: power.end, ruleId: row.id, powerRuleId: 'pattern.unit-power' };
    return { per: unit.value.unit, end: unit.end, ruleId: row.id };
  }
  // "50 cents a share", "$1.10 a diluted share": nouns that only money is paid or earned by
  if (money && row.moneyNouns.size > 0) {
    const noun = readCountedNoun(ctx, at, true);
    const head = noun?.unit.split(' ').pop();
    if (noun && head !== undefined && row.moneyNouns.has(head)) return { per: noun.unit, end: noun.end, ruleId: row.id };
  }
  if (row.object !== 'any') return null;
  // "per 100,000 people": the denominator keeps its number ("100000 person"), "per 1,000 live births" its noun phrase
  const number = readNumber(tokens, at, ctx.lex);
  if (number) at = number.end;
  const word = tokens[at];
  if (!word || word.type !== 'word' || ctx.lex.stopWords.has(word.lower)) return null;
  // "per diluted share": the denominator is the noun phrase up to its head, not its first word
  const counted = readCountedNoun(ctx, at, number === null);
  const alias = ctx.lex.countedAliases.get(word.lower);
  const irregular = ctx.lex.irregularPlurals.get(word.lower);
  const noun = counted?.unit ?? alias?.unit ?? irregular?.singular ?? (looksPlural(word.lower) ? singularise(word.lower) : word.lower);
  const per = number && number.value !== 1 ? `${number.value} ${noun}` : noun;
  return { per, end: counted?.end ?? at + 1, ruleId: row.id, counted: number !== null };
}

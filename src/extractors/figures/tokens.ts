/**
 * A small tokenizer for number scanning: numbers, words (with dotted abbreviations such as
 * "U.S." and "a.m."), and single non-space characters. Offsets are string indices into the text.
 */
export type TokenType = 'num' | 'word' | 'sym';

export interface Token {
  text: string;
  /** Lower-cased text, for table lookups. */
  lower: string;
  start: number;
  end: number;
  type: TokenType;
  /** The number a 'num' token stands for, read in the text's number format; NaN otherwise. */
  value: number;
}

/** How a language writes numbers: its decimal mark and the marks that group thousands. */
export interface NumberFormat {
  /** Rule id of the format row (config/figures/number-formats.json). */
  id: string;
  decimal: string;
  group: readonly string[];
  /** Indian grouping (1,00,000) besides groups of three. */
  indianGrouping: boolean;
}

const ENGLISH_FORMAT: NumberFormat = { id: 'format.point-decimal', decimal: '.', group: [',', '\u00a0', '\u202f', '\u2009'], indianGrouping: true };

const escapeClass = (chars: readonly string[]): string => chars.map((char) => char.replace(/[\\\]^-]/g, '\\$&')).join('');
const escapeChar = (char: string): string => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns = new Map<string, RegExp>();

/**
 * Numbers in the format's writing (groups of three, optional decimals; a decimal mark right
 * after digits does not start a number of its own, so "1.2.3" reads as 1.2, ".", 3 and dotted
 * chains stay visible), then words (with dotted abbreviations such as "U.S." kept whole), then
 * any other non-space character as a symbol of its own.
 */
function tokenPattern(format: NumberFormat): RegExp {
  let pattern = patterns.get(format.id);
  if (pattern) return pattern;
  const group = `[${escapeClass(format.group)}]`;
  const decimal = escapeChar(format.decimal);
  const indian = format.indianGrouping ? `\\d{1,2}(?:${group}\\d{2})+${group}\\d{3}(?:${decimal}\\d+)?|` : '';
  const number = `${indian}\\d{1,3}(?:${group}\\d{3})+(?:${decimal}\\d+)?|\\d+(?:${decimal}\\d+)?|(?<!\\d)${decimal}\\d+`;
  pattern = new RegExp(`(${number})|((?:\\p{L}\\.){2,}|\\p{L}\\.\\p{L}|[\\p{L}\\p{M}]+(?:['’][\\p{L}]+)*)|(\\S)`, 'gu');
  patterns.set(format.id, pattern);
  return pattern;
}

/** The value of a number token written in `format`. */
function numberValue(text: string, format: NumberFormat): number {
  let plain = '';
  for (const char of text) {
    if (char === format.decimal) plain += '.';
    else if (!format.group.includes(char)) plain += char;
  }
  return Number(plain);
}

export function tokenize(text: string, from = 0, to = text.length, tokens: Token[] = [], format: NumberFormat = ENGLISH_FORMAT): Token[] {
  const pattern = tokenPattern(format);
  pattern.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null && match.index < to) {
    const value = match[0];
    const type: TokenType = match[1] !== undefined ? 'num' : match[2] !== undefined ? 'word' : 'sym';
    tokens.push({ text: value, lower: value.toLowerCase(), start: match.index, end: match.index + value.length, type, value: type === 'num' ? numberValue(value, format) : Number.NaN });
  }
  return tokens;
}

/** A word token that opens with a capital letter. */
export function capitalised(token: Token | undefined): token is Token {
  return token !== undefined && token.type === 'word' && /^\p{Lu}/u.test(token.text);
}

/** True when token b starts exactly where token a ends (no space between). */
export function glued(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** Never glued to anything: separates windows of text that were tokenized apart. */
const BARRIER: Token = { text: '', lower: '', start: -1, end: -2, type: 'sym', value: Number.NaN };

/**
 * Tokenizes only the windows of text around the places `trigger` matches (digits, number words),
 * `before`/`after` characters wide and widened to whitespace, with a barrier token between windows.
 * Most of an article's words are far from any number: this is what keeps scanning cheap.
 */
export function tokenizeAround(text: string, trigger: RegExp, before: number, after: number, format: NumberFormat = ENGLISH_FORMAT): Token[] {
  const tokens: Token[] = [];
  trigger.lastIndex = 0;
  let windowStart = -1;
  let windowEnd = -1;
  let match: RegExpExecArray | null;
  const flush = (): void => {
    if (windowStart < 0) return;
    if (tokens.length > 0) tokens.push(BARRIER);
    tokenize(text, windowStart, windowEnd, tokens, format);
  };
  while ((match = trigger.exec(text)) !== null) {
    // Widening to whitespace never walks back into the open window nor forward over text already
    // in it: in text without spaces ("1.1.1.1…") that would rescan the whole run for every digit.
    let start = Math.max(0, match.index - before);
    while (start > Math.max(0, windowEnd) && !isSpace(text, start - 1)) start--;
    let end = Math.min(text.length, match.index + match[0].length + after);
    if (end > windowEnd) while (end < text.length && !isSpace(text, end)) end++;
    if (start <= windowEnd) windowEnd = Math.max(windowEnd, end);
    else {
      flush();
      windowStart = start;
      windowEnd = end;
    }
    // every trigger widens the window, so a number near a window's end keeps its context after it
    if (match[0].length === 0) trigger.lastIndex++;
  }
  flush();
  return tokens;
}

function isSpace(text: string, index: number): boolean {
  return /\s/.test(text[index] as string);
}

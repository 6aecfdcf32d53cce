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
}

// Digits with optional thousands separators and decimals (a ".5" right after digits is not a
// decimal of its own: "1.2.3" reads as 1.2, ".", 3, so dotted chains stay visible); dotted abbreviations before plain
// words so "U.S." stays one token; any other non-space character is a symbol of its own.
const TOKEN_PATTERN = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<!\d)\.\d+)|((?:\p{L}\.){2,}|\p{L}\.\p{L}|[\p{L}\p{M}]+(?:['’][\p{L}]+)*)|(\S)/gu;

export function tokenize(text: string, from = 0, to = text.length, tokens: Token[] = []): Token[] {
  TOKEN_PATTERN.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = TOKEN_PATTERN.exec(text)) !== null && match.index < to) {
    const value = match[0];
    const type: TokenType = match[1] !== undefined ? 'num' : match[2] !== undefined ? 'word' : 'sym';
    tokens.push({ text: value, lower: value.toLowerCase(), start: match.index, end: match.index + value.length, type });
  }
  return tokens;
}

/** True when token b starts exactly where token a ends (no space between). */
export function glued(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** Never glued to anything: separates windows of text that were tokenized apart. */
const BARRIER: Token = { text: '', lower: '', start: -1, end: -2, type: 'sym' };

/**
 * Tokenizes only the windows of text around the places `trigger` matches (digits, number words),
 * `before`/`after` characters wide and widened to whitespace, with a barrier token between windows.
 * Most of an article's words are far from any number: this is what keeps scanning cheap.
 */
export function tokenizeAround(text: string, trigger: RegExp, before: number, after: number): Token[] {
  const tokens: Token[] = [];
  trigger.lastIndex = 0;
  let windowStart = -1;
  let windowEnd = -1;
  let match: RegExpExecArray | null;
  const flush = (): void => {
    if (windowStart < 0) return;
    if (tokens.length > 0) tokens.push(BARRIER);
    tokenize(text, windowStart, windowEnd, tokens);
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

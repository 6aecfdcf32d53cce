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

// Digits with optional thousands separators and decimals; dotted abbreviations before plain
// words so "U.S." stays one token; any other non-space character is a symbol of its own.
const TOKEN_PATTERN = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)|((?:\p{L}\.){2,}|\p{L}\.\p{L}|[\p{L}\p{M}]+(?:['’][\p{L}]+)*)|(\S)/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN_PATTERN.exec(text)) !== null) {
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

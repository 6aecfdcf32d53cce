/**
 * One tokenisation and sentence split per document, shared by the actor and attribution layers.
 * Everything here is a single left-to-right pass: no backtracking regexes over whole sentences,
 * so a 2 MB text without sentence breaks costs the same per character as a short article.
 */
import { nameWithStopAt } from './names-with-stops.js';

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token {
  text: string;
  /** Lower-cased text, with the curly apostrophe folded to the straight one. */
  lower: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** First character is an upper-case letter. */
  capitalized: boolean;
  /** Whitespace (or nothing) separates this token from the previous one; a newline counts. */
  newlineBefore: boolean;
  spaceBefore: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** Token index range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  /** Index of the paragraph (blank-line separated block) the sentence sits in. */
  paragraph: number;
}

export interface AnalyzedText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** For each token, the index of its sentence. */
  sentenceOf: Int32Array;
}

// Initialisms ("U.S.", "D.C."), words with inner apostrophes/hyphens/periods-free joins, numbers
// with separators, and single punctuation characters. The possessive "'s" is its own token.
// Three apostrophes closing a quotation inside a doubled-apostrophe one (",''' he said") are the
// inner mark, then the outer pair; opening ("'''We") they are the outer pair, then the inner mark.
const TOKEN_PATTERN =
  /'(?=''(?![\p{L}\p{N}]))|''|(?:\p{L}\.){2,}(?!\p{L})|['’]s(?![\p{L}\p{N}])|\p{L}[\p{L}\p{M}\p{N}]*(?:(?:['’](?!s(?![\p{L}\p{N}]))|[-&])[\p{L}\p{M}\p{N}]+)*|\p{N}+(?:[.,:]\p{N}+)*|[^\s\p{L}\p{N}]/uy;

const UPPER = /^\p{Lu}/u;
const SPACE = /\s/u;

/** Whether the code unit is white space as `\s` reads it. */
function isSpace(code: number, char: string): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return code >= 0xa0 && SPACE.test(char);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  let newlineBefore = false;
  let start = 0;
  // Every character but white space starts a token (the last alternative takes any other single
  // one), so each token is read where white space ends, with the pattern anchored there: no
  // search, and no match object per token.
  while (start < text.length) {
    const code = text.charCodeAt(start);
    if (isSpace(code, text[start] as string)) {
      if (code === 10) newlineBefore = true;
      start++;
      continue;
    }
    const end = tokenEnd(text, start);
    const value = text.slice(start, end);
    const first = value.charCodeAt(0);
    const kind: TokenKind = isLetterStart(value, first) ? 'word' : first >= 48 && first <= 57 ? 'number' : NUMBER_START.test(value) ? 'number' : 'punct';
    const lower = value.toLowerCase();
    tokens.push({
      text: value,
      lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower,
      start,
      end,
      kind,
      capitalized: kind === 'word' && (first < 128 ? first >= 65 && first <= 90 : UPPER.test(value)),
      newlineBefore,
      spaceBefore: start > previousEnd,
    });
    previousEnd = end;
    newlineBefore = false;
    start = end;
  }
  return tokens;
}

const APOSTROPHE = 0x27;
const PERIOD = 0x2e;
/** ASCII characters that may join a word to more of it ("it's", "U.S.", "e-mail", "AT&T") or a number to more digits ("3.5", "1,000", "9:30"). */
const WORD_JOINERS = new Set([APOSTROPHE, PERIOD, 0x2d, 0x26]);
const NUMBER_JOINERS = new Set([PERIOD, 0x2c, 0x3a]);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiLetterOrDigit(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Where the token starting at `start` ends. A run of ASCII letters and digits, or of digits, that
 * ends at an ASCII character joining nothing, and an ASCII mark other than the apostrophe, are
 * read without the pattern, which they would match the same way; the rest is left to it.
 */
function tokenEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (isAsciiLetterOrDigit(first)) {
    const number = isDigit(first);
    let end = start + 1;
    while (end < text.length && (number ? isDigit(text.charCodeAt(end)) : isAsciiLetterOrDigit(text.charCodeAt(end)))) end++;
    if (end === text.length) return end;
    const next = text.charCodeAt(end);
    // A period after one letter may be an initialism's ("U.S."); after more it joins nothing.
    const joins = number ? NUMBER_JOINERS.has(next) : WORD_JOINERS.has(next) && (next !== PERIOD || end === start + 1);
    if (next < 0x80 && !joins) return end;
  } else if (first < 0x80 && first !== APOSTROPHE) {
    return start + 1;
  }
  TOKEN_PATTERN.lastIndex = start;
  return TOKEN_PATTERN.test(text) ? TOKEN_PATTERN.lastIndex : start + 1;
}

const LETTER_START = /^\p{L}/u;
const NUMBER_START = /^\p{N}/u;

/** Letters, and the possessive "'s" token, are words. */
function isLetterStart(value: string, first: number): boolean {
  if (first < 128) return (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || ((first === 39) && value.length === 2 && value !== "''");
  if (first === 0x2019) return value.length > 1;
  return LETTER_START.test(value);
}

/** Words after which a period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gov', 'sen', 'rep', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'cmdr', 'st', 'sr', 'jr', 'rev', 'hon', 'pres',
  'drs', 'profs', 'govs', 'sens', 'reps', 'gens', 'cpl', 'pvt', 'det', 'insp', 'supt', 'fr', 'msgr',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co', 'mt', 'ft', 'ave', 'e.g', 'i.e',
]);

/** Abbreviations that close a name ("Acme Inc.", "Martin Luther King Jr."): before a sentence opener ("Inc. The …") the sentence ends there. */
const NAME_SUFFIXES = new Set(['inc', 'corp', 'ltd', 'co', 'jr', 'sr', 'etc']);

/** Words that, capitalised after an initialism like "U.S.", an abbreviation closing a name or a lone capital letter, show a new sentence began. */
const SENTENCE_OPENERS = new Set(['the', 'but', 'and', 'in', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'that', 'there', 'those', 'these', 'his', 'her', 'their', 'on', 'at', 'for', 'as', 'while', 'when', 'if', 'so', 'yet', 'still', 'after', 'before', 'during', 'however', 'meanwhile']);

const CLOSERS = new Set(['"', '”', "'", "''", '’', ')', ']', '»']);
const TERMINATORS = new Set(['.', '!', '?']);
/** A sentence longer than this many tokens is cut: rules look at bounded windows only. */
const MAX_SENTENCE_TOKENS = 400;

function splitSentences(text: string, tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  const textAt = (at: number): string | undefined => tokens[at]?.text;
  let paragraph = 0;
  let begin = 0;
  const close = (endToken: number): void => {
    if (endToken <= begin) return;
    const first = tokens[begin] as Token;
    const last = tokens[endToken - 1] as Token;
    sentences.push({ start: first.start, end: last.end, tokenStart: begin, tokenEnd: endToken, paragraph });
    begin = endToken;
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (index > begin && token.newlineBefore) {
      close(index);
      if (/\n\s*\n/.test(text.slice((tokens[index - 1] as Token).end, token.start))) paragraph++;
    } else if (index === begin && token.newlineBefore && index > 0 && /\n\s*\n/.test(text.slice((tokens[index - 1] as Token).end, token.start))) {
      paragraph++;
    }
    if (index - begin >= MAX_SENTENCE_TOKENS) close(index);
    const isTerminator = token.kind === 'punct' && TERMINATORS.has(token.text);
    const isInitialism = token.kind === 'word' && token.text.endsWith('.');
    if (!isTerminator && !isInitialism) continue;
    let end = index + 1;
    while (end < tokens.length && CLOSERS.has((tokens[end] as Token).text) && !(tokens[end] as Token).spaceBefore) end++;
    const next = tokens[end];
    if (next === undefined) continue;
    if (!next.spaceBefore || next.newlineBefore) continue; // "3.5", or the newline rule closes it
    const nextOpensSentence = next.capitalized || /^["“‘'(]/.test(next.text) || next.kind === 'number';
    if (!nextOpensSentence) continue;
    // "the ID. 3", "Yahoo! News": a mark inside a listed name ends no sentence.
    if (isTerminator && end === index + 1 && nameWithStopAt(index, textAt) !== undefined) continue;
    if (isTerminator && token.text === '.') {
      const previous = tokens[index - 1];
      const opener = SENTENCE_OPENERS.has(next.lower);
      // "No." abbreviates "number" only before one ("No. 1"): "he kept saying no. Then …" ends there.
      const numberSign = previous?.lower === 'no' && next.kind !== 'number';
      if (previous && !token.spaceBefore && ABBREVIATIONS.has(previous.lower) && previous.text.length <= 5 && !numberSign && !(opener && NAME_SUFFIXES.has(previous.lower))) continue;
      // A case name ("Roe v. Wade", "Whole Woman's Health v. Hellerstedt"): a lower-case "v." joins two names.
      if (previous && !token.spaceBefore && previous.text === 'v' && previous.spaceBefore && tokens[index - 2]?.capitalized && !opener) continue;
      // "ORLANDO, Fla. (Reuters) - …": a bracket after a short abbreviation that follows a place and a comma holds the
      // dateline's agency; the abbreviation is the place's state, not a sentence's end.
      if (previous && !token.spaceBefore && next.text === '(' && previous.kind === 'word' && previous.capitalized && previous.text.length <= 5 && tokens[index - 2]?.text === ',' && tokens[index - 3]?.capitalized) continue;
      // "John F. Kerry"; but "the Xbox One X. So …" and "native 4K. Google …" end there
      if (previous && !token.spaceBefore && previous.kind === 'word' && previous.text.length === 1 && previous.capitalized && previous.spaceBefore && !opener) continue;
    }
    if (isInitialism && !SENTENCE_OPENERS.has(next.lower)) continue; // "U.S. officials", "U.S. Border Patrol"
    close(end);
    index = end - 1;
  }
  close(tokens.length);
  return sentences;
}

export function analyzeText(text: string): AnalyzedText {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const sentenceOf = new Int32Array(tokens.length);
  sentences.forEach((sentence, index) => {
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) sentenceOf[t] = index;
  });
  return { text, tokens, sentences, sentenceOf };
}

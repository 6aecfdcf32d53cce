/**
 * Rule patterns are written with `\b`, and most are case-insensitive Unicode patterns (flags
 * `iu`). V8 compiles `\b` under `iu` into a pair of alternative lookarounds, and a pattern that
 * starts with one can no longer skip ahead to the positions where its first word could begin: it
 * runs its whole matcher at every character of the text, many times slower than the same pattern
 * without the `\b`.
 *
 * Where the pattern itself guarantees that the next character is a word character (a letter,
 * digit or underscore literal, `\d`, `\w`, such a class, or a group whose every alternative begins
 * with one), a boundary there means only "the previous character is not a word character":
 * `(?<!\w)`, which matches exactly the same and keeps the fast start. Every other `\b` is left as
 * written.
 */
export function withFastWordBoundaries(source: string): string {
  let out = '';
  let index = 0;
  let inClass = false;
  while (index < source.length) {
    const char = source[index] as string;
    if (char === '\\') {
      const escaped = source.slice(index, index + 2);
      if (!inClass && escaped === '\\b' && startsWithWordChar(source, index + 2)) out += '(?<!\\w)';
      else out += escaped;
      index += 2;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    out += char;
    index++;
  }
  return out;
}

const WORD_LITERAL = /[A-Za-z0-9_]/;
/** Class members that are word characters, whatever the case folding: ranges inside 0-9, A-Z, a-z, `_`, `\d`, `\w`. */
const WORD_CLASS_BODY = /^(?:[0-9](?:-[0-9])?|[A-Z](?:-[A-Z])?|[a-z](?:-[a-z])?|_|\\d|\\w)+$/;

/** Whether every match of the pattern from `index` on begins with a word character. */
function startsWithWordChar(source: string, index: number): boolean {
  const term = termAt(source, index);
  return term !== undefined && term.word && !optionalAfter(source, term.end);
}

interface Term {
  /** Whether the term always consumes a word character first. */
  word: boolean;
  end: number;
}

function termAt(source: string, index: number): Term | undefined {
  const char = source[index];
  if (char === undefined) return undefined;
  if (char === '\\') {
    const escaped = source[index + 1];
    return { word: escaped === 'd' || escaped === 'w', end: index + 2 };
  }
  if (char === '[') {
    const end = classEnd(source, index);
    if (end < 0) return undefined;
    return { word: WORD_CLASS_BODY.test(source.slice(index + 1, end)), end: end + 1 };
  }
  if (char === '(') {
    const end = groupEnd(source, index);
    if (end < 0) return undefined;
    const bodyStart = groupBodyStart(source, index);
    if (bodyStart < 0) return { word: false, end: end + 1 };
    const alternatives = topLevelAlternatives(source, bodyStart, end);
    return { word: alternatives.every((start) => start < end && startsWithWordChar(source, start) && source[start] !== '|'), end: end + 1 };
  }
  return { word: WORD_LITERAL.test(char), end: index + 1 };
}

/** Whether a quantifier at `index` lets the term match nothing. */
function optionalAfter(source: string, index: number): boolean {
  const next = source[index];
  return next === '?' || next === '*' || (next === '{' && /^\{0[,}]/.test(source.slice(index, index + 3)));
}

/** The index of the `]` closing the class opened at `index`, or -1. */
function classEnd(source: string, index: number): number {
  for (let at = index + 1; at < source.length; at++) {
    if (source[at] === '\\') at++;
    else if (source[at] === ']') return at;
  }
  return -1;
}

/** The index of the `)` closing the group opened at `index`, or -1. */
function groupEnd(source: string, index: number): number {
  let depth = 0;
  for (let at = index; at < source.length; at++) {
    const char = source[at];
    if (char === '\\') at++;
    else if (char === '[') {
      at = classEnd(source, at);
      if (at < 0) return -1;
    } else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return at;
  }
  return -1;
}

/** Where a group's body starts: after `(`, `(?:` or `(?<name>`; -1 for lookarounds, which consume nothing. */
function groupBodyStart(source: string, index: number): number {
  if (source[index + 1] !== '?') return index + 1;
  if (source[index + 2] === ':') return index + 3;
  if (source[index + 2] === '<' && source[index + 3] !== '=' && source[index + 3] !== '!') {
    const close = source.indexOf('>', index);
    return close < 0 ? -1 : close + 1;
  }
  return -1;
}

/** The start of each top-level alternative of the group body from `start` to `end`. */
function topLevelAlternatives(source: string, start: number, end: number): number[] {
  const starts = [start];
  for (let at = start; at < end; at++) {
    const char = source[at];
    if (char === '\\') at++;
    else if (char === '[') at = classEnd(source, at);
    else if (char === '(') at = groupEnd(source, at);
    else if (char === '|') starts.push(at + 1);
  }
  return starts;
}

/**
 * The literal text a phrase pattern cannot match without: read from the pattern itself, so a
 * block can be ruled out for a pattern by a plain substring search before the (much slower)
 * `iu` expression runs. Sound by construction: whatever the analysis cannot read (a class
 * escape, a backreference, syntax it does not know) only weakens what it derives, down to
 * "no requirement", never into a wrong one.
 */

/**
 * One thing a whole-text match of a pattern (or of one of its top-level alternatives) shows, in
 * case-folded literals (`foldCase`): the text is one of `texts` (`whole`), starts with one
 * (`prefix`), or contains one (`contains`).
 */
export interface LiteralCondition {
  kind: 'whole' | 'prefix' | 'contains';
  texts: readonly string[];
}

/** Sets of strings larger than this are given up on (cross products grow fast). */
const SET_LIMIT = 64;

/** Literals are cut to this many characters: longer ones rule out hardly more blocks. */
const LITERAL_CHARS = 8;

/**
 * Characters whose `toLowerCase()` differs from how an `iu` expression compares them (Unicode
 * simple case folding): the long s matches `s`, the final sigma `σ`, the micro sign `μ`
 * and so on. Folding them too keeps a literal search from missing a text the expression matches.
 */
const FOLD_EXCEPTIONS: Readonly<Record<string, string>> = {
  '\u00b5': '\u03bc', '\u017f': 's', '\u0345': '\u03b9', '\u03c2': '\u03c3', '\u03d0': '\u03b2', '\u03d1': '\u03b8',
  '\u03d5': '\u03c6', '\u03d6': '\u03c0', '\u03f0': '\u03ba', '\u03f1': '\u03c1', '\u03f5': '\u03b5', '\u1c80': '\u0432',
  '\u1c81': '\u0434', '\u1c82': '\u043e', '\u1c83': '\u0441', '\u1c84': '\u0442', '\u1c85': '\u0442', '\u1c86': '\u044a',
  '\u1c87': '\u0463', '\u1c88': '\ua64b', '\u1e9b': '\u1e61', '\u1fbe': '\u03b9', '\u1fd3': '\u0390', '\u1fe3': '\u03b0',
  '\ufb05': '\ufb06',
};

const FOLD_EXCEPTION = new RegExp(`[${Object.keys(FOLD_EXCEPTIONS).join('')}]`, 'u');
const FOLD_EXCEPTIONS_ALL = new RegExp(FOLD_EXCEPTION.source, 'gu');

/** Lower case as `iu` expressions compare letters: equal under the expression, equal here. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return FOLD_EXCEPTION.test(lower) ? lower.replace(FOLD_EXCEPTIONS_ALL, (char) => FOLD_EXCEPTIONS[char] as string) : lower;
}

/**
 * For a pattern that must match a whole text (as written for `new RegExp(`^(?:${pattern})$`, 'iu')`),
 * conditions one of which every matching text meets; null when nothing is known (any text may match).
 */
export function patternConditions(pattern: string): readonly LiteralCondition[] | null {
  // Many alternatives are plain words: the whole text must be those words.
  if (!SYNTAX_CHARACTER.test(pattern)) return [{ kind: 'whole', texts: [foldCase(pattern)] }];
  let info: Info;
  try {
    const parser = new PatternReader(pattern);
    info = parser.disjunction();
    if (!parser.done()) return null;
  } catch {
    return null;
  }
  return conditionsOf(info);
}

/**
 * The top-level alternatives of a pattern (`a|b(c|d)|[|]` → `a`, `b(c|d)`, `[|]`): split where a
 * `|` stands outside every group and class and is not escaped. Patterns here use no backreferences,
 * so each alternative is a pattern of its own.
 */
export function topLevelAlternatives(pattern: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') index++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      alternatives.push(pattern.slice(start, index));
      start = index + 1;
    }
  }
  alternatives.push(pattern.slice(start));
  return alternatives;
}

/** Each top-level alternative is judged on its own: one that is a literal need not rule out the rest. */
function conditionsOf(info: Info): LiteralCondition[] | null {
  if (info.exact !== null) return [{ kind: 'whole', texts: [...info.exact] }];
  if (info.branches !== undefined) {
    const conditions: LiteralCondition[] = [];
    for (const branch of info.branches) {
      const own = conditionsOf(branch);
      if (own === null) return null;
      conditions.push(...own);
    }
    return conditions;
  }
  const start = info.start === null || info.start.has('') ? null : withoutLongerPrefixes(cut(info.start));
  const need = requirementOf(info);
  if (start !== null && (need === null || shortestOf(start) >= Math.min(shortestOf(need), 2))) return [{ kind: 'prefix', texts: [...start] }];
  return need === null ? null : [{ kind: 'contains', texts: [...need] }];
}

/** What the analysis knows of one piece of a pattern. */
interface Info {
  /** Every string the piece matches, when finite and small. */
  exact: ReadonlySet<string> | null;
  /** Literals one of which every match of the piece contains (beyond what `exact` says). */
  need: ReadonlySet<string> | null;
  /** Literals one of which every match of the piece starts with (beyond what `exact` says). */
  start: ReadonlySet<string> | null;
  /** The alternatives of a disjunction (or of a group that is the whole piece), each a whole match. */
  branches?: readonly Info[];
}

const UNKNOWN: Info = { exact: null, need: null, start: null };
const EMPTY: Info = { exact: new Set(['']), need: null, start: null };

/** Escapes that stand for themselves (syntax characters and `/`, as the `u` flag allows). */
const IDENTITY_ESCAPES = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/', '-']);
const SYNTAX_CHARACTER = /[\^$\\.*+?()[\]{}|]/;
const NEXT_SYNTAX_CHARACTER = new RegExp(SYNTAX_CHARACTER.source, 'g');
const QUANTIFIER_STARTS = new Set(['*', '+', '?', '{']);
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', 0: '\0' };

/** A recursive-descent reader of the expression syntax the `u` flag allows. Throws on what it does not know. */
class PatternReader {
  private index = 0;

  constructor(private readonly source: string) {}

  done(): boolean {
    return this.index >= this.source.length;
  }

  disjunction(): Info {
    const alternatives = [this.alternative()];
    while (this.peek() === '|') {
      this.index++;
      alternatives.push(this.alternative());
    }
    return alternatives.length === 1 ? (alternatives[0] as Info) : alternation(alternatives);
  }

  private alternative(): Info {
    const items: Info[] = [];
    while (!this.done() && this.peek() !== '|' && this.peek() !== ')') items.push(this.term());
    return sequence(items);
  }

  private term(): Info {
    const run = this.literalRun();
    if (run !== null) return run;
    const char = this.peek();
    if (char === '^' || char === '$') {
      this.index++;
      return EMPTY;
    }
    if (char === '\\' && (this.source[this.index + 1] === 'b' || this.source[this.index + 1] === 'B')) {
      this.index += 2;
      return EMPTY;
    }
    const atom = this.atom();
    return this.quantified(atom);
  }

  /**
   * Plain characters up to the next syntax character, as one literal: most of a phrase pattern
   * is words. The last character stays out when a quantifier follows it.
   */
  private literalRun(): Info | null {
    const start = this.index;
    NEXT_SYNTAX_CHARACTER.lastIndex = start;
    let end = NEXT_SYNTAX_CHARACTER.exec(this.source)?.index ?? this.source.length;
    if (end < this.source.length && QUANTIFIER_STARTS.has(this.source[end] as string)) {
      end--;
      // Keep a surrogate pair together.
      if (end > start && /[\udc00-\udfff]/.test(this.source[end] as string)) end--;
    }
    if (end - start < 2) return null;
    this.index = end;
    return { exact: new Set([foldCase(this.source.slice(start, end))]), need: null, start: null };
  }

  private atom(): Info {
    const char = this.next();
    switch (char) {
      case '.':
        return UNKNOWN;
      case '[':
        return this.characterClass();
      case '(':
        return this.group();
      case '\\':
        return this.atomEscape();
      case '*': case '+': case '?': case '{': case '}': case ')': case ']': case '|':
        throw new Error(`unexpected "${char}"`);
      default:
        return literal(char);
    }
  }

  private group(): Info {
    let lookaround: 'ahead' | 'behind' | 'negative' | null = null;
    if (this.source.startsWith('?:', this.index)) this.index += 2;
    else if (this.source.startsWith('?=', this.index)) {
      this.index += 2;
      lookaround = 'ahead';
    }
    else if (this.source.startsWith('?<=', this.index)) {
      this.index += 3;
      lookaround = 'behind';
    }
    else if (this.source.startsWith('?!', this.index) || this.source.startsWith('?<!', this.index)) {
      this.index += this.source[this.index + 1] === '!' ? 2 : 3;
      lookaround = 'negative';
    }
    else if (this.source.startsWith('?<', this.index)) {
      const end = this.source.indexOf('>', this.index);
      if (end === -1) throw new Error('unterminated group name');
      this.index = end + 1;
    }
    else if (this.peek() === '?') throw new Error('unknown group kind');
    const inner = this.disjunction();
    if (this.next() !== ')') throw new Error('unterminated group');
    if (lookaround === null) return inner;
    // Zero-width: the text around it is still contiguous; a positive look-around's own match is in the text too.
    return { exact: EMPTY.exact, need: lookaround === 'negative' ? null : requirementOf(inner), start: null };
  }

  private atomEscape(): Info {
    const char = this.next();
    if (IDENTITY_ESCAPES.has(char)) return literal(char);
    if (char in CONTROL_ESCAPES && !(char === '0' && /\d/.test(this.peek()))) return literal(CONTROL_ESCAPES[char] as string);
    if (char === 'x' || char === 'u') return literal(this.codeEscape(char));
    if (char === 'p' || char === 'P') {
      this.skipPropertyName();
      return UNKNOWN;
    }
    if ('dDwWsS'.includes(char) || /[1-9]/.test(char)) return UNKNOWN;
    throw new Error(`unknown escape "\\${char}"`);
  }

  private codeEscape(kind: 'x' | 'u'): string {
    if (kind === 'u' && this.peek() === '{') {
      const end = this.source.indexOf('}', this.index);
      if (end === -1) throw new Error('unterminated \\u{…}');
      const code = parseInt(this.source.slice(this.index + 1, end), 16);
      this.index = end + 1;
      return String.fromCodePoint(code);
    }
    const digits = kind === 'x' ? 2 : 4;
    const hex = this.source.slice(this.index, this.index + digits);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw new Error('bad code escape');
    this.index += digits;
    const code = parseInt(hex, 16);
    // A surrogate pair written as two \u escapes: give up rather than split it.
    if (code >= 0xd800 && code <= 0xdfff) throw new Error('surrogate escape');
    return String.fromCharCode(code);
  }

  private skipPropertyName(): void {
    if (this.peek() !== '{') throw new Error('bad property escape');
    const end = this.source.indexOf('}', this.index);
    if (end === -1) throw new Error('unterminated property escape');
    this.index = end + 1;
  }

  /** A class of a few plain characters is their set; anything else (ranges, negation, escapes like \w) is unknown. */
  private characterClass(): Info {
    const negated = this.peek() === '^';
    if (negated) this.index++;
    const chars = new Set<string>();
    let plain = !negated;
    while (this.peek() !== ']') {
      const char = this.classAtom();
      if (this.peek() === '-' && this.source[this.index + 1] !== ']') {
        this.index++;
        this.classAtom();
        plain = false;
      }
      else if (char === null) plain = false;
      else chars.add(foldCase(char));
    }
    this.index++;
    return plain && chars.size > 0 && chars.size <= SET_LIMIT ? { exact: chars, need: null, start: null } : UNKNOWN;
  }

  /** One character of a class, or null for a class escape (\w, \p{…}). */
  private classAtom(): string | null {
    const char = this.next();
    if (char !== '\\') return char;
    const escaped = this.next();
    if (IDENTITY_ESCAPES.has(escaped)) return escaped;
    if (escaped in CONTROL_ESCAPES) return CONTROL_ESCAPES[escaped] as string;
    if (escaped === 'b') return '\b';
    if (escaped === 'x' || escaped === 'u') return this.codeEscape(escaped);
    if (escaped === 'p' || escaped === 'P') {
      this.skipPropertyName();
      return null;
    }
    if ('dDwWsS'.includes(escaped)) return null;
    throw new Error(`unknown class escape "\\${escaped}"`);
  }

  private quantified(atom: Info): Info {
    let min: number;
    let max: number;
    const char = this.peek();
    if (char === '*' || char === '+' || char === '?') {
      this.index++;
      min = char === '+' ? 1 : 0;
      max = char === '?' ? 1 : Infinity;
    }
    else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.index));
      if (!match) throw new Error('bad quantifier');
      this.index += match[0].length;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    }
    else return atom;
    if (this.peek() === '?') this.index++; // lazy: the same texts
    return repetition(atom, min, max);
  }

  private peek(): string {
    return this.source[this.index] ?? '';
  }

  /** The next code point (a surrogate pair stays whole). */
  private next(): string {
    if (this.done()) throw new Error('unexpected end');
    const char = String.fromCodePoint(this.source.codePointAt(this.index) as number);
    this.index += char.length;
    return char;
  }
}

function literal(char: string): Info {
  return { exact: new Set([foldCase(char)]), need: null, start: null };
}

function alternation(alternatives: readonly Info[]): Info {
  let exact: Set<string> | null = new Set();
  const need = new Set<string>();
  let needKnown = true;
  let start: Set<string> | null = new Set();
  for (const alternative of alternatives) {
    if (exact !== null && alternative.exact !== null && exact.size + alternative.exact.size <= SET_LIMIT) for (const text of alternative.exact) exact.add(text);
    else exact = null;
    const own = requirementOf(alternative);
    if (own === null) needKnown = false;
    else for (const text of own) need.add(text);
    const ownStart = startOf(alternative);
    if (start !== null && ownStart !== null && start.size + ownStart.size <= SET_LIMIT) for (const text of ownStart) start.add(text);
    else start = null;
  }
  return { exact, need: needKnown ? need : null, start, branches: alternatives };
}

/** Consecutive pieces: runs of exactly known pieces join into longer literals. */
function sequence(items: readonly Info[]): Info {
  if (items.length === 1) return items[0] as Info;
  const candidates: ReadonlySet<string>[] = [];
  let run: ReadonlySet<string> = EMPTY.exact as ReadonlySet<string>;
  let wholeKnown = true;
  const flush = (): void => {
    if (!run.has('')) candidates.push(run);
  };
  for (const item of items) {
    if (item.need !== null) candidates.push(item.need);
    if (item.exact !== null && item.exact.size > 1) candidates.push(item.exact);
    if (item.exact === null) {
      flush();
      run = EMPTY.exact as ReadonlySet<string>;
      wholeKnown = false;
    }
    else if (run.size * item.exact.size > SET_LIMIT) {
      flush();
      run = item.exact;
      wholeKnown = false;
    }
    else run = product(run, item.exact);
  }
  flush();
  return { exact: wholeKnown ? run : null, need: strongest(candidates), start: leadingLiterals(items) };
}

function repetition(atom: Info, min: number, max: number): Info {
  let exact: Set<string> | null = null;
  if (atom.exact !== null && max !== Infinity && max <= SET_LIMIT) {
    exact = new Set();
    let power: ReadonlySet<string> = EMPTY.exact as ReadonlySet<string>;
    for (let count = 0; count <= max && exact !== null; count++) {
      if (count >= min) for (const text of power) exact.add(text);
      if (exact.size > SET_LIMIT) exact = null;
      else if (count < max) {
        if (power.size * atom.exact.size > SET_LIMIT) exact = null;
        else power = product(power, atom.exact);
      }
    }
  }
  return { exact, need: min >= 1 ? requirementOf(atom) : null, start: min >= 1 ? startOf(atom) : null };
}

/** What a sequence starts with: its exactly known leading pieces, then how the next one starts. */
function leadingLiterals(items: readonly Info[]): ReadonlySet<string> {
  let start: ReadonlySet<string> = EMPTY.exact as ReadonlySet<string>;
  for (const item of items) {
    if (item.exact !== null && start.size * item.exact.size <= SET_LIMIT) {
      start = product(start, item.exact);
      continue;
    }
    const next = item.exact ?? item.start;
    if (next !== null && start.size * next.size <= SET_LIMIT) start = product(start, next);
    break;
  }
  return start;
}

function startOf(info: Info): ReadonlySet<string> | null {
  return info.exact ?? info.start;
}

function cut(texts: ReadonlySet<string>): ReadonlySet<string> {
  const result = new Set<string>();
  for (const text of texts) result.add(text.length > LITERAL_CHARS ? text.slice(0, LITERAL_CHARS) : text);
  return result;
}

/** "(afp" makes "(afp)" redundant as a start. */
function withoutLongerPrefixes(texts: ReadonlySet<string>): ReadonlySet<string> {
  const sorted = [...texts].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const text of sorted) if (!kept.some((shorter) => text.startsWith(shorter))) kept.push(text);
  return new Set(kept);
}

function shortestOf(texts: ReadonlySet<string>): number {
  let shortest = Infinity;
  for (const text of texts) shortest = Math.min(shortest, text.length);
  return shortest;
}

function product(left: ReadonlySet<string>, right: ReadonlySet<string>): ReadonlySet<string> {
  const result = new Set<string>();
  for (const a of left) for (const b of right) result.add(a + b);
  return result;
}

/** The best requirement a piece gives: its own `need`, or its exact texts when none is empty. */
function requirementOf(info: Info): ReadonlySet<string> | null {
  const candidates: ReadonlySet<string>[] = [];
  if (info.need !== null) candidates.push(info.need);
  if (info.exact !== null && !info.exact.has('')) candidates.push(info.exact);
  return strongest(candidates);
}

/**
 * Of several requirements that all hold, the most selective: the one whose shortest literal is
 * longest, up to `LITERAL_CHARS`, then the one with fewer literals. Each literal is cut to its
 * first `LITERAL_CHARS` characters (still required, and variants like "lesen sie auch" and
 * "lesen sie mehr" become one), and literals that contain another of the set are dropped.
 */
function strongest(candidates: readonly ReadonlySet<string>[]): ReadonlySet<string> | null {
  let best: ReadonlySet<string> | null = null;
  let bestShortest = 0;
  for (const candidate of candidates) {
    if (candidate.size === 0 || candidate.has('')) continue;
    const cut = new Set<string>();
    let shortest = Infinity;
    for (const text of candidate) {
      const prefix = text.length > LITERAL_CHARS ? text.slice(0, LITERAL_CHARS) : text;
      cut.add(prefix);
      shortest = Math.min(shortest, prefix.length);
    }
    if (best === null || shortest > bestShortest || (shortest === bestShortest && cut.size < best.size)) {
      best = cut;
      bestShortest = shortest;
    }
  }
  return best === null ? null : withoutSuperstrings(best);
}

function withoutSuperstrings(texts: ReadonlySet<string>): ReadonlySet<string> {
  const sorted = [...texts].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const text of sorted) if (!kept.some((shorter) => text.includes(shorter))) kept.push(text);
  return new Set(kept);
}

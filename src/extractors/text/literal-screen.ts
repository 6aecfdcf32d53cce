import { ClaimfeedError } from '../../errors.js';
import { foldCase, patternConditions } from '../strip/pattern-literals.js';

/**
 * Which of a table's patterns can match somewhere in a text, told in one pass over the
 * case-folded text: a pattern is a candidate when the text contains one of the literals it cannot
 * match without (see pattern-literals.ts), or when none is known of it. Only candidates need
 * their expression run; the screen never rules out a pattern that would match.
 *
 * The literals are searched all at once (Aho-Corasick): one table step per character, however
 * many literals and patterns there are.
 */
export class LiteralScreen {
  /** 1 for the patterns no literal is known of: always candidates. */
  private readonly always: Uint8Array;
  /** Code unit → its column in `next`; 0 for a character no literal holds. */
  private readonly columnOf = new Uint16Array(0x10000);
  private readonly columns: number;
  /** `next[state * columns + column]`: the state after reading a character in a state (state 0: nothing read). */
  private readonly next: Uint16Array;
  /** Bits per state (`words` 32-bit words each): the patterns one of whose literals ends there. */
  private readonly ends: Int32Array;
  private readonly words: number;
  /** Bits of the patterns one of whose literals the text last read holds (kept, not allocated per text). */
  private readonly seen: Int32Array;

  /** `sources` are expressions as compiled (flags `u` or `iu`), each for a search anywhere in a text. */
  constructor(sources: readonly string[]) {
    this.always = new Uint8Array(sources.length);
    const trie = new LiteralTrie();
    sources.forEach((source, index) => {
      const literals = searchLiterals(source);
      if (literals === null) this.always[index] = 1;
      else for (const literal of literals) trie.add(literal, index);
    });
    trie.alphabet.forEach((code, column) => (this.columnOf[code] = column + 1));
    this.columns = trie.alphabet.length + 1;
    this.words = Math.ceil(sources.length / 32);
    this.seen = new Int32Array(this.words);
    const { next, ends } = trie.automaton(this.columnOf, this.columns, this.words);
    this.next = next;
    this.ends = ends;
  }

  /** Reads a text: until the next read, `mayMatch` answers for it. */
  read(text: string): void {
    const folded = foldCase(text);
    const { columnOf, columns, next, ends, words } = this;
    const seen = this.seen.fill(0);
    let state = 0;
    for (let at = 0; at < folded.length; at++) {
      state = next[state * columns + (columnOf[folded.charCodeAt(at)] as number)] as number;
      for (let word = 0; word < words; word++) seen[word] = (seen[word] as number) | (ends[state * words + word] as number);
    }
  }

  /** Whether the pattern `index` may match the text last read. */
  mayMatch(index: number): boolean {
    return this.always[index] === 1 || ((((this.seen[index >> 5] as number) >>> (index & 31)) & 1) === 1);
  }
}

/** The literals as a trie of code units, before it is turned into the search automaton. */
class LiteralTrie {
  readonly alphabet: number[] = [];
  private readonly children: Array<Map<number, number>> = [new Map()];
  private readonly own: Array<Set<number>> = [new Set()];

  add(literal: string, pattern: number): void {
    let node = 0;
    for (let at = 0; at < literal.length; at++) {
      const code = literal.charCodeAt(at);
      if (!this.alphabet.includes(code)) this.alphabet.push(code);
      let child = (this.children[node] as Map<number, number>).get(code);
      if (child === undefined) {
        child = this.children.push(new Map()) - 1;
        this.own.push(new Set());
        (this.children[node] as Map<number, number>).set(code, child);
      }
      node = child;
    }
    (this.own[node] as Set<number>).add(pattern);
  }

  /**
   * The complete transition table (breadth first: a state's fallback, the longest proper suffix of
   * its text that is also in the trie, is done before it), and per state the bits of the patterns
   * of every literal ending there, its own and its fallbacks'.
   */
  automaton(columnOf: Uint16Array, columns: number, words: number): { next: Uint16Array; ends: Int32Array } {
    // Two bytes a step keep the table small enough to stay in cache between texts.
    if (this.children.length > 0x10000) throw new ClaimfeedError('RULE_TABLE_INVALID', `${this.children.length} literal states: at most ${0x10000} can be screened`);
    const next = new Uint16Array(this.children.length * columns);
    const ends = new Int32Array(this.children.length * words);
    const fallback = new Int32Array(this.children.length);
    const queue: number[] = [];
    for (const [code, child] of this.children[0] as Map<number, number>) {
      next[columnOf[code] as number] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      const back = fallback[state] as number;
      for (let column = 0; column < columns; column++) next[state * columns + column] = next[back * columns + column] as number;
      for (const [code, child] of this.children[state] as Map<number, number>) {
        fallback[child] = next[back * columns + (columnOf[code] as number)] as number;
        next[state * columns + (columnOf[code] as number)] = child;
        queue.push(child);
      }
      for (let word = 0; word < words; word++) ends[state * words + word] = ends[back * words + word] as number;
      for (const pattern of this.own[state] as Set<number>) ends[state * words + (pattern >> 5)] = (ends[state * words + (pattern >> 5)] as number) | (1 << (pattern & 31));
    }
    return { next, ends };
  }
}

/** Literals are cut to this many characters: longer ones rule out hardly more texts. */
const LITERAL_CHARS = 8;

/**
 * Literals one of which every text holding a match of the expression contains, case-folded; null
 * when nothing is known. A match is, starts with or contains a literal of one of the pattern's
 * conditions, so the text holding it contains that literal; a literal that holds another of the
 * set adds nothing.
 */
export function searchLiterals(source: string): readonly string[] | null {
  const conditions = patternConditions(source);
  if (conditions === null) return null;
  const cut = new Set(conditions.flatMap(({ texts }) => texts.map((text) => text.slice(0, LITERAL_CHARS))));
  const literals: string[] = [];
  for (const text of [...cut].sort((a, b) => a.length - b.length)) if (!literals.some((shorter) => text.includes(shorter))) literals.push(text);
  return literals.includes('') ? null : literals;
}

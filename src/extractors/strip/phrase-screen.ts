import type { LiteralCondition } from './pattern-literals.js';

interface Entry {
  literal: string;
  patterns: number[];
}

/**
 * Which phrase patterns of a table can match a whole text, found in one pass over the
 * case-folded text: a pattern is a candidate when the text meets one of its literal conditions
 * (is, starts with or contains one of the literals), or when nothing is known of it. Only
 * candidates need their expression run; the screen never rules out a pattern that would
 * match (see pattern-literals.ts).
 */
export class PhraseScreen {
  /** 1 for patterns no literal is known of: always candidates. */
  private readonly always: Uint8Array;
  private readonly byWhole = new Map<string, number[]>();
  /** Literals the text must start with, by their first two code units (or one, for one-character literals). */
  private readonly startsByPair = new Map<number, Entry[]>();
  private readonly startsByChar = new Map<number, Entry[]>();
  /** Literals the text must contain, by their first two code units; one-character ones apart. */
  private readonly containsByPair = new Map<number, Entry[]>();
  /**
   * 1 where a `containsByPair` key has these low bytes (`lowBytesKey`): most two code units of a
   * text start no literal, and this tells so without a map lookup.
   */
  private readonly containsLowBytes = new Uint8Array(1 << 16);
  private readonly containsChars: Entry[] = [];

  constructor(patterns: readonly (readonly LiteralCondition[] | null)[]) {
    this.always = new Uint8Array(patterns.length);
    const starts = new Map<string, Entry>();
    const contains = new Map<string, Entry>();
    patterns.forEach((conditions, index) => {
      if (conditions === null) {
        this.always[index] = 1;
        return;
      }
      for (const { kind, texts } of conditions) {
        for (const literal of texts) {
          if (kind === 'whole') push(this.byWhole, literal, index);
          else if (kind === 'prefix') this.entry(starts, literal, (entry) => (literal.length === 1 ? push(this.startsByChar, literal.charCodeAt(0), entry) : push(this.startsByPair, pairKey(literal, 0), entry))).patterns.push(index);
          else this.entry(contains, literal, (entry) => (literal.length === 1 ? this.containsChars.push(entry) : this.addContained(literal, entry))).patterns.push(index);
        }
      }
    });
  }

  /** Per pattern (by index), 1 when it may match the text; `folded` is the text through foldCase. */
  candidates(folded: string): Uint8Array {
    const hits = this.always.slice();
    const whole = this.byWhole.get(folded);
    if (whole) mark(hits, whole);
    if (folded.length === 0) return hits;
    const byChar = this.startsByChar.get(folded.charCodeAt(0));
    if (byChar) for (const { patterns } of byChar) mark(hits, patterns);
    // A text of one character starts with no literal of two or more.
    const byPair = folded.length > 1 ? this.startsByPair.get(pairKey(folded, 0)) : undefined;
    if (byPair) for (const { literal, patterns } of byPair) if (folded.startsWith(literal)) mark(hits, patterns);
    for (const { literal, patterns } of this.containsChars) if (folded.includes(literal)) mark(hits, patterns);
    for (let at = 0; at + 1 < folded.length; at++) {
      if (this.containsLowBytes[lowBytesKey(folded, at)] === 0) continue;
      const entries = this.containsByPair.get(pairKey(folded, at));
      if (entries === undefined) continue;
      for (const { literal, patterns } of entries) if (folded.startsWith(literal, at)) mark(hits, patterns);
    }
    return hits;
  }

  private addContained(literal: string, entry: Entry): void {
    push(this.containsByPair, pairKey(literal, 0), entry);
    this.containsLowBytes[lowBytesKey(literal, 0)] = 1;
  }

  private entry(entries: Map<string, Entry>, literal: string, index: (entry: Entry) => void): Entry {
    let entry = entries.get(literal);
    if (!entry) {
      entry = { literal, patterns: [] };
      entries.set(literal, entry);
      index(entry);
    }
    return entry;
  }
}

function mark(hits: Uint8Array, patterns: readonly number[]): void {
  for (const index of patterns) hits[index] = 1;
}

function pairKey(text: string, at: number): number {
  return (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);
}

/** The low bytes of the two code units at `at`: a key of 16 bits that several pairs may share. */
function lowBytesKey(text: string, at: number): number {
  return ((text.charCodeAt(at) & 0xff) << 8) | (text.charCodeAt(at + 1) & 0xff);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

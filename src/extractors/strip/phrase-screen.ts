import type { PatternLiterals } from './pattern-literals.js';

/**
 * Which phrase patterns of a table can match a text, found in one pass over the case-folded
 * text: a pattern is a candidate when the text is one of its whole texts, holds one of its
 * literals, or when nothing is known of it. Only candidates need their expression run; the
 * screen never rules out a pattern that would match (see pattern-literals.ts).
 */
export class PhraseScreen {
  /** 1 for patterns no literal is known of: always candidates. */
  private readonly always: Uint8Array;
  private readonly byWhole = new Map<string, number[]>();
  /** Literals of two or more code units, by their first two. */
  private readonly byPair = new Map<number, { literal: string; patterns: number[] }[]>();
  private readonly singleChars: { literal: string; patterns: number[] }[] = [];

  constructor(patterns: readonly PatternLiterals[]) {
    this.always = new Uint8Array(patterns.length);
    const entries = new Map<string, { literal: string; patterns: number[] }>();
    patterns.forEach(({ whole, anyOf }, index) => {
      if (whole !== null) for (const text of whole) push(this.byWhole, text, index);
      else if (anyOf !== null) {
        for (const literal of anyOf) {
          let entry = entries.get(literal);
          if (!entry) {
            entry = { literal, patterns: [] };
            entries.set(literal, entry);
            if (literal.length === 1) this.singleChars.push(entry);
            else push(this.byPair, pairKey(literal, 0), entry);
          }
          entry.patterns.push(index);
        }
      }
      else this.always[index] = 1;
    });
  }

  /** Per pattern (by index), 1 when it may match the text; `folded` is the text through foldCase. */
  candidates(folded: string): Uint8Array {
    const hits = this.always.slice();
    const whole = this.byWhole.get(folded);
    if (whole) for (const index of whole) hits[index] = 1;
    for (const { literal, patterns } of this.singleChars) if (folded.includes(literal)) for (const index of patterns) hits[index] = 1;
    for (let at = 0; at + 1 < folded.length; at++) {
      const entries = this.byPair.get(pairKey(folded, at));
      if (entries === undefined) continue;
      for (const { literal, patterns } of entries) if (folded.startsWith(literal, at)) for (const index of patterns) hits[index] = 1;
    }
    return hits;
  }
}

function pairKey(text: string, at: number): number {
  return (text.charCodeAt(at) << 16) | text.charCodeAt(at + 1);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

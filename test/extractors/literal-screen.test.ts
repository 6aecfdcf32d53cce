import { describe, expect, it } from 'vitest';
import { notClaimRules } from '../../src/extractors/claims/not-claims.js';
import { foldCase } from '../../src/extractors/strip/pattern-literals.js';
import { LiteralScreen, searchLiterals } from '../../src/extractors/text/literal-screen.js';

describe('searchLiterals', () => {
  it('takes the literals of every condition, cut short, without those that hold a shorter one', () => {
    expect(searchLiterals('(?<!\\w)(?:declined|refused) to comment')).toEqual(['declined', 'refused ']);
    expect(searchLiterals('^by \\p{Lu}|written by')).toEqual(['by ', 'written ']);
    expect(searchLiterals('\\d+ (?:cup|cups|tsp)\\b')).toEqual([' cup', ' tsp']);
  });

  it('knows nothing of a pattern that can match without a literal', () => {
    expect(searchLiterals('\\S[^\\S\\n]{4,}\\S')).toBeNull();
    expect(searchLiterals('(?:photo)?\\d+')).toBeNull();
    expect(searchLiterals('x?')).toBeNull();
  });
});

describe('LiteralScreen', () => {
  /** The plain reading of the screen: a pattern is a candidate when the folded text holds one of its literals. */
  const naive = (sources: readonly string[], text: string): number[] =>
    sources.map((source) => {
      const literals = searchLiterals(source);
      return literals === null || literals.some((literal) => foldCase(text).includes(literal)) ? 1 : 0;
    });

  const candidates = (screen: LiteralScreen, count: number, text: string): number[] => {
    screen.read(text);
    return Array.from({ length: count }, (_, index) => (screen.mayMatch(index) ? 1 : 0));
  };

  it('marks the patterns whose literals the text holds, overlapping and nested ones included', () => {
    const sources = ['she', 'he', 'hers', 'his', 'sh(?:e|y)', 'ushe', '\\d+', 'Ω'];
    const screen = new LiteralScreen(sources);
    for (const text of ['ushers', 'USHERS', 'hi his', 'sh', 'shy', '', 'the ωmega', 'a hershey', 'h e']) {
      expect(candidates(screen, sources.length, text), text).toEqual(naive(sources, text));
    }
  });

  it('agrees with a plain search on random texts over a small alphabet', () => {
    let seed = 7;
    const random = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    const word = (length: number): string => Array.from({ length }, () => 'abAB c'[random(6)]).join('');
    const sources = Array.from({ length: 40 }, () => `${word(2 + random(3))}|${word(3 + random(3))}`.replace(/ /g, 'x'));
    const screen = new LiteralScreen(sources);
    for (let round = 0; round < 300; round++) {
      const text = word(random(30));
      expect(candidates(screen, sources.length, text), text).toEqual(naive(sources, text));
    }
  });

  it('never rules out a not-claim sentence row whose pattern matches one of its examples', () => {
    const rows = notClaimRules().rules.filter((rule) => rule.target === 'sentence');
    const screen = new LiteralScreen(rows.map((rule) => rule.pattern.source));
    const missed: string[] = [];
    let matched = 0;
    for (const text of rows.flatMap((rule) => [...rule.examples.hit, ...rule.examples.miss]).flatMap((text) => [text, text.toUpperCase(), text.replace(/s/g, 'ſ')])) {
      screen.read(text);
      rows.forEach((rule, index) => {
        if (!rule.pattern.test(text)) return;
        matched++;
        if (!screen.mayMatch(index)) missed.push(`${rule.id}: ${text}`);
      });
    }
    expect(matched).toBeGreaterThan(100);
    expect(missed).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { foldCase, patternLiterals } from '../../src/extractors/strip/pattern-literals.js';
import { PhraseScreen } from '../../src/extractors/strip/phrase-screen.js';
import { loadBoilerplatePhrases, loadBoilerplateRules } from '../../src/rules/strip-rules.js';

const phraseRows = [...loadBoilerplateRules().rules, ...loadBoilerplatePhrases().flatMap((table) => table.rules)].flatMap((rule) =>
  rule.match.kind === 'text' || rule.match.kind === 'sectionHeading' ? [{ rule, pattern: new RegExp(`^(?:${rule.match.pattern})$`, 'iu') }] : [],
);

describe('patternLiterals', () => {
  it('reads the literals every match holds', () => {
    expect(patternLiterals('(?:read|see) more(?: .{0,40})?').anyOf).toEqual(['read mor', 'see more']);
    expect([...(patternLiterals('subscribe to .{1,80}|sign up now').anyOf ?? [])].sort()).toEqual(['sign up ', 'subscrib']);
    expect(patternLiterals('.{0,80}newsletter').anyOf).toEqual(['newslett']);
  });

  it('gives the whole texts of a pattern that matches few', () => {
    expect(patternLiterals('(?:related|more) (?:news|stories)[:.]?').whole).toEqual(
      new Set(['related news', 'related stories', 'more news', 'more stories', 'related news:', 'related stories:', 'more news:', 'more stories:', 'related news.', 'related stories.', 'more news.', 'more stories.']),
    );
    expect(patternLiterals('Werbung').whole).toEqual(new Set(['werbung']));
  });

  it('takes a look-ahead as a requirement, but not a negative one or an optional piece', () => {
    expect(patternLiterals('(?=.{0,200}newsletter).{10,300}').anyOf).toEqual(['newslett']);
    expect(patternLiterals('(?!.{0,200}newsletter).{10,300}').anyOf).toBeNull();
    expect(patternLiterals('(?:photo: )?.{1,80}').anyOf).toBeNull();
    expect(patternLiterals('\\p{Lu}\\w+ \\d+').anyOf).toEqual([' ']);
  });

  it('knows nothing, rather than something wrong, of syntax it does not read', () => {
    expect(patternLiterals('(?<word>\\w+) \\k<word>')).toEqual({ whole: null, anyOf: null });
    expect(patternLiterals('[a-z]+ing')).toEqual({ whole: null, anyOf: ['ing'] });
    expect(patternLiterals('[^x]yz')).toEqual({ whole: null, anyOf: ['yz'] });
  });
});

describe('foldCase', () => {
  it('equates what an iu expression equates, for every character of every literal the phrase tables give', () => {
    const alphabet = new Set<string>();
    for (const { pattern } of phraseRows) {
      const { whole, anyOf } = patternLiterals(pattern.source);
      for (const text of [...(whole ?? []), ...(anyOf ?? [])]) for (const char of text) alphabet.add(char);
    }
    const escape = (char: string): string => char.replace(/[\\^[\]-]/g, '\\$&');
    const any = new RegExp(`^[${[...alphabet].map(escape).join('')}]$`, 'iu');
    const mismatches: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      if (!any.test(char)) continue;
      for (const literal of alphabet) {
        if (new RegExp(`^[${escape(literal)}]$`, 'iu').test(char) && foldCase(char) !== foldCase(literal)) mismatches.push(`U+${code.toString(16)} vs ${literal}`);
      }
    }
    expect(alphabet.size).toBeGreaterThan(30);
    expect(mismatches).toEqual([]);
  });

  it('folds the characters toLowerCase leaves apart from their case partners', () => {
    expect(foldCase('Unſer ΛΌΓΟΣ µ')).toBe('unser λόγοσ μ');
  });
});

describe('PhraseScreen over the phrase tables', () => {
  const screen = new PhraseScreen(phraseRows.map(({ pattern }) => patternLiterals(pattern.source)));
  /** Every example of every row, as written and in other cases and spellings that iu expressions equate. */
  const texts = phraseRows.flatMap(({ rule }) => [...rule.examples.hit, ...rule.examples.miss]).flatMap((text) => [
    text,
    text.toUpperCase(),
    text.replace(/s/g, 'ſ'),
    text.replace(/k/g, '\u212a'),
    text.replace(/\n/g, ' '),
  ]);

  it('never rules out a row whose expression matches the text', () => {
    const missed: string[] = [];
    let matched = 0;
    for (const text of texts) {
      const candidates = screen.candidates(foldCase(text));
      phraseRows.forEach(({ rule, pattern }, index) => {
        if (!pattern.test(text)) return;
        matched++;
        if (candidates[index] !== 1) missed.push(`${rule.id}: ${text}`);
      });
    }
    expect(matched).toBeGreaterThan(500);
    expect(missed).toEqual([]);
  });

  it('rules out most rows for a sentence of article text', () => {
    const candidates = screen.candidates(foldCase('The council approved the budget on Tuesday after a long debate about schools.'));
    const kept = candidates.reduce((sum, flag) => sum + flag, 0);
    expect(kept).toBeLessThan(phraseRows.length / 5);
  });
});

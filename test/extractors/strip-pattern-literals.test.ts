import { describe, expect, it } from 'vitest';
import { foldCase, patternConditions, topLevelAlternatives } from '../../src/extractors/strip/pattern-literals.js';
import { PhraseScreen } from '../../src/extractors/strip/phrase-screen.js';
import { loadBoilerplatePhrases, loadBoilerplateRules } from '../../src/rules/strip-rules.js';

const phraseRows = [...loadBoilerplateRules().rules, ...loadBoilerplatePhrases().flatMap((table) => table.rules)].flatMap((rule) =>
  rule.match.kind === 'text' || rule.match.kind === 'sectionHeading' ? [{ rule: { ...rule, match: rule.match }, pattern: new RegExp(`^(?:${rule.match.pattern})$`, 'iu') }] : [],
);

describe('patternConditions', () => {
  const texts = (pattern: string): string[][] | null => patternConditions(pattern)?.map(({ kind, texts: literals }) => [kind, ...[...literals].sort()]) ?? null;

  it('reads what every whole-text match starts with or contains', () => {
    expect(texts('(?:read|see) more(?: .{0,40})?')).toEqual([['prefix', 'read mor', 'see more']]);
    expect(texts('.{0,80}newsletter')).toEqual([['contains', 'newslett']]);
    expect(texts('\\(?(?:dpa|afp)\\)?.{0,20}')).toEqual([['prefix', '(afp', '(dpa', 'afp', 'dpa']]);
  });

  it('judges each top-level alternative on its own', () => {
    expect(texts('subscribe to .{1,80}|.{0,40}sign up now|getty images|ap')).toEqual([['prefix', 'subscrib'], ['contains', 'sign up '], ['whole', 'getty images'], ['whole', 'ap']]);
  });

  it('gives the whole texts of a pattern that matches few', () => {
    expect(texts('(?:related|more) (?:news|stories)[:.]?')).toEqual([
      ['whole', 'more news', 'more news.', 'more news:', 'more stories', 'more stories.', 'more stories:', 'related news', 'related news.', 'related news:', 'related stories', 'related stories.', 'related stories:'],
    ]);
    expect(texts('Werbung')).toEqual([['whole', 'werbung']]);
  });

  it('takes a look-ahead as a requirement, but not a negative one or an optional piece', () => {
    expect(texts('(?=.{0,200}newsletter).{10,300}')).toEqual([['contains', 'newslett']]);
    expect(texts('(?!.{0,200}newsletter).{10,300}')).toBeNull();
    expect(texts('(?:photo: )?.{1,80}')).toBeNull();
    expect(texts('.{0,80}|photo')).toBeNull();
  });

  it('knows nothing, rather than something wrong, of syntax it does not read', () => {
    expect(texts('(?<word>\\w+) \\k<word>')).toBeNull();
    expect(texts('[a-z]+ing')).toEqual([['contains', 'ing']]);
    expect(texts('[^x]yz')).toEqual([['contains', 'yz']]);
  });
});

describe('topLevelAlternatives', () => {
  it('splits only at a bar outside groups, classes and escapes', () => {
    expect(topLevelAlternatives(String.raw`share|follow (us|me)|[|]x|a\|b`)).toEqual(['share', 'follow (us|me)', '[|]x', String.raw`a\|b`]);
    expect(topLevelAlternatives('(?:a|b)c')).toEqual(['(?:a|b)c']);
  });

  it('gives each phrase row alternatives that together match exactly what the row matches', () => {
    for (const { rule, pattern } of phraseRows) {
      const alternatives = topLevelAlternatives(rule.match.pattern).map((source) => new RegExp(`^(?:${source})$`, 'iu'));
      for (const text of [...rule.examples.hit, ...rule.examples.miss]) {
        expect(alternatives.some((alternative) => alternative.test(text)), `${rule.id}: ${text}`).toBe(pattern.test(text));
      }
    }
  });
});

describe('foldCase', () => {
  it('equates what an iu expression equates, for every character of every literal the phrase tables give', () => {
    const alphabet = new Set<string>();
    for (const { rule } of phraseRows) {
      for (const { texts } of patternConditions(rule.match.pattern) ?? []) for (const text of texts) for (const char of text) alphabet.add(char);
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
  const screen = new PhraseScreen(phraseRows.map(({ rule }) => patternConditions(rule.match.pattern)));
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

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withFastWordBoundaries } from '../../src/rules/word-boundaries.js';

describe('withFastWordBoundaries', () => {
  it('turns a boundary before a word character into a look-behind', () => {
    expect(withFastWordBoundaries('\\b(?:declined|refused) to\\b')).toBe('(?<!\\w)(?:declined|refused) to\\b');
    expect(withFastWordBoundaries('\\b\\d+ yards')).toBe('(?<!\\w)\\d+ yards');
    expect(withFastWordBoundaries('x|\\b[A-Z]\\w+')).toBe('x|(?<!\\w)[A-Z]\\w+');
    expect(withFastWordBoundaries('\\b(?:(?:one|two)s?|ten)')).toBe('(?<!\\w)(?:(?:one|two)s?|ten)');
  });

  it('leaves every boundary whose next character may not be a word character', () => {
    for (const source of ['\\b\\p{L}+ing', '\\b(?:one|\\$\\d)', '\\ba?b', '\\b(?:ab|)', '\\b(?:x)*', '\\b[^a-z]', '\\b(?=a)a', '\\b[a-zé]', '[\\b]a', '\\\\ba', 'a\\b', '\\b^(?:a)', '\\bx{0,2}y']) {
      expect(withFastWordBoundaries(source)).toBe(source);
    }
  });

  // Case folding in /iu makes "ſ" and the Kelvin sign word characters; the look-behind must agree.
  const probes = ['', 'a', 'ſ', 'K', 'é', '_', '1', ' ', '-', '’', '😀'];
  const words = ['declined to comment', 'Scored 10 points', 'sKill', 'ſubscribe now', '4-for-9', 'x_declined'];

  it('matches exactly what the written pattern matches, on every not-claim row with a pattern', () => {
    const table = JSON.parse(readFileSync(new URL('../../config/claims/not-claims.json', import.meta.url), 'utf8')) as {
      rules: Array<{ pattern?: string; caseSensitive?: boolean; examples: { hit: string[]; miss: string[] } }>;
    };
    let rewritten = 0;
    for (const row of table.rules) {
      // a page row counts another row's matches and has no pattern of its own
      if (row.pattern === undefined) continue;
      const flags = row.caseSensitive === true ? 'u' : 'iu';
      const written = new RegExp(row.pattern, flags);
      const fast = new RegExp(withFastWordBoundaries(row.pattern), flags);
      if (fast.source !== written.source) rewritten++;
      const texts = [...row.examples.hit, ...row.examples.miss].flatMap((example) => [example, ...probes.flatMap((probe) => [probe + example, example.replace(/ /g, ` ${probe}`)])]);
      for (const text of [...texts, ...words.flatMap((word) => probes.map((probe) => probe + word + probe))]) {
        expect(fast.exec(text)?.[0], `${row.pattern} on ${text}`).toBe(written.exec(text)?.[0]);
        expect(fast.exec(text)?.index).toBe(written.exec(text)?.index);
      }
    }
    expect(rewritten).toBeGreaterThan(10);
  });
});

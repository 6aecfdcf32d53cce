import { describe, expect, it } from 'vitest';
import { expandAlternatives } from '../../src/rules/phrase-alternatives.js';

describe('expandAlternatives', () => {
  it('spells every combination of the alternatives in order', () => {
    expect(expandAlternatives('{hard|too early} to {say|tell}')).toEqual(['hard to say', 'hard to tell', 'too early to say', 'too early to tell']);
  });

  it('keeps a phrase without alternatives and collapses the spaces an empty choice leaves', () => {
    expect(expandAlternatives('so-called')).toEqual(['so-called']);
    expect(expandAlternatives('{also |}known as')).toEqual(['also known as', 'known as']);
  });

  it('rejects an unclosed alternative', () => {
    expect(() => expandAlternatives('{hard to say')).toThrow(/unclosed/);
  });
});

import { describe, expect, it } from 'vitest';
import { extractActors } from '../../src/extractors/actors/index.js';
import { extractAttributions } from '../../src/extractors/attributions/index.js';
import { analyzeText, tokenize } from '../../src/extractors/text/tokens.js';

const sentencesOf = (text: string): string[] => analyzeText(text).sentences.map((sentence) => text.slice(sentence.start, sentence.end));

describe('tokenization', () => {
  const tokenTexts = (text: string): string[] => tokenize(text).map((token) => token.text);

  it('joins words and numbers across the marks that join them, and nowhere else', () => {
    expect(tokenTexts("U.S. e.g. a. it's Roe's x-ray AT&T 3.5 1,000 9:30 3rd 4x4 v2.0 __init__")).toEqual([
      'U.S.', 'e.g.', 'a', '.', 'it', "'s", 'Roe', "'s", 'x-ray', 'AT&T', '3.5', '1,000', '9:30', '3', 'rd', '4', 'x4', 'v2', '.', '0', '_', '_', 'init', '_', '_',
    ]);
  });

  it('reads letters, digits and marks beyond ASCII as the same kinds of token', () => {
    expect(tokenTexts('Café’s naïve 12٣ l’année Ωmega—“quoted” 😀ok')).toEqual(['Café', '’s', 'naïve', '12٣', 'l’année', 'Ωmega', '—', '“', 'quoted', '”', '😀', 'ok']);
  });

  it('marks the tokens after white space and after a line break', () => {
    const tokens = tokenize('a,b \u00a0c\n\td');
    expect(tokens.map((token) => [token.text, token.spaceBefore, token.newlineBefore])).toEqual([
      ['a', false, false], [',', false, false], ['b', false, false], ['c', true, false], ['d', true, true],
    ]);
  });
});

describe('sentence splitting', () => {
  it('keeps a case name ("Roe v. Wade") inside its sentence', () => {
    const text = 'The ruling in Harbour Trust v. Ostby struck the law down. Judges cited Roe v. Wade twice.';
    expect(sentencesOf(text)).toEqual(['The ruling in Harbour Trust v. Ostby struck the law down.', 'Judges cited Roe v. Wade twice.']);
  });

  it('keeps a dateline whose state is abbreviated with the agency in brackets after it', () => {
    expect(sentencesOf('ORLANDO, Fla. (Reuters) - Mayor Roe met pilots and said the pier must close. He left.')).toEqual([
      'ORLANDO, Fla. (Reuters) - Mayor Roe met pilots and said the pier must close.',
      'He left.',
    ]);
  });

  it('still ends a sentence at a period after other one-letter words and before a sentence opener', () => {
    expect(sentencesOf('The dock closed at 5 p.m. The ferries stopped. She took Plan B. He left.')).toEqual([
      'The dock closed at 5 p.m.',
      'The ferries stopped.',
      'She took Plan B.',
      'He left.',
    ]);
  });

  it('reads "No." as "number" only before a number', () => {
    expect(sentencesOf('The skipper kept telling me no. When the tide turned, we sailed. The ferry is No. 4 on the list.')).toEqual([
      'The skipper kept telling me no.',
      'When the tide turned, we sailed.',
      'The ferry is No. 4 on the list.',
    ]);
  });

  it('gives the reported clause that holds a case name whole to its speaker', () => {
    const text = 'The ruling in Harbour Trust v. Ostby means the port must pay, Mayor Ines Holt said.';
    const [attribution] = extractAttributions(text, extractActors(text).actors).attributions;
    expect(attribution?.speaker?.text).toBe('Mayor Ines Holt');
    expect(attribution?.content.text).toBe('The ruling in Harbour Trust v. Ostby means the port must pay');
  });
});

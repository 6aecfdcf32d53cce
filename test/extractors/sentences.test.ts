import { describe, expect, it } from 'vitest';
import { extractActors } from '../../src/extractors/actors/index.js';
import { extractAttributions } from '../../src/extractors/attributions/index.js';
import { analyzeText } from '../../src/extractors/text/tokens.js';

const sentencesOf = (text: string): string[] => analyzeText(text).sentences.map((sentence) => text.slice(sentence.start, sentence.end));

describe('sentence splitting', () => {
  it('keeps a case name ("Roe v. Wade") inside its sentence', () => {
    const text = 'The ruling in Harbour Trust v. Ostby struck the law down. Judges cited Roe v. Wade twice.';
    expect(sentencesOf(text)).toEqual(['The ruling in Harbour Trust v. Ostby struck the law down.', 'Judges cited Roe v. Wade twice.']);
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

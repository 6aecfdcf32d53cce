import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extractors/claims/index.js';
import { bareClaimArticle } from '../../src/model/claim-article.js';

// Sentences written for this test; each is one paragraph so it is one sentence of the article.
describe('figure claims', () => {
  it('a sentence whose only figure is an age or "one of" makes no figure claim; the figures stay', () => {
    const text = 'A woman aged 38 was charged on Monday.\n\nOne of the letters was never opened.\n\nThe council cut its budget by 12 percent.';
    const { claims, figures } = extractClaims(text, { articleId: 'figure-claims' });
    expect(figures.map((figure) => figure.unit)).toEqual(['year of age', 'letter', 'percent']);
    const figureClaims = claims.filter((claim) => claim.kind === 'figure');
    expect(figureClaims.map((claim) => claim.sentence.text)).toEqual(['The council cut its budget by 12 percent.']);
  });

  it('a number that counts nothing named makes no figure claim, however large; one with a unit does', () => {
    const text = 'The boat has a 10-speed gearbox.\n\nOf the two, only the older boat sails.\n\nThe port handled 4,300 ferries.\n\nThe crowd of 15,522 cheered.\n\nThe 747 programme has faced delays.\n\nThe ferry takes 12 minutes.';
    const { claims, figures } = extractClaims(text, { articleId: 'bare-counts' });
    expect(claims.filter((claim) => claim.kind === 'figure').map((claim) => claim.sentence.text)).toEqual([
      'The port handled 4,300 ferries.',
      'The ferry takes 12 minutes.',
    ]);
    expect(figures.some((figure) => figure.text === '15,522')).toBe(true);
  });

  it('a count of the writer\'s own list items (tips, ways, reasons) makes no figure claim', () => {
    const text = 'Here are 15 tips to keep your ferry ticket cheap.\n\nThe harbour sold 15 tickets in an hour.';
    const { claims, figures } = extractClaims(text, { articleId: 'generic-counts' });
    expect(figures.map((figure) => figure.unit)).toEqual(['tip', 'ticket']);
    expect(claims.map((claim) => claim.sentence.text)).toEqual(['The harbour sold 15 tickets in an hour.']);
  });

  it('a width in bits or a few bytes, and the figures of a worked example, make no figure claim; an amount of data does', () => {
    const text = 'The old ticket machines are 16-bit.\n\nIn this example, we split the ferry list into two columns.\n\nThe ticket system writes 2 million bytes of logs a day.';
    const { claims, figures } = extractClaims(text, { articleId: 'data-widths' });
    expect(figures.map((figure) => figure.unit)).toEqual(['bit', 'column', 'byte']);
    expect(claims.map((claim) => claim.sentence.text)).toEqual(['The ticket system writes 2 million bytes of logs a day.']);
  });

  it('a figure sentence in another language than the text makes no figure claim, and the log says so', () => {
    const text = 'The harbour board sold 40 ferries last year, the most since the war began.\n\nIn vielen Häfen der Welt gibt es jetzt neue Fähren, die mit 80.000 Euro von den Bürgern finanziert wurden.\n\nThe council spent $4 million on the new pier this spring.';
    const { claims, rejected } = extractClaims(text, { articleId: 'other-language' });
    expect(claims.map((claim) => claim.sentence.text)).toEqual(['The harbour board sold 40 ferries last year, the most since the war began.', 'The council spent $4 million on the new pier this spring.']);
    expect(rejected.filter((entry) => entry.ruleId === 'claim.sentence-language').map((entry) => entry.text)).toEqual(['In vielen Häfen der Welt gibt es jetzt neue Fähren, die mit 80.000 Euro von den Bürgern finanziert wurden.']);
  });

  it('reads the figures in the article\'s language', () => {
    const { figures } = extractClaims('Kosten: 3,5 Liter', { articleId: 'figure-language', article: { ...bareClaimArticle('figure-language'), language: 'de' } });
    expect(figures[0]).toMatchObject({ value: 3.5, unit: 'litre' });
  });
});

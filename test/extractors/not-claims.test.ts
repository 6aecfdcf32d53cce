import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extractors/claims/index.js';
import { bareClaimArticle } from '../../src/model/claim-article.js';

const ARTICLE = [
  'Ferry Line Wins Grant For Forty New Boats',
  'By Ines Kroll and Tom Park',
  'The harbour master said the line would buy 40 boats by 2027. A spokesman for the shipyard declined to comment. Main image credit: Harbour Trust archive.',
  'Subscribe now for just $2 a week and get unlimited access.',
].join('\n\n');

describe('extractClaims keeps what is not a claim out of the feed', () => {
  const extraction = extractClaims(ARTICLE, { articleId: 'not-claims' });

  it('emits the reported statement and nothing from the headline, byline, credit, pitch or no-comment line', () => {
    expect(extraction.claims.map((claim) => claim.content?.text)).toEqual(['the line would buy 40 boats by 2027']);
  });

  it('records each of them in rejected with its rule, the no-comment line as a note on the article', () => {
    const notes = extraction.rejected.filter((entry) => entry.layer === 'claim').map((entry) => [entry.ruleId, entry.text]);
    expect(notes).toEqual([
      ['not-claim.headline', 'Ferry Line Wins Grant For Forty New Boats'],
      ['not-claim.byline', 'By Ines Kroll and Tom Park'],
      ['not-claim.no-comment', 'A spokesman for the shipyard declined to comment.'],
      ['not-claim.photo-credit', 'Main image credit: Harbour Trust archive.'],
      ['not-claim.promotion', 'Subscribe now for just $2 a week and get unlimited access.'],
    ]);
    expect(extraction.rejected.find((entry) => entry.ruleId === 'not-claim.no-comment')?.reason).toMatch(/^note on the article/);
  });

  it('still lists the no-comment line among the attributions the text contains', () => {
    expect(extraction.attributions.some((attribution) => attribution.cue?.text === 'declined')).toBe(true);
  });
});

describe('extractClaims and the language of the cue tables', () => {
  it('gives German text no attributed claims and says so once in rejected', () => {
    const text = 'Der Hafenmeister sagte, dass die Fähre am Sonntag fahren werde. Der Rat stimmte zu, dass sie es sollte.';
    const extraction = extractClaims(text, { articleId: 'german' });
    expect(extraction.attributions).toEqual([]);
    expect(extraction.rejected.filter((entry) => entry.ruleId.endsWith('.language-not-covered')).map((entry) => entry.ruleId)).toEqual(['claim.language-not-covered']);
  });

  it('reads no figures in a language the figure tables do not cover, and says so once', () => {
    const text = 'Rada miasta podała w poniedziałek, że nowa zajezdnia kosztowała 4,5 mln złotych i pomieści 120 autobusów do końca roku.';
    const extraction = extractClaims(text, { articleId: 'polish' });
    expect(extraction.figures).toEqual([]);
    expect(extraction.attributions).toEqual([]);
    expect(extraction.claims).toEqual([]);
    const notes = extraction.rejected.filter((entry) => entry.ruleId === 'claim.language-not-covered');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.reason).toContain('"pl"');
  });

  it('reads an article declared English but written in German as German', () => {
    const text = 'Der Verbrauch ist nach Angaben der Stadtwerke im letzten Jahr auf 12,2 Liter pro Tag gestiegen, und das ist mehr als erwartet.';
    const extraction = extractClaims(text, { articleId: 'declared-english', article: { ...bareClaimArticle('declared-english'), language: 'en' } });
    expect(extraction.figures.map((figure) => figure.value)).toEqual([12.2]);
    expect(extraction.claims).toEqual([]);
  });

  it('takes a language already read from the same text as it is (languageRead), without reading it again', () => {
    const text = 'Der Verbrauch ist nach Angaben der Stadtwerke im letzten Jahr auf 12,2 Liter pro Tag gestiegen, und das ist mehr als erwartet.';
    const article = { ...bareClaimArticle('read-as-german'), language: 'de' };
    const read = extractClaims(text, { articleId: 'read-as-german', article, languageRead: true });
    expect(read.rejected.filter((entry) => entry.ruleId === 'claim.language-not-covered').map((entry) => entry.reason)).toEqual([expect.stringContaining('"de"')]);
    const taken = extractClaims(text, { articleId: 'taken-as-given', article: { ...article, language: 'en' }, languageRead: true });
    expect(taken.rejected.some((entry) => entry.ruleId === 'claim.language-not-covered')).toBe(false);
  });

  it('gives German text no claims at all, not even figure claims, and says so once in rejected', () => {
    const text = 'Der Hafenmeister sagte, die Fähre koste 40 Euro. Der Rat will 12 Prozent der Kosten tragen.';
    const extraction = extractClaims(text, { articleId: 'german-figures' });
    expect(extraction.figures.length).toBeGreaterThan(0);
    expect(extraction.claims).toEqual([]);
    expect(extraction.rejected.filter((entry) => entry.ruleId === 'claim.language-not-covered')).toHaveLength(1);
  });

  it('weighs a declared language against the text: "en-GB" is English, an English text declared French is English', () => {
    const text = 'The harbour master said the ferry would run on Sunday.';
    const article = { id: 'x', url: null, canonicalUrl: null, title: null, siteName: null, publishedAt: null, modifiedAt: null, language: 'en-GB', fetchedAt: null };
    expect(extractClaims(text, { articleId: 'english', article }).attributions).toHaveLength(1);
    expect(extractClaims(text, { articleId: 'french', article: { ...article, language: 'fr' } }).attributions).toHaveLength(1);
  });

  it('follows the declared language where the text is too short to tell', () => {
    const text = 'Marc Dubois said so.';
    const article = { id: 'x', url: null, canonicalUrl: null, title: null, siteName: null, publishedAt: null, modifiedAt: null, language: 'fr', fetchedAt: null };
    expect(extractClaims(text, { articleId: 'short-french', article }).attributions).toEqual([]);
    expect(extractClaims(text, { articleId: 'short-english', article: { ...article, language: 'en' } }).attributions).toHaveLength(1);
  });
});

describe('extractClaims and passages a page repeats', () => {
  it('keeps one claim for a statement the page prints twice (a pull quote, a repeated caption)', () => {
    const sentence = 'The harbour master said the line would buy 40 boats by 2027.';
    const extraction = extractClaims(`${sentence}\n\nFares will not change this year.\n\n${sentence}`, { articleId: 'repeated' });
    expect(extraction.attributions).toHaveLength(2);
    expect(extraction.claims.map((claim) => claim.content?.text)).toEqual(['the line would buy 40 boats by 2027']);
  });

  it('keeps both claims when two speakers say the same words', () => {
    const extraction = extractClaims('The harbour master said the line would buy 40 boats. The mayor said the line would buy 40 boats.', { articleId: 'two-speakers' });
    expect(extraction.claims.map((claim) => claim.speaker?.text)).toEqual(['The harbour master', 'The mayor']);
  });
});

describe('extractClaims and runs of short lines', () => {
  it('logs a run of fragment lines once, with the number of lines, and a separate run again', () => {
    const text = ['Range 400 km', 'Charging time 30 minutes', 'Weight 1,200 kg', 'The harbour master said the ferry would carry 40 cars.', 'Seats 12', 'Doors 4'].join('\n\n');
    const extraction = extractClaims(text, { articleId: 'fragments' });
    const fragments = extraction.rejected.filter((entry) => entry.ruleId === 'not-claim.fragment');
    expect(fragments.map((entry) => entry.reason.match(/\((\d+) lines in a row\)$/)?.[1])).toEqual(['3', '2']);
    expect(fragments[0]?.text).toBe('Range 400 km\n\nCharging time 30 minutes\n\nWeight 1,200 kg');
    expect(extraction.claims.map((claim) => claim.content?.text)).toEqual(['the ferry would carry 40 cars']);
  });

  it('logs a lone fragment line with the plain note', () => {
    const extraction = extractClaims('Range 400 km\n\nThe harbour master said the ferry would carry 40 cars.', { articleId: 'fragment' });
    expect(extraction.rejected.find((entry) => entry.ruleId === 'not-claim.fragment')?.reason).not.toMatch(/lines in a row/);
  });
});

describe('extractClaims and statements passed on by a source', () => {
  it('keeps the statement credited to its speaker, not again to the source that passed it on', () => {
    const text = 'As yet, no link between the third case and the first two has been found, the island health board said, according to the Harbour Times.';
    const extraction = extractClaims(text, { articleId: 'relayed' });
    expect(extraction.claims.map((claim) => [claim.speaker?.text, claim.content?.text])).toEqual([
      ['the island health board', 'As yet, no link between the third case and the first two has been found'],
    ]);
    expect(extraction.rejected.some((entry) => entry.ruleId === 'claim.relayed-statement' && entry.text === 'according to')).toBe(true);
    // The attribution layer keeps the relation as read: the source's report, with the board's inside it.
    expect(extraction.attributions.map((attribution) => attribution.speaker?.text)).toEqual(['the Harbour Times']);
    expect(extraction.embeddedAttributions.map((attribution) => attribution.speaker?.text)).toEqual(['the island health board']);
  });

  it('keeps the source when it is the only record of the statement', () => {
    const text = 'The ferry was late for the third time this week, according to the Harbour Times.';
    const extraction = extractClaims(text, { articleId: 'source-only' });
    expect(extraction.claims.map((claim) => claim.speaker?.text)).toEqual(['the Harbour Times']);
  });
});

describe('extractClaims and how-to guides', () => {
  const steps = [
    'Drop two seeds into each pot.',
    'Set the pots on a sunny sill.',
    'Coat the cuttings with rooting powder.',
    'Then give the seedlings a light watering.',
  ];
  const figures = 'The seedlings are ready to plant out within 3 to 6 months. The pier garden sold 4,000 seedlings last year.';
  const figureClaims = (text: string) => extractClaims(text, { articleId: 'guide' }).claims.filter((claim) => claim.kind === 'figure');

  it('reads steps opened by "Drop", "Set", "Coat" and "Then give" as instructions', () => {
    const ruled = extractClaims(steps.join(' '), { articleId: 'guide' }).rejected.filter((entry) => entry.ruleId === 'not-claim.instruction');
    expect(ruled.map((entry) => entry.text)).toEqual(steps);
  });

  it('from four steps on, gives the figures of the page no figure claim', () => {
    expect(figureClaims(`${steps.join(' ')} ${figures}`)).toEqual([]);
  });

  it('keeps them beside three steps, as a news report with a short box of advice has', () => {
    expect(figureClaims(`${steps.slice(0, 3).join(' ')} ${figures}`)).toHaveLength(2);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/extractors/claims/index.js';
import { decodeHtmlBytes } from '../../src/extractors/decode.js';
import { stripArticle } from '../../src/extractors/strip/index.js';
import { claimArticleOf } from '../../src/model/claim-article.js';
import { renderArticlePage } from '../../src/review/html.js';
import { describeLanguage } from '../../src/review/log-summary.js';
import { renderReviewForTerminal } from '../../src/review/terminal.js';

/** A fixture page through the real stripper and claim extractors, as the process stage runs them. */
function extractPage(slug: string) {
  const bytes = readFileSync(new URL(`../fixtures/pages/${slug}/source.html`, import.meta.url));
  const url = `https://${slug}.example/`;
  const article = stripArticle(decodeHtmlBytes(bytes).chunks, { url });
  const context = claimArticleOf(slug, article, { url, fetchedAt: null });
  return { article, context, extraction: extractClaims(article.text, { articleId: slug, article: context }) };
}

const valueOf = (figures: readonly { text: string; value: number | null }[], text: string): number | null | undefined => figures.find((figure) => figure.text.startsWith(text))?.value;

/** Each page: the language it is read in, the value of each figure (by its opening text), the days read as dates. */
const PAGES = [
  {
    slug: 'numbers-de-declared-en',
    about: 'a German page declared English is German: decimal comma, thousands point, ordinal dates ("1. Januar")',
    language: 'de',
    values: { '12,2 Litern': 12.2, '1.500': 1500, '3,4 Millionen Euro': 3_400_000, '4,5 Prozent': 4.5, '38,50 Euro': 38.5 },
    days: ['1', '3'],
  },
  {
    slug: 'numbers-fr',
    about: 'a French page: decimal comma, thousands by a space, the day before its month ("3 mars")',
    language: 'fr',
    values: { '12,2 litres': 12.2, '1 500': 1500, '4,5 %': 4.5, '38,50 euros': 38.5 },
    days: ['3', '15'],
  },
];

describe('numbers and dates follow the language of the text', () => {
  for (const page of PAGES) {
    it(page.about, () => {
      const { context, extraction } = extractPage(page.slug);
      expect(context.language).toBe(page.language);
      for (const [text, value] of Object.entries(page.values)) expect(valueOf(extraction.figures, text), text).toBe(value);
      const days = page.days.map(Number);
      expect(extraction.figures.filter((figure) => figure.value !== null && days.includes(figure.value))).toEqual([]);
      expect(extraction.rejected.filter((entry) => entry.ruleId === 'reject.date').map((entry) => entry.text)).toEqual(page.days);
    });
  }

  it('keeps the declaration beside the detected language', () => {
    expect(extractPage('numbers-de-declared-en').article.language).toEqual({ declared: 'en', detected: 'de' });
  });

  it('makes no claims in a language the cue rules do not read, and says so once, in the log and on the review page', () => {
    const { article, extraction } = extractPage('numbers-de-declared-en');
    expect(extraction.claims).toEqual([]);
    const notes = extraction.rejected.filter((entry) => entry.ruleId.endsWith('language-not-covered'));
    expect(notes.map((entry) => entry.ruleId)).toEqual(['claim.language-not-covered']);
    const review = { id: 'numbers-de', url: 'https://numbers-de.example/', status: 'done' as const, article, claims: extraction.claims, log: { rejected: extraction.rejected }, failure: null };
    const page = renderArticlePage(review);
    expect(page).toContain('No claims extracted: the rules read figures in &quot;de&quot;');
    expect(page).toContain('language de (the page declares en)');
    expect(renderReviewForTerminal(review, { color: false })).toContain('no claims: the rules read figures in "de"');
  });

  it('names a declared language only where it differs from the reading, region and three-letter codes included', () => {
    expect(describeLanguage({ declared: 'en-US', detected: null })).toBe('language en-US');
    expect(describeLanguage({ declared: 'deu', detected: 'de' })).toBe('language de');
    expect(describeLanguage({ declared: 'en-GB', detected: 'de' })).toBe('language de (the page declares en-GB)');
  });
});
